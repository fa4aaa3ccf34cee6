import Charts

/// Numbers the figures of a run in order and gives each an HTML id, so prose can cite them as `@label`.
///
/// A cell's `#| label:` names its figure; a cell with several figures gets `label-1`, `label-2` …;
/// unlabelled figures are `fig-N`.
struct FigureCatalog {
    /// One numbered figure.
    struct Entry {
        var number: Int
        var id: String
        var caption: String
        var chart: any Chart
        var cell: Int
    }

    private(set) var entries: [Entry] = []
    /// Figure numbers by the label prose may cite.
    private(set) var numbersByLabel: [String: Int] = [:]
    /// The entry index of each figure output, keyed by cell number and output index.
    private var index: [String: Int] = [:]

    init(outcomes: [CellOutcome]) {
        var used: Set<String> = []
        for outcome in outcomes {
            let figures = outcome.outputs.enumerated().compactMap { position, output -> (Int, any Chart, String?)? in
                if case .figure(let chart, let caption) = output.content { return (position, chart, caption) }
                return nil
            }
            for (ordinal, (position, chart, caption)) in figures.enumerated() {
                let number = entries.count + 1
                var id = "fig-\(number)"
                if let label = outcome.cell.options.label {
                    id = figures.count == 1 ? label : "\(label)-\(ordinal + 1)"
                }
                if used.contains(id) { id = "\(id)-fig-\(number)" }
                used.insert(id)
                numbersByLabel[id] = number
                if let label = outcome.cell.options.label, ordinal == 0 { numbersByLabel[label] = numbersByLabel[label] ?? number }
                let text = caption ?? outcome.cell.options.caption ?? (chart.title.isEmpty ? Self.firstSentence(of: chart.summary) : chart.title)
                index["\(outcome.cell.number):\(position)"] = entries.count
                entries.append(Entry(number: number, id: id, caption: text, chart: chart, cell: outcome.cell.number))
            }
        }
    }

    /// A generated summary's first sentence, as a caption of last resort.
    static func firstSentence(of text: String) -> String {
        guard let end = text.range(of: ". ") else { return text }
        return String(text[..<end.lowerBound]) + "."
    }

    /// The figure made by output `position` of cell `cell`.
    func entry(cell: Int, position: Int) -> Entry? {
        index["\(cell):\(position)"].map { entries[$0] }
    }

    /// Replaces `@label` in rendered prose with a link "Figure N" for every known label.
    func linkingReferences(in html: String) -> String {
        guard html.contains("@") else { return html }
        var result = ""
        var rest = Substring(html)
        while let at = rest.firstIndex(of: "@") {
            result += rest[..<at]
            let afterAt = rest.index(after: at)
            let label = rest[afterAt...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            var trimmed = String(label)
            while trimmed.hasSuffix("-") || trimmed.hasSuffix("_") { trimmed.removeLast() }
            if let number = numbersByLabel[trimmed], let id = entries.first(where: { $0.number == number })?.id {
                result += "<a href=\"#\(id)\">Figure \(number)</a>"
                rest = rest[rest.index(afterAt, offsetBy: trimmed.count)...]
            } else {
                result += "@"
                rest = rest[afterAt...]
            }
        }
        return result + rest
    }
}
