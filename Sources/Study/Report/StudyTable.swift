import Charts

/// A table of the study report: a caption, column headings and text cells, the first of each row naming it.
/// study.html renders it as HTML; a notebook's `study` command shows it as a notebook table.
public struct StudyTable: Sendable, Equatable {
    /// What the table shows.
    public var caption: String
    /// Column headings.
    public var header: [String]
    /// Rows of cells, one per heading.
    public var rows: [[Cell]]

    /// One cell: text (escaped when rendered), optionally emphasised (the best value of a row, a p below 0.05).
    public struct Cell: Sendable, Equatable {
        public var text: String
        public var strong = false
        /// A cell from its text.
        public init(_ text: String, strong: Bool = false) { self.text = text; self.strong = strong }
    }

    /// The table as HTML, every text escaped.
    public var html: String {
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
