import Foundation
import Testing

/// `nmm run` and `nmm help` as a user types them: the built executable, its output and its exit status.
@Suite(.timeLimit(.minutes(2)))
struct RunAndHelpTests {
    @Test func failingNotebookExitsNonZeroWithTheErrorOnStandardError() throws {
        try TestFiles.withScratchFolder { folder in
            let notebook = folder.appendingPathComponent("broken.md"), output = folder.appendingPathComponent("Output")
            try FileManager.default.copyItem(atPath: TestFiles.testNotebooks + "/broken.md", toPath: notebook.path)
            let result = try NMMExecutable.run(["run", notebook.path, "--output", output.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("broken.md:14:7: error: this string is not closed"))
            #expect(result.stderr.contains(" 14 | print \"unterminated"))
            #expect(result.stdout.contains("broken.html"))
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("broken.html").path))
        }
    }

    @Test func cleanNotebookExitsZero() throws {
        try TestFiles.withScratchFolder { folder in
            let notebook = folder.appendingPathComponent("hello.md")
            try Data("```nmm\nprint \"hello\"\n```\n".utf8).write(to: notebook)
            let result = try NMMExecutable.run(["run", notebook.path, "--output", folder.appendingPathComponent("Output").path])
            #expect(result.status == 0, "\(result.stderr)")
            // Not a terminal: plain progress lines with times, no escape sequences.
            #expect(result.stderr.hasPrefix("  ran cell 1/1 (lines 2–2) in "), "\(result.stderr)")
            #expect(result.stderr.hasSuffix(" s\n") && !result.stderr.contains("\u{1B}"))
        }
    }

    @Test func unknownParameterAndMissingNotebookAreUsageErrors() throws {
        try TestFiles.withScratchFolder { folder in
            let notebook = folder.appendingPathComponent("p.md"), output = folder.appendingPathComponent("Output")
            try Data("```nmm\nparam rate = 1\n```\n".utf8).write(to: notebook)
            let unknown = try NMMExecutable.run(["run", notebook.path, "--param", "rat=2", "--output", output.path])
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("--param rat=…: the notebook has no 'param rat'; did you mean 'rate'?"))
            // The report left behind says that this run stopped; it does not pass for an earlier run's.
            let report = try String(contentsOf: output.appendingPathComponent("p.html"), encoding: .utf8)
            #expect(report.contains("This run stopped before any cell ran"))
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("p.json"))) as? [String: Any]
            #expect(json?["succeeded"] as? Bool == false)
            let missing = try NMMExecutable.run(["run", folder.appendingPathComponent("none.md").path, "--output", output.path])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("cannot read the notebook"))
        }
    }

    @Test func helpDescribesNotebookCommands() throws {
        let one = try NMMExecutable.run(["help", "plot", "series"])
        #expect(one.status == 0)
        #expect(one.stdout.hasPrefix("plot series — "))
        let family = try NMMExecutable.run(["help", "plot"])
        #expect(family.stdout.contains("plot series — "))
        let list = try NMMExecutable.run(["help", "commands"])
        #expect(list.stdout.contains("print"))
        let cli = try NMMExecutable.run(["help", "run"])
        #expect(cli.stdout.contains("USAGE: nmm run"), "the CLI's own subcommands keep ArgumentParser's help")
    }
}
