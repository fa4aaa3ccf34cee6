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
        #expect(listed == ["inspect", "init", "check-physics", "simulate", "fit", "predict", "run", "study", "bench"])
    }

    @Test func subcommandHelpShowsItsUsage() throws {
        let result = try NMMExecutable.run(["bench", "io", "--help"])
        #expect(result.exited(with: 0))
        #expect(result.stdout.contains("USAGE: nmm bench io [--megabytes <megabytes>] [--runs <runs>]"))
    }
}
