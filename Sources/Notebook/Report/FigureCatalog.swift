import Charts

/// Numbers the figures of a run in order and gives each an HTML id, so prose can cite them as `@label`.
///
/// A cell's `#| label:` names its figure; a cell with several figures gets `label-1`, `label-2` …;
/// unlabelled figures are `fig-N`. A figure's caption is its command's `caption:`; the cell's `#| caption:` captions
/// the cell's first figure only (a cell drawing trials 2 and 8 must not call both "trial 2"); a figure with neither
/// has no caption.
struct FigureCatalog {
    /// One numbered figure.
    struct Entry {
        var number: Int
        var id: String
        /// The caption, empty when the figure has none.
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
                let text = caption ?? (ordinal == 0 ? outcome.cell.options.caption : nil) ?? ""
                index["\(outcome.cell.number):\(position)"] = entries.count
                entries.append(Entry(number: number, id: id, caption: text, chart: chart, cell: outcome.cell.number))
            }
        }
    }

    /// The figure made by output `position` of cell `cell`.
    func entry(cell: Int, position: Int) -> Entry? {
        index["\(cell):\(position)"].map { entries[$0] }
    }

    /// Replaces `@label` in rendered prose with a link "Figure N" for every known label.
    func linkingReferences(in html: String) -> String {
        resolvingReferences(in: html).html
    }

    /// A warning for every `@fig-…` reference in the prose that names no figure (the text stays as written), with the
    /// closest label as a suggestion.
    func unknownReferences(in document: NotebookDocument) -> [Diagnostic] {
        document.items.flatMap { item -> [Diagnostic] in
            guard case .prose(let prose) = item else { return [] }
            return resolvingReferences(in: prose.html).unknown.map { label in
                var message = "@\(label) names no figure, so it is shown as written"
                if let suggestion = Suggestions.closest(to: label, among: numbersByLabel.keys) {
                    message += "; did you mean @\(suggestion)?"
                } else {
                    message += numbersByLabel.isEmpty ? " (the notebook labels no figure: add `#| label: \(label)` to the cell that draws it)"
                        : " (labels: \(numbersByLabel.keys.sorted().map { "@" + $0 }.joined(separator: ", ")))"
                }
                return .warning(message, at: SourceLocation(file: document.path, line: prose.line, column: 1))
            }
        }
    }

    /// The prose with known references linked, and the `fig-` labels it cites that no figure has.
    private func resolvingReferences(in html: String) -> (html: String, unknown: [String]) {
        guard html.contains("@") else { return (html, []) }
        var result = ""
        var unknown: [String] = []
        var rest = Substring(html)
        while let at = rest.firstIndex(of: "@") {
            // An address such as someone@fig-lab.org is not a reference.
            let standsAlone = (rest[..<at].last ?? result.last).map { !($0.isLetter || $0.isNumber) } ?? true
            result += rest[..<at]
            let afterAt = rest.index(after: at)
            let label = rest[afterAt...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            var trimmed = String(label)
            while trimmed.hasSuffix("-") || trimmed.hasSuffix("_") { trimmed.removeLast() }
            if let number = numbersByLabel[trimmed], let id = entries.first(where: { $0.number == number })?.id {
                result += "<a href=\"#\(id)\">Figure \(number)</a>"
                rest = rest[rest.index(afterAt, offsetBy: trimmed.count)...]
            } else {
                if standsAlone, trimmed.hasPrefix("fig-") { unknown.append(trimmed) }
                result += "@"
                rest = rest[afterAt...]
            }
        }
        return (result + rest, unknown)
    }
}
