import Foundation
import Testing

/// `nmm --version` and `nmm --help`.
// Five minutes: these quick runs share two cores with the fits of the same test run, which can starve them for a
// minute; a hang still ends the suite.
@Suite(.timeLimit(.minutes(5)))
struct HelpAndVersionTests {
    @Test func versionIsSemantic() throws {
        let result = try NMMExecutable.run(["--version"])
        #expect(result.exited(with: 0))
        let version = result.stdout.trimmingCharacters(in: .newlines)
        let parts = version.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil }, "'\(version)' is MAJOR.MINOR.PATCH")
    }

    @Test func helpListsEverySubcommand() throws {
        let result = try NMMExecutable.run(["--help"])
        #expect(result.exited(with: 0))
        #expect(result.stdout.contains("USAGE: nmm <subcommand>"))
        let afterHeading = result.stdout.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first ?? ""
        let section = afterHeading.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
        let listed = section.compactMap { line -> String? in
            line.hasPrefix("   ") ? nil : line.split(separator: " ").first.map(String.init)
        }
        #expect(listed == ["inspect", "init", "check-physics", "simulate", "fit", "predict", "run", "study", "cache", "bench"])
    }

    @Test func helpNamesTheNotebookTopicsAndRefusesUnknownOnes() throws {
        let top = try NMMExecutable.run(["--help"])
        #expect(top.stdout.contains("`nmm help commands`") && top.stdout.contains("`nmm help language`"))
        let unknown = try NMMExecutable.run(["help", "langauge"])
        #expect(unknown.exited(with: 64))
        #expect(unknown.stderr.contains("no command or topic 'langauge'; did you mean 'nmm help language'?"))
        #expect(unknown.stdout.isEmpty, "not the general help")
        let nonsense = try NMMExecutable.run(["help", "nonsense"])
        #expect(nonsense.exited(with: 64))
        #expect(try NMMExecutable.run(["help", "run"]).exited(with: 0))
        #expect(try NMMExecutable.run(["help", "plot", "emg"]).exited(with: 0))
    }

    @Test func cachePruneRemovesOldEntriesAndChecksItsOptions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-prune-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent(".nmm-cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let old = cache.appendingPathComponent("old.json"), fresh = cache.appendingPathComponent("fresh.json")
        try Data(repeating: 1, count: 1000).write(to: old)
        try Data(repeating: 1, count: 1000).write(to: fresh)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -40 * 86_400)], ofItemAtPath: old.path)
        let result = try NMMExecutable.run(["cache", "prune", "--older-than", "30d", "--output", folder.path])
        #expect(result.exited(with: 0))
        #expect(result.stdout.hasPrefix("removed 1 entries"))
        #expect(!FileManager.default.fileExists(atPath: old.path) && FileManager.default.fileExists(atPath: fresh.path))
        let bad = try NMMExecutable.run(["cache", "prune", "--older-than", "soon", "--output", folder.path])
        #expect(bad.exited(with: 64))
        #expect(bad.stderr.contains("--older-than takes a number and d, h or m"))
    }

    @Test func subcommandHelpShowsItsUsage() throws {
        let result = try NMMExecutable.run(["bench", "io", "--help"])
        #expect(result.exited(with: 0))
        #expect(result.stdout.contains("USAGE: nmm bench io [--megabytes <megabytes>] [--runs <runs>]"))
    }
}
