import Foundation
import Synchronization
import TestSupport
@testable import Notebook

/// Counts how often ``SlowSumCommand`` really computed, per notebook folder (tests run in parallel).
final class ComputeCounter: Sendable {
    static let shared = ComputeCounter()
    private let counts = Mutex<[String: Int]>([:])

    func increment(_ folder: URL) { counts.withLock { $0[folder.standardizedFileURL.path, default: 0] += 1 } }
    func value(_ folder: URL) -> Int { counts.withLock { $0[folder.standardizedFileURL.path] ?? 0 } }
}

/// A test-only expensive command: sums numbers, counting real computations.
struct SlowSumCommand: CachedCommand {
    struct Artifact: Codable, Sendable {
        var total: Double
    }

    static let name = "slow-sum"
    static let summary = "Sum numbers (test command, cached)."
    static let discussion = "Sums its values."
    static let parameters: [ParameterSpec] = [
        .option("values", .list(.number), required: true, help: "Numbers."),
        .option("seed", .integer, help: "Recorded in the report."),
        .option("file", .text, help: "A file whose bytes the result depends on."),
    ]
    static let examples = ["total = slow-sum values: [1, 2]"]

    func inputFiles(_ invocation: Invocation, context: CommandContext) throws -> [String] {
        invocation.text("file").map { [$0] } ?? []
    }

    func compute(_ invocation: Invocation, context: CommandContext) throws -> Artifact {
        ComputeCounter.shared.increment(context.notebookDirectory)
        return Artifact(total: invocation.numbers("values")?.reduce(0, +) ?? 0)
    }

    func result(from artifact: Artifact, invocation: Invocation, context: CommandContext) throws -> CommandResult {
        CommandResult(value: .number(artifact.total), outputs: [.metrics(title: "sum", values: [("total", artifact.total)])])
    }
}

/// Runs notebooks into a fresh temporary folder and reads back what was written.
struct NotebookHarness {
    let directory: URL
    var registry: CommandRegistry

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-notebook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var registry = CommandRegistry.standard
        registry.register(SlowSumCommand.self)
        self.registry = registry
    }

    var output: URL { directory.appendingPathComponent("Output") }

    /// How often slow-sum computed for notebooks in this harness's folder.
    var computations: Int { ComputeCounter.shared.value(directory) }

    /// The test notebooks' folder.
    static let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Notebooks")

    /// The first lines of the fit tests' notebooks: a small simulated arm (known truth) split into trial01 and
    /// trial03 for training and trial02 for testing, as `data` and `sets`.
    static let simulatedArmSplit = """
        data = simulate arm seed: 5 curls: [0, 3] pushdowns: [25] duration: 3
        sets = split data train: [trial01, trial03] test: [trial02]
        """

    /// The package root.
    static let packageRoot = SharedData.packageRoot

    /// Writes a notebook into the temporary folder.
    func write(_ text: String, named name: String = "nb.md") throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Copies a test notebook into the temporary folder.
    func copy(_ name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Self.notebooks.appendingPathComponent(name), to: url)
        return url
    }

    struct Run {
        var record: RunRecord
        var html: String
        var json: [String: Any]
        var printed: [Diagnostic]
    }

    /// Runs a notebook; thrown diagnostics propagate.
    func run(_ url: URL, parameters: [String: String] = [:], useCache: Bool = true, template: URL? = nil,
             buildIdentity: String = "") throws -> Run {
        var options = RunOptions(outputDirectory: output, toolVersion: "test")
        options.buildIdentity = buildIdentity
        options.parameterOverrides = parameters
        options.useCache = useCache
        options.templateURL = template
        options.registry = registry
        let printed = Mutex<[Diagnostic]>([])
        let runner = NotebookRunner(options: options, progress: ProgressReporter(style: .silent) { _ in },
                                    printDiagnostic: { diagnostic in printed.withLock { $0.append(diagnostic) } })
        let record = try runner.run(notebookAt: url, displayPath: url.lastPathComponent)
        let html = try String(contentsOf: runner.htmlURL(for: url), encoding: .utf8)
        let jsonData = try Data(contentsOf: runner.jsonURL(for: url))
        let json = try JSONSerialization.jsonObject(with: jsonData) as? [String: Any] ?? [:]
        return Run(record: record, html: html, json: json, printed: printed.withLock { $0 })
    }
}
