import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element with the line it starts on, so model errors can name the line.
final class XMLTreeElement {
    let name: String
    let attributes: [String: String]
    let line: Int
    private(set) var children: [XMLTreeElement] = []
    fileprivate(set) var text = ""

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    /// The first child element named `name`.
    func child(_ name: String) -> XMLTreeElement? { children.first { $0.name == name } }

    /// Every element below this one (depth first, document order), not including itself and
    /// not entering elements named in `skipping`.
    func descendants(skipping: Set<String> = []) -> [XMLTreeElement] {
        var found: [XMLTreeElement] = []
        var stack = children.reversed() as [XMLTreeElement]
        while let element = stack.popLast() {
            if skipping.contains(element.name) { continue }
            found.append(element)
            stack.append(contentsOf: element.children.reversed())
        }
        return found
    }

    /// The element's text without surrounding whitespace.
    var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    fileprivate func append(_ child: XMLTreeElement) { children.append(child) }
}

/// Builds an `XMLTreeElement` tree with FoundationXML's streaming `XMLParser`, which reports the
/// line of every element and of the first syntax error.
enum XMLTree {
    /// The root element of the XML document in `data`; `file` names it in errors.
    static func parse(_ data: Data, file: String) throws(InputError) -> XMLTreeElement {
        let parser = XMLParser(data: data)
        let builder = TreeBuilder()
        parser.delegate = builder
        parser.shouldResolveExternalEntities = false
        let succeeded = parser.parse()
        guard succeeded, builder.failure == nil, builder.openElements == 0, let root = builder.root else {
            let reason = builder.failure ?? parser.parserError.map { ($0 as NSError).localizedDescription }
                ?? (builder.openElements > 0 ? "the document ends inside an element" : "no root element")
            throw InputError(file: file, line: max(parser.lineNumber, 1), message: "expected well-formed XML: \(reason)")
        }
        return root
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLTreeElement?
    var failure: String?
    private var stack: [XMLTreeElement] = []
    /// Elements started and not yet ended: non-zero after parsing means the document was cut short.
    var openElements: Int { stack.count }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let element = XMLTreeElement(name: elementName, attributes: attributes, line: parser.lineNumber)
        if let parent = stack.last { parent.append(element) } else if root == nil { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil { failure = "\((parseError as NSError).localizedDescription) (XML parser error \((parseError as NSError).code))" }
    }
}
