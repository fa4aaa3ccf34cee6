import BiomechIO
import Foundation

/// Runs a notebook into Output/NAME.html and Output/NAME.json.
///
///     var options = RunOptions(outputDirectory: URL(fileURLWithPath: "Output"), toolVersion: "0.1.0")
///     options.parameterOverrides = ["subject": "S02"]
///     let record = try NotebookRunner(options: options).run(notebookAt: URL(fileURLWithPath: "Notebooks/quickstart.md"),
///                                                           displayPath: "Notebooks/quickstart.md")
///     if record.failed { … exit non-zero … }
///
/// Cells run top to bottom in one session. A failing cell's error is printed on standard error as it
/// happens and shown in the report where it happened; cells using a value the failed cell should have
/// made are skipped and marked; every other cell still runs. The report is always written — atomically,
/// so a crash never leaves half a report over a good one. One run of a notebook writes its output at a time (a
/// second waits), and a notebook reads only inside the folders ``RunOptions`` allows. Errors that prevent any run (an unreadable
/// notebook, an unknown `--param`, a bad template) are thrown as ``Diagnostic``s; an unknown `--param` first replaces the
/// notebook's previous report with one that says the run stopped, so an old report never passes for this run's.
public struct NotebookRunner {
    /// The options.
    public let options: RunOptions
    private let progress: ProgressReporter
    private let printDiagnostic: @Sendable (Diagnostic) -> Void

    /// A runner printing progress and diagnostics on standard error.
    public init(options: RunOptions,
                progress: ProgressReporter = ProgressReporter(),
                printDiagnostic: @escaping @Sendable (Diagnostic) -> Void = { FileHandle.standardError.write(Data((TerminalText.escaped($0.description) + "\n").utf8)) }) {
        self.options = options
        self.progress = progress
        self.printDiagnostic = printDiagnostic
    }

    /// Where the HTML report of a notebook goes.
    public func htmlURL(for notebook: URL) -> URL {
        options.outputDirectory.appendingPathComponent(notebook.deletingPathExtension().lastPathComponent + ".html")
    }

    /// Where the JSON report of a notebook goes.
    public func jsonURL(for notebook: URL) -> URL {
        options.outputDirectory.appendingPathComponent(notebook.deletingPathExtension().lastPathComponent + ".json")
    }

    /// Runs the notebook at `url` and writes its reports.
    @discardableResult
    public func run(notebookAt url: URL, displayPath: String) throws -> RunRecord {
        let started = Date()
        let template = try options.templateURL.map(ReportTemplate.init(contentsOf:)) ?? ReportTemplate.builtIn()
        let document = try MarkdownReader.read(contentsOf: url, displayPath: displayPath)
        let name = url.deletingPathExtension().lastPathComponent
        let lock = try OutputFolder.lock(options.outputDirectory, notebook: name, progress: progress)
        defer { withExtendedLifetime(lock) {} }
        do {
            try checkOverrides(against: document)
        } catch let diagnostic as Diagnostic {
            var record = self.record(document: document, outcomes: [], parameters: [], inputs: [], seeds: [], warnings: [], started: started)
            record.abortion = diagnostic
            try write(record, template: template, for: url)
            throw diagnostic
        }
        document.warnings.forEach(printDiagnostic)

        OutputFolder.removeLeftovers(of: name, in: options.outputDirectory, cache: options.resolvedCacheDirectory)
        try OutputFolder.requireRealFolder(options.outputDirectory.appendingPathComponent(name))
        try OutputFolder.requireRealFolder(options.resolvedCacheDirectory)
        let roots = ReadableRoots([options.projectDirectory, url.deletingLastPathComponent(), options.outputDirectory]
                                  + options.extraReadableRoots + options.resolvedDataRoots)
        let context = CommandContext(
            notebookDirectory: url.deletingLastPathComponent(), notebookName: name,
            outputDirectory: options.outputDirectory, buildStamp: options.buildStamp, reusesSavedWork: options.useCache,
            progress: progress, readableRoots: roots)
        var execution = NotebookExecution(document: document, options: options, context: context, report: printDiagnostic)
        var outcomes: [CellOutcome] = []
        let cells = document.cells
        for cell in cells {
            let outcome = execution.run(cell)
            outcomes.append(outcome)
            progress.status(statusLine(outcome, of: cells.count))
        }
        let references = FigureCatalog(outcomes: outcomes).unknownReferences(in: document)
        references.forEach(printDiagnostic)
        let record = self.record(
            document: document, outcomes: outcomes, parameters: execution.parameters,
            inputs: context.inputs.sorted { $0.key < $1.key }.map { (path: $0.key, sha256: $0.value) },
            seeds: execution.seeds, warnings: document.warnings + references, started: started)
        try write(record, template: template, for: url)
        ResultCache(directory: options.resolvedCacheDirectory).prune(maximumBytes: options.cacheMaximumBytes)
        return record
    }

    private func record(document: NotebookDocument, outcomes: [CellOutcome], parameters: [NotebookParameter],
                        inputs: [(path: String, sha256: String)], seeds: [SeedUse], warnings: [Diagnostic], started: Date) -> RunRecord {
        RunRecord(document: document, outcomes: outcomes, parameters: parameters, inputs: inputs, seeds: seeds,
                  toolVersion: options.toolVersion, binarySHA256: options.buildIdentity, environment: options.environment,
                  warnings: warnings, date: options.date, seconds: Date().timeIntervalSince(started))
    }

    /// Writes the HTML and JSON reports, each whole.
    private func write(_ record: RunRecord, template: ReportTemplate, for url: URL) throws {
        try AtomicFile.write(Data(template.render(record).utf8), to: htmlURL(for: url))
        try AtomicFile.write(try JSONReport(record: record).encoded(), to: jsonURL(for: url))
    }

    /// Every `--param` must name a `param` of the notebook (a typo would otherwise be silently ignored).
    private func checkOverrides(against document: NotebookDocument) throws {
        guard !options.parameterOverrides.isEmpty else { return }
        var declared: [String] = []
        for cell in document.cells {
            let (statements, _) = Parser.parse(cell.source, origin: cell.origin, commandNames: options.registry.names)
            for case .param(let name, _, _) in statements { declared.append(name) }
        }
        for name in options.parameterOverrides.keys.sorted() where !declared.contains(name) {
            var message = "--param \(name)=…: the notebook has no 'param \(name)'"
            if let suggestion = Suggestions.closest(to: name, among: declared) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += declared.isEmpty ? " (it declares no params)" : " (its params: \(declared.joined(separator: ", ")))"
            }
            throw Diagnostic(message, at: SourceLocation(file: document.path, line: 1, column: 1))
        }
    }

    private func statusLine(_ outcome: CellOutcome, of total: Int) -> String {
        let place = "cell \(outcome.cell.number)/\(total) (lines \(outcome.cell.origin.line)–\(outcome.cell.lastLine))"
        switch outcome.status {
        case .succeeded:
            let cached = outcome.cacheHits > 0 ? ", \(outcome.cacheHits) from cache" : ""
            return "  ran \(place) in \(Duration.text(outcome.seconds))\(cached)"
        case .failed:
            return "  FAILED \(place)"
        case .skipped:
            return "  skipped \(place)"
        }
    }
}
