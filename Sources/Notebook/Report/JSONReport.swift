import Charts
import Foundation

/// The machine-readable twin of the HTML report: every table, metric and figure line (all samples), with the run record.
struct JSONReport: Encodable {
    struct Parameter: Encodable {
        var name: String
        var value: String
        var overridden: Bool
    }

    struct Input: Encodable {
        var path: String
        var sha256: String
    }

    struct Problem: Encodable {
        var message: String
        var file: String
        var line: Int
        var column: Int
    }

    struct Cell: Encodable {
        var number: Int
        var line: Int
        var label: String?
        var status: String
        var seconds: Double
        var cacheHits: Int
        var errors: [Problem]
        var skipReason: String?
    }

    struct Table: Encodable {
        var cell: Int
        var line: Int
        var title: String
        var columns: [String]
        var rows: [[DataTable.Cell]]
    }

    struct Metrics: Encodable {
        var cell: Int
        var line: Int
        var title: String
        /// Named numbers; an undefined one (r of a constant signal) is null.
        var values: [String: Double?]
    }

    struct Figure: Encodable {
        var number: Int
        var id: String
        var cell: Int
        var caption: String
        var description: String
        /// Every line of a time-series figure with all its samples: the report draws dense lines decimated to what a
        /// screen shows, so the full data are kept here.
        var series: [FigureSeries]?
    }

    /// One line of a figure: its panel, name and samples.
    struct FigureSeries: Encodable {
        var panel: String
        var name: String
        var x: [Double]
        var y: [Double]
    }

    var notebook: String
    var title: String
    var nmmVersion: String
    var date: String
    var seconds: Double
    var succeeded: Bool
    var parameters: [Parameter]
    var seeds: [Int]
    var inputs: [Input]
    var cells: [Cell]
    var tables: [Table]
    var metrics: [Metrics]
    var figures: [Figure]

    init(record: RunRecord) {
        let formatter = ISO8601DateFormatter()
        notebook = record.document.path
        title = record.document.title
        nmmVersion = record.toolVersion
        date = formatter.string(from: record.date)
        seconds = record.seconds
        succeeded = !record.failed
        parameters = record.parameters.map { Parameter(name: $0.name, value: $0.valueText, overridden: $0.isOverridden) }
        seeds = record.seeds
        inputs = record.inputs.map { Input(path: $0.path, sha256: $0.sha256) }
        cells = record.outcomes.map { outcome in
            var cell = Cell(number: outcome.cell.number, line: outcome.cell.fenceLine, label: outcome.cell.options.label,
                            status: "succeeded", seconds: outcome.seconds, cacheHits: outcome.cacheHits, errors: [], skipReason: nil)
            switch outcome.status {
            case .succeeded: break
            case .failed(let diagnostics):
                cell.status = "failed"
                cell.errors = diagnostics.map { Problem(message: $0.message, file: $0.location.file, line: $0.location.line, column: $0.location.column) }
            case .skipped(let reason):
                cell.status = "skipped"
                cell.skipReason = reason
            }
            return cell
        }
        var tables: [Table] = []
        var metrics: [Metrics] = []
        for outcome in record.outcomes {
            for output in outcome.outputs {
                switch output.content {
                case .table(let table):
                    tables.append(Table(cell: outcome.cell.number, line: output.line, title: table.title, columns: table.columns, rows: table.rows))
                case .metrics(let title, let values):
                    metrics.append(Metrics(cell: outcome.cell.number, line: output.line, title: title,
                                           values: Dictionary(values, uniquingKeysWith: { _, last in last })))
                case .text, .figure:
                    break
                }
            }
        }
        self.tables = tables
        self.metrics = metrics
        figures = FigureCatalog(outcomes: record.outcomes).entries.map {
            Figure(number: $0.number, id: $0.id, cell: $0.cell, caption: $0.caption, description: $0.chart.summary,
                   series: ($0.chart as? TimeSeriesChart).map { chart in
                       chart.panels.flatMap { panel in panel.series.map { FigureSeries(panel: panel.title, name: $0.name, x: $0.x, y: $0.y) } }
                   })
        }
    }

    /// Pretty-printed JSON with sorted keys; non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity".
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try encoder.encode(self)
    }
}
