import Charts

/// A table of escaped text cells rendered as HTML.
struct HTMLTable {
    var caption: String
    var header: [String]
    var rows: [[Cell]]

    /// One cell: text (escaped when rendered), optionally emphasised.
    struct Cell: ExpressibleByStringLiteral {
        var text: String
        var strong = false
        init(_ text: String, strong: Bool = false) { self.text = text; self.strong = strong }
        init(stringLiteral text: String) { self.text = text }
    }

    var html: String {
        var out = "<table>\n<caption>\(escape(caption))</caption>\n<thead><tr>"
        out += header.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>" + row.enumerated().map { index, cell in
                let text = cell.strong ? "<strong>\(escape(cell.text))</strong>" : escape(cell.text)
                return index == 0 ? "<th scope=\"row\">\(text)</th>" : "<td>\(text)</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}

/// Text for HTML: the same entities as the charts' SVG (`& < > " '`), control characters dropped.
func escape(_ text: String) -> String { SVGText.escape(text) }

/// A metric value for tables: three significant decimals, "—" where undefined.
func formatted(_ value: Double?, decimals: Int = 3) -> String {
    guard let value, value.isFinite else { return "—" }
    return SVGNumber.fixed(value, decimals: decimals)
}

/// A p-value: three significant digits, "< 0.0001" below that.
func formattedP(_ p: Double?) -> String {
    guard let p else { return "—" }
    return p < 0.0001 ? "< 0.0001" : SVGNumber.readable(p, significant: 3)
}
