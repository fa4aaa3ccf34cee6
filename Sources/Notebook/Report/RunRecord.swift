import Foundation

/// Everything one run produced, from which the HTML and JSON reports are made.
public struct RunRecord: Sendable {
    /// The notebook as read.
    public var document: NotebookDocument
    /// One outcome per `nmm` cell, in order.
    public var outcomes: [CellOutcome]
    /// The notebook's parameters with the values used.
    public var parameters: [NotebookParameter]
    /// Every input file read, with its SHA-256, by path as the notebook wrote it.
    public var inputs: [(path: String, sha256: String)]
    /// The seeds commands used, in order, defaults included.
    public var seeds: [SeedUse]
    /// The nmm version.
    public var toolVersion: String
    /// The SHA-256 of the nmm executable ("unknown" when it cannot be read).
    public var binarySHA256: String
    /// The machine.
    public var environment: RunEnvironment
    /// Warnings about the notebook as a whole: its fences (``NotebookDocument/warnings``) and `@fig-` references that
    /// name no figure. Statements' own warnings are among their cells' outputs.
    public var warnings: [Diagnostic]
    /// When the run started.
    public var date: Date
    /// Why the run stopped before any cell ran (an unknown `--param`), if it did.
    public var abortion: Diagnostic?
    /// Wall time of the whole run, in seconds.
    public var seconds: Double

    /// A record of the parts; ``abortion`` starts empty.
    public init(document: NotebookDocument, outcomes: [CellOutcome], parameters: [NotebookParameter], inputs: [(path: String, sha256: String)],
                seeds: [SeedUse], toolVersion: String, binarySHA256: String, environment: RunEnvironment, warnings: [Diagnostic],
                date: Date, seconds: Double) {
        self.document = document
        self.outcomes = outcomes
        self.parameters = parameters
        self.inputs = inputs
        self.seeds = seeds
        self.toolVersion = toolVersion
        self.binarySHA256 = binarySHA256
        self.environment = environment
        self.warnings = warnings
        self.date = date
        self.seconds = seconds
    }

    /// Whether the run stopped before its cells, or any cell failed or was skipped.
    public var failed: Bool { abortion != nil || outcomes.contains(where: \.isFailure) }

    /// Every diagnostic of every failed cell, in notebook order.
    public var diagnostics: [Diagnostic] {
        outcomes.flatMap { outcome -> [Diagnostic] in
            if case .failed(let diagnostics) = outcome.status { return diagnostics }
            return []
        }
    }

    /// The report's date, e.g. "2026-11-25 14:03 UTC".
    var dateText: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}

/// "0.42 s", "12.3 s", "2 min 5 s".
enum Duration {
    static func text(_ seconds: Double) -> String {
        if seconds < 0.01 { return "< 0.01 s" }
        if seconds < 10 { return NumberText.readable((seconds * 100).rounded() / 100) + " s" }
        if seconds < 120 { return NumberText.readable((seconds * 10).rounded() / 10) + " s" }
        return "\(Int(seconds) / 60) min \(Int(seconds) % 60) s"
    }
}
