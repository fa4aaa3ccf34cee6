import Foundation

/// Turns a ``RunRecord`` into the dictionary the Mustache template renders.
///
/// Every string from the notebook or from data goes in as plain text and is escaped by `{{…}}`; only
/// cmark's safe HTML (`html`) and nmm's own SVG (`svg`, escaped when generated) are inserted raw with
/// `{{{…}}}`. Every key a section reads is always present, so Mustache never picks up a same-named key
/// from an outer context.
struct ReportContext {
    let record: RunRecord
    let figures: FigureCatalog

    init(record: RunRecord) {
        self.record = record
        self.figures = FigureCatalog(outcomes: record.outcomes)
    }

    /// The template's root object.
    var dictionary: [String: Any] {
        let document = record.document
        let failures = record.outcomes.filter(\.isFailure)
        var root: [String: Any] = [
            "title": document.title,
            "notebook": document.path,
            "version": record.toolVersion,
            "date": record.dateText,
            "totalTime": Duration.text(record.seconds),
            "cellCount": record.outcomes.count,
            "cacheText": cacheText,
            "items": items,
            "parameters": record.parameters.map { ["name": $0.name, "value": $0.valueText, "source": $0.source] },
            "seeds": record.seeds.map { ["value": String($0.value), "command": $0.command, "line": $0.line, "isDefault": $0.isDefault] },
            "inputs": record.inputs.map { ["path": $0.path, "sha256": $0.sha256] },
            "hasInputs": !record.inputs.isEmpty,
            "inputCount": record.inputs.count,
            "notebookSHA256": document.sha256,
            "binarySHA256": record.binarySHA256.isEmpty ? "unknown" : record.binarySHA256,
            "os": record.environment.os,
            "cpu": record.environment.cpu,
            "threads": record.environment.threads,
            "blas": record.environment.blas,
            "documentWarnings": record.warnings.sorted { $0.location.line < $1.location.line }
                .map { ["location": "line \($0.location.line)", "message": $0.message] },
        ]
        let toc = document.items.compactMap { item -> [String: Any]? in
            guard case .prose(let prose) = item, let heading = prose.heading, heading.level <= 3 else { return nil }
            return ["id": heading.id, "text": heading.text, "level": heading.level]
        }
        root["toc"] = toc
        root["hasToc"] = toc.count >= 2
        root["aborted"] = record.abortion.map { ["headline": $0.headline] } ?? false
        if record.abortion != nil { root["items"] = [[String: Any]]() }
        if let first = failures.first {
            let failedCount = failures.filter { if case .failed = $0.status { return true } else { return false } }.count
            let skippedCount = failures.count - failedCount
            var summary = "\(failedCount) cell\(failedCount == 1 ? "" : "s") failed"
            if skippedCount > 0 { summary += " and \(skippedCount) \(skippedCount == 1 ? "was" : "were") skipped" }
            root["failure"] = ["summary": summary + ".", "firstID": cellID(first.cell), "firstLine": firstLine(of: first)]
        } else {
            root["failure"] = false
        }
        return root
    }

    private var cacheText: String {
        let hits = record.outcomes.reduce(0) { $0 + $1.cacheHits }
        let misses = record.outcomes.reduce(0) { $0 + $1.cacheMisses }
        if hits + misses == 0 { return "no cached steps" }
        return "\(hits) of \(hits + misses) expensive step\(hits + misses == 1 ? "" : "s") from the cache"
    }

    private func cellID(_ cell: NotebookCell) -> String { "cell-\(cell.number)" }

    private func firstLine(of outcome: CellOutcome) -> Int {
        if case .failed(let diagnostics) = outcome.status, let first = diagnostics.first { return first.location.line }
        return outcome.cell.fenceLine
    }

    private var items: [[String: Any]] {
        var outcomes = record.outcomes.makeIterator()
        return record.document.items.compactMap { item -> [String: Any]? in
            switch item {
            case .prose(let prose):
                return ["prose": ["html": figures.linkingReferences(in: prose.html)]]
            case .listing(let listing):
                return ["listing": ["code": listing.code, "language": listing.language]]
            case .cell:
                guard let outcome = outcomes.next() else { return nil }
                return ["cell": cell(outcome)]
            }
        }
    }

    private func cell(_ outcome: CellOutcome) -> [String: Any] {
        var statusClass = "ok"
        var statusText = "ran"
        var errors: [[String: Any]] = []
        var skipped: Any = false
        switch outcome.status {
        case .succeeded:
            if outcome.cacheHits > 0 { statusText = "ran (\(outcome.cacheHits) from cache)" }
        case .failed(let diagnostics):
            statusClass = "failed"
            statusText = "error"
            errors = diagnostics.map { ["headline": $0.headline, "excerpt": $0.excerpt] }
        case .skipped(let reason):
            statusClass = "skipped"
            statusText = "skipped"
            skipped = ["reason": reason]
        }
        return [
            "id": cellID(outcome.cell),
            "number": outcome.cell.number,
            "firstLine": outcome.cell.origin.line,
            "lastLine": outcome.cell.lastLine,
            "statusClass": statusClass,
            "statusText": statusText,
            "time": Duration.text(outcome.seconds),
            "showCode": outcome.cell.options.echo || outcome.isFailure,
            "code": outcome.cell.code,
            "errors": errors,
            "skipped": skipped,
            "overrides": record.parameters.filter { $0.isOverridden && (outcome.cell.origin.line...outcome.cell.lastLine).contains($0.location.line) }
                .map { ["name": $0.name, "value": $0.valueText, "notebookValue": $0.defaultText] },
            "outputs": outcome.outputs.enumerated().map { output(cell: outcome.cell.number, position: $0, line: $1.line, $1.content) },
        ]
    }

    private func output(cell: Int, position: Int, line: Int, _ content: CommandOutput) -> [String: Any] {
        switch content {
        case .warning(let message):
            return ["warning": ["line": line, "message": message]]
        case .text(let text):
            return ["text": ["content": text]]
        case .table(let table):
            return ["table": Self.table(table)]
        case .metrics:
            return [:]
        case .figure:
            guard let entry = figures.entry(cell: cell, position: position) else { return [:] }
            let svg = entry.chart.svg(id: entry.id + "-chart")
            let csv = Data(entry.chart.csv.utf8)
            let embedsCSV = csv.count <= Self.maximumEmbeddedCSVBytes
            return ["figure": [
                "id": entry.id, "number": entry.number, "caption": entry.caption, "svg": svg,
                "svgBase64": Data(svg.utf8).base64EncodedString(), "hasCSV": embedsCSV,
                "csvBase64": embedsCSV ? csv.base64EncodedString() : "", "jsonName": jsonName,
            ]]
        }
    }

    /// The largest CSV a figure embeds (256 KiB): a denser figure's samples are left to the JSON report, which keeps
    /// them all, so that a report stays small enough to open and mail.
    static let maximumEmbeddedCSVBytes = 256 << 10

    /// The JSON report's file name, beside the HTML.
    private var jsonName: String {
        URL(fileURLWithPath: record.document.path).deletingPathExtension().lastPathComponent + ".json"
    }

    private static func table(_ table: DataTable) -> [String: Any] {
        [
            "title": table.title,
            "columns": table.columns.map { ["name": $0] },
            "rows": table.rows.map { row in
                ["cells": row.map { cell -> [String: Any] in
                    let kind = if case .number = cell { "number" } else { "text" }
                    return ["value": cell.display, "kind": kind]
                }]
            },
        ]
    }
}
