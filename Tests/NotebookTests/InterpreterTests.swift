import Foundation
import Testing
@testable import Notebook

/// The meaning of names, types and options, checked through small notebooks.
@Suite struct InterpreterTests {
    func firstError(_ code: String) throws -> Diagnostic? {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.write("```nmm\n\(code)\n```\n"))
        return run.record.diagnostics.first
    }

    func output(_ code: String) throws -> String {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.write("```nmm\n\(code)\n```\n"))
        #expect(!run.record.failed, "\(run.record.diagnostics)")
        return run.record.outcomes.flatMap(\.outputs).compactMap { if case .text(let text) = $0.content { return text } else { return nil } }.joined(separator: "\n")
    }

    @Test func bareNamesAreValuesWhenDefinedAboveAndWordsOtherwise() throws {
        #expect(try output("BRA = \"brachialis\"\nt = table columns: [BRA, TRImed] rows: [[1, 2]]\nprint \"{t}\"")
            == "table of 1 row × 2 columns (brachialis, TRImed)")
        #expect(try output("muscles = [BRA, TRImed]\nprint muscles") == "[BRA, TRImed]")
        #expect(try output("w = sine frequencies: [1, 2] names: [a, b]\nprint w.a").hasSuffix("\nSignal series: 1 channel (a) × 101 samples from 0 to 1 s"))
    }

    /// `expect` shows a check mark with both numbers when its claim holds and fails the cell, naming both, when not.
    @Test func expectationsCheckTheirClaim() throws {
        #expect(try output("x = 3\nexpect x > 2") == "✓ x > 2 (x = 3)")
        let failed = try #require(try firstError("x = 3\nexpect x <= 2.5"))
        #expect(failed.message.contains("expectation failed: x <= 2.5 does not hold (x = 3)"))
        #expect(failed.location.line == 3 && failed.location.column == 1)
        let notNumber = try #require(try firstError("w = sine frequencies: [1]\nexpect w > 2"))
        #expect(notNumber.message.contains("expect compares numbers, but w is a series"))
    }

    @Test func typeErrorsNameTheArgumentAndWhatWasExpected() throws {
        let cases: [(String, String, Int)] = [
            ("w = sine frequencies: [1] rate: \"fast\"", "option 'rate' of 'sine' needs a number, got text \"fast\"", 33),
            ("w = sine frequencies: [1] duratio: 2", "did you mean 'duration'?", 27),
            ("w = sine frequencies: [1] rate: 5 rate: 6", "given twice", 35),
            ("w = sine", "needs its option 'frequencies: …'", 5),
            ("plot series nothing", "no value named 'nothing' is defined above", 13),
            ("x = 3\nplot series x", "needs a series (a name defined above), got the number 3", 13),
            ("print \"{missing}\"", "no value named 'missing' is defined above; {missing} inserts a value defined above", 9),
            ("speed = 3\nprint \"{sped}\"", "no value named 'sped' is defined above; did you mean 'speed'?", 9),
            ("w = sine frequencies: [1]\nprint w.nope", "has no field 'nope'", 7),
            ("w = sine frequencies: [1]\nplot series w panels: maybe", "needs yes or no", 23),
            ("x = print \"a\"", "gives no value to name", 1),
            ("param a = 1\nparam a = 2", "already defined above", 7),
            ("t = table columns: [a, b] rows: [[1]]", "row 1 has 1 value but the table has 2 columns", 33),
            ("w = sine frequencies: [1] names: [a]\nplot series w channels: [b]", "'w' has no channel 'b'", 26),
        ]
        for (code, fragment, column) in cases {
            let diagnostic = try firstError(code)
            #expect(diagnostic?.message.contains(fragment) == true, "\(code): \(diagnostic?.message ?? "no error")")
            #expect(diagnostic?.location.column == column, "\(code): column \(diagnostic?.location.column ?? 0)")
        }
    }

    @Test func aFailedStatementStopsItsCellButEarlierValuesStay() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.write("""
            ```nmm
            a = 1
            b = sine frequencies: [1] rate: 0
            c = 2
            ```

            ```nmm
            print "{a}"
            ```

            ```nmm
            print "{c}"
            ```
            """))
        let statuses = run.record.outcomes.map { if case .succeeded = $0.status { "ok" } else if case .skipped = $0.status { "skipped" } else { "failed" } }
        #expect(statuses == ["failed", "ok", "skipped"])
    }

    @Test func rebindingAFailedNameLaterClearsTheFailure() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.write("""
            ```nmm
            w = sine frequencies: [1] rate: -1
            ```

            ```nmm
            w = sine frequencies: [1]
            plot series w
            ```
            """))
        #expect(run.record.outcomes.map(\.isFailure) == [true, false])
    }
}
