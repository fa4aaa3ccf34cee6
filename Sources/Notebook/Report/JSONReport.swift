import Charts
import Foundation

/// The machine-readable twin of the HTML report: every table, metric and figure line (all samples), with the run record.
struct JSONReport: Encodable {
    /// What a reader needs to reproduce the run: the tool and its digest, the notebook's digest, every parameter with
    /// where its value came from, every seed used, every input's digest, and the machine.
    struct Run: Encodable {
        var nmmVersion: String
        var binarySHA256: String
        var notebookSHA256: String
        var date: String
        var seconds: Double
        var os: String
        var cpu: String
        var threads: Int
        var blas: String
        var parameters: [Parameter]
        var seeds: [Seed]
        var inputs: [Input]

        enum CodingKeys: String, CodingKey {
            case nmmVersion = "nmm_version", binarySHA256 = "binary_sha256", notebookSHA256 = "notebook_sha256"
            case date, seconds, os, cpu, threads, blas, parameters, seeds, inputs
        }
    }

    struct Parameter: Encodable {
        var name: String
        var value: String
        var notebookValue: String
        var source: String

        enum CodingKeys: String, CodingKey {
            case name, value, source, notebookValue = "notebook_value"
        }
    }

    struct Seed: Encodable {
        var seed: Int
        var command: String
        var line: Int
        var source: String
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
    var succeeded: Bool
    var run: Run
    /// Every warning: the notebook's (fences, references) and its statements'.
    var warnings: [Problem]
    var cells: [Cell]
    var tables: [Table]
    var metrics: [Metrics]
    var figures: [Figure]

    init(record: RunRecord) {
        let formatter = ISO8601DateFormatter()
        notebook = record.document.path
        title = record.document.title
        succeeded = !record.failed
        let environment = record.environment
        run = Run(
            nmmVersion: record.toolVersion, binarySHA256: record.binarySHA256, notebookSHA256: record.document.sha256,
            date: formatter.string(from: record.date), seconds: record.seconds,
            os: environment.os, cpu: environment.cpu, threads: environment.threads, blas: environment.blas,
            parameters: record.parameters.map { Parameter(name: $0.name, value: $0.valueText, notebookValue: $0.defaultText, source: $0.source) },
            seeds: record.seeds.map { Seed(seed: $0.value, command: $0.command, line: $0.line, source: $0.isDefault ? "default" : "written") },
            inputs: record.inputs.map { Input(path: $0.path, sha256: $0.sha256) })
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
        if let abortion = record.abortion {
            cells = [Cell(number: 0, line: abortion.location.line, label: nil, status: "not run", seconds: 0, cacheHits: 0,
                          errors: [Problem(message: abortion.message, file: abortion.location.file, line: abortion.location.line, column: abortion.location.column)],
                          skipReason: nil)]
        }
        var warnings = record.warnings.map { Problem(message: $0.message, file: $0.location.file, line: $0.location.line, column: $0.location.column) }
        for outcome in record.outcomes {
            for output in outcome.outputs {
                switch output.content {
                case .table(let table):
                    tables.append(Table(cell: outcome.cell.number, line: output.line, title: table.title, columns: table.columns, rows: table.rows))
                case .metrics(let title, let values):
                    metrics.append(Metrics(cell: outcome.cell.number, line: output.line, title: title,
                                           values: Dictionary(values, uniquingKeysWith: { _, last in last })))
                case .warning(let message):
                    warnings.append(Problem(message: message, file: record.document.path, line: output.line, column: 1))
                case .text, .figure:
                    break
                }
            }
        }
        self.tables = tables
        self.metrics = metrics
        self.warnings = warnings
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
