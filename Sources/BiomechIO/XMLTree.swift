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
    /// How deeply elements may nest. OpenSim models nest about 12 deep; the limit keeps a hostile document
    /// from exhausting the stack when its tree is walked or freed.
    static let maximumDepth = 200

    /// The root element of the XML document in `data`; `file` names it in errors.
    static func parse(_ data: Data, file: String) throws(InputError) -> XMLTreeElement {
        // FoundationXML's XMLParser traps on element names that are not valid UTF-8 (found by
        // the fuzz test) and crashes on a processing instruction without data (found by
        // libFuzzer), so the bytes are checked first. OpenSim writes UTF-8, has no DOCTYPE and no
        // processing instruction but the XML declaration.
        try checkUTF8(data, file: file)
        try checkMarkup(data, file: file)
        // Fed from a stream, libxml2 sees the document in chunks: given whole, it refuses documents over 10 MB
        // ("XML parser error 1"), and OpenSim models of many muscles are larger.
        let parser = XMLParser(stream: InputStream(data: data))
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

extension XMLTree {
    /// Throws an error naming the line of the first byte sequence that is not UTF-8.
    static func checkUTF8(_ data: Data, file: String) throws(InputError) {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        var line = 1
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1 }
            case .emptyInput:
                break decoding
            case .error:
                let byte = offset < data.count ? data[data.startIndex + offset] : 0
                throw InputError(file: file, line: line, message:
                    "expected UTF-8 text, found the byte 0x\(String(byte, radix: 16, uppercase: true)) at byte offset \(offset)")
            }
        }
    }
}

extension XMLTree {
    /// Throws an error naming the line of a processing instruction other than a leading XML
    /// declaration, or of a DOCTYPE; comments and CDATA sections are skipped.
    static func checkMarkup(_ data: Data, file: String) throws(InputError) {
        let bytes = [UInt8](data)
        var line = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0 // a UTF-8 byte-order mark
        var sawContent = false
        func starts(with text: String, at position: Int) -> Bool {
            bytes[position...].starts(with: text.utf8)
        }
        func skip(past terminator: String) {
            while index < bytes.count, !starts(with: terminator, at: index) {
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            }
            index += terminator.utf8.count
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            if byte == UInt8(ascii: "<") {
                if starts(with: "<!--", at: index) { skip(past: "-->"); continue }
                if starts(with: "<![CDATA[", at: index) { skip(past: "]]>"); continue }
                if starts(with: "<!DOCTYPE", at: index) {
                    throw InputError(file: file, line: line, message: "expected an OpenSim model, found a DOCTYPE declaration")
                }
                if starts(with: "<?", at: index) {
                    guard !sawContent, starts(with: "<?xml ", at: index) else {
                        throw InputError(file: file, line: line, message:
                            "expected no processing instruction ('<?...?>') other than the XML declaration at the start")
                    }
                    let declarationStart = index
                    skip(past: "?>")
                    guard index <= bytes.count, !bytes[declarationStart + 1..<index - 2].contains(UInt8(ascii: "<")) else {
                        throw InputError(file: file, line: line, message: "expected the XML declaration to end with '?>' before the next '<'")
                    }
                    sawContent = true
                    continue
                }
            }
            if byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { sawContent = true }
            index += 1
        }
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
        guard stack.count < XMLTree.maximumDepth else {
            if failure == nil { failure = "elements nest more than \(XMLTree.maximumDepth) deep (OpenSim models nest about 12)" }
            parser.abortParsing()
            return
        }
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
