/// Builds SVG markup element by element, escaping every attribute value and text node.
///
/// Attributes are written in the order given, numbers through ``SVGNumber``, so output is byte-stable.
struct SVGBuilder {
    private(set) var markup = ""

    /// An attribute value: text (escaped) or a pixel coordinate (formatted).
    enum Attribute {
        case text(String)
        case number(Double)

        var rendered: String {
            switch self {
            case .text(let value): return SVGText.escape(value)
            case .number(let value): return SVGNumber.coordinate(value)
            }
        }
    }

    private func attributes(_ pairs: KeyValuePairs<String, Attribute?>) -> String {
        var result = ""
        for (name, value) in pairs {
            guard let value else { continue }
            result += " \(name)=\"\(value.rendered)\""
        }
        return result
    }

    /// Opens `<tag ...>`; close it with ``close(_:)``.
    mutating func open(_ tag: String, _ pairs: KeyValuePairs<String, Attribute?> = [:]) {
        markup += "<\(tag)\(attributes(pairs))>"
        if tag != "text" { markup += "\n" }
    }

    /// Writes `</tag>` and a newline.
    mutating func close(_ tag: String) {
        markup += "</\(tag)>\n"
    }

    /// Writes an empty element `<tag ... />`.
    mutating func element(_ tag: String, _ pairs: KeyValuePairs<String, Attribute?>) {
        markup += "<\(tag)\(attributes(pairs))/>\n"
    }

    /// Writes `<tag ...>text</tag>` with `text` escaped.
    mutating func text(_ tag: String, _ pairs: KeyValuePairs<String, Attribute?>, _ content: String) {
        markup += "<\(tag)\(attributes(pairs))>\(SVGText.escape(content))</\(tag)>\n"
    }

    /// Appends markup that another builder produced.
    mutating func append(_ other: SVGBuilder) {
        markup += other.markup
    }
}

/// Wraps chart content into a complete, accessible `<svg>` document.
enum SVGDocument {
    /// The font stack of every chart: the reader's system font, nothing downloaded.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

    /// `<svg role="img" aria-labelledby=…>` with `<title>` and `<desc>` first, then `body`. An untitled chart's
    /// `<title>` is the summary's first sentence, so that every chart has a name to show on hover and to read aloud.
    static func wrap(id: String, width: Double, height: Double, title: String, summary: String, body: SVGBuilder) -> String {
        let safeID = SVGText.identifier(id)
        var svg = SVGBuilder()
        svg.open("svg", [
            "xmlns": .text("http://www.w3.org/2000/svg"),
            "viewBox": .text("0 0 \(SVGNumber.coordinate(width)) \(SVGNumber.coordinate(height))"),
            "role": .text("img"),
            "aria-labelledby": .text("\(safeID)-title \(safeID)-desc"),
            "class": .text("nmm-chart"),
            "id": .text(safeID),
            "font-family": .text(fontFamily),
            "font-size": .number(11),
        ])
        svg.text("title", ["id": .text("\(safeID)-title")], title.isEmpty ? ChartSummary.firstSentence(of: summary) : title)
        svg.text("desc", ["id": .text("\(safeID)-desc")], summary)
        svg.append(body)
        svg.close("svg")
        return svg.markup
    }
}

/// A rectangle in SVG user units.
struct Rect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
}
