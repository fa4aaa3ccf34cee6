import Foundation
import Testing

/// `nmm run` and `nmm help` as a user types them: the built executable, its output and its exit status.
@Suite(.enabled(if: CommandLine.nmm != nil, "needs the nmm executable beside the test bundle"))
struct CommandLineTests {
    @Test func failingNotebookExitsNonZeroWithTheErrorOnStandardError() throws {
        let harness = try NotebookHarness()
        let notebook = try harness.copy("broken.md")
        let result = try CommandLine.run(["run", notebook.path, "--output", harness.output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.md:14:7: error: this string is not closed"))
        #expect(result.stderr.contains(" 14 | print \"unterminated"))
        #expect(result.stdout.contains("broken.html"))
        #expect(FileManager.default.fileExists(atPath: harness.output.appendingPathComponent("broken.html").path))
    }

    @Test func cleanNotebookExitsZero() throws {
        let harness = try NotebookHarness()
        let notebook = try harness.write("```nmm\nprint \"hello\"\n```\n", named: "hello.md")
        let result = try CommandLine.run(["run", notebook.path, "--output", harness.output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "quiet when standard error is not a terminal")
    }

    @Test func unknownParameterAndMissingNotebookAreUsageErrors() throws {
        let harness = try NotebookHarness()
        let notebook = try harness.write("```nmm\nparam rate = 1\n```\n", named: "p.md")
        let unknown = try CommandLine.run(["run", notebook.path, "--param", "rat=2", "--output", harness.output.path])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("--param rat=…: the notebook has no 'param rat'; did you mean 'rate'?"))
        let missing = try CommandLine.run(["run", harness.directory.appendingPathComponent("none.md").path, "--output", harness.output.path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read the notebook"))
    }

    @Test func helpDescribesNotebookCommands() throws {
        let one = try CommandLine.run(["help", "plot", "series"])
        #expect(one.status == 0)
        #expect(one.stdout.hasPrefix("plot series — "))
        let family = try CommandLine.run(["help", "plot"])
        #expect(family.stdout.contains("plot series — "))
        let list = try CommandLine.run(["help", "commands"])
        #expect(list.stdout.contains("print"))
        let cli = try CommandLine.run(["help", "run"])
        #expect(cli.stdout.contains("USAGE: nmm run"), "the CLI's own subcommands keep ArgumentParser's help")
    }
}

extension CommandLine {
    /// The nmm executable built beside the test bundle, if there is one.
    static let nmm: URL? = {
        let bundle = URL(fileURLWithPath: arguments[0]).deletingLastPathComponent()
        let candidates = [bundle.appendingPathComponent("nmm"), bundle.deletingLastPathComponent().appendingPathComponent("nmm")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs nmm with `arguments`; standard error goes through a file so neither pipe can block the other.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = nmm
        process.arguments = arguments
        let errorURL = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-cli-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorURL) }
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "")
    }
}
