import Foundation
import Testing
@testable import Notebook

/// What runs without an error but is probably not what the author meant is a warning, on standard error and in the
/// report; and figures get only the captions meant for them.
@Suite struct WarningTests {
    func warnings(_ text: String) -> [String] {
        MarkdownReader.parse(text, path: "nb.md").warnings.map { "\($0.location.line): \($0.message)" }
    }

    @Test func nearMissFencesAreWarnedAboutButOtherLanguagesAreNot() {
        #expect(warnings("```nm\nprint \"x\"\n```\n").first?.hasPrefix("1: the fence is marked 'nm', so it is shown as code and does not run") == true)
        #expect(warnings("```{nmm}\nx\n```\n").count == 1)
        #expect(warnings("```nmn\nx\n```\n").count == 1)
        #expect(warnings("```python\nx\n```\n```nim\necho 1\n```\n```nmm\nprint \"x\"\n```\n").isEmpty)
    }

    @Test func unclosedFencesAreWarnedAbout() {
        #expect(warnings("Text.\n\n```nmm\nprint \"x\"\n") == ["3: the fence opened here is never closed: everything to the end of the file is its code; close it with ```"])
        // Mid-file: the open block swallows the next fence's opening line and is closed by its closing fence.
        let swallowed = warnings("```nmm\nprint \"a\"\n\nMore text.\n\n```nmm\nprint \"b\"\n```\n")
        #expect(swallowed == ["1: line 6 opens a new fence inside the block that starts here: is this block missing its closing ```?"])
    }

    @Test func unknownFigureReferencesAndTrainEqualsTestAreWarnedInTheReport() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.write("""
            See @fig-wave and @fig-waves, and write to me@fig-lab.org.

            ```nmm
            #| label: fig-waves
            waves = sine frequencies: [1] duration: 1 rate: 50
            plot series waves
            ```

            ```nm
            print "never runs"
            ```
            """, named: "refs.md"))
        let printed = run.printed.map(\.headline)
        #expect(printed == [
            "refs.md:9:1: warning: the fence is marked 'nm', so it is shown as code and does not run; write ```nmm to run it",
            "refs.md:1:1: warning: @fig-wave names no figure, so it is shown as written; did you mean @fig-waves?",
        ])
        #expect(!run.record.failed)
        #expect(run.html.contains("<p class=\"warning\"><strong>warning</strong> line 1: @fig-wave names no figure"))
        let first = try #require(run.html.range(of: "line 1: @fig-wave")), second = try #require(run.html.range(of: "line 9: the fence"))
        #expect(first.lowerBound < second.lowerBound, "the header lists warnings in notebook order")
        #expect(run.html.contains("<div class=\"page\">"), "no contents column without contents")
        #expect(run.html.contains("<a href=\"#fig-waves\">Figure 1</a>"))
        #expect((run.json["warnings"] as? [[String: Any]])?.count == 2)
    }

    @Test func aCellCaptionCaptionsItsFirstFigureOnlyAndNoneIsInvented() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.write("""
            ```nmm
            #| caption: "Slow wave."
            waves = sine frequencies: [1, 3] duration: 1 rate: 50 names: [slow, fast]
            plot series waves channels: [slow]
            plot series waves channels: [fast] caption: "Fast wave."
            plot series waves channels: [fast]
            ```
            """, named: "captions.md"))
        #expect(!run.record.failed, "\(run.record.diagnostics)")
        let captions = try #require(run.json["figures"] as? [[String: Any]]).map { $0["caption"] as? String }
        #expect(captions == ["Slow wave.", "Fast wave.", ""])
        #expect(run.html.contains("<strong>Figure 3.</strong> </figcaption>"))
        // Each figure can be downloaded as SVG and as CSV, from data: URLs.
        #expect(run.html.components(separatedBy: "download=\"fig-").count - 1 == 6)
        let csvLink = try #require(run.html.range(of: "data:text/csv;charset=utf-8;base64,"))
        let encoded = run.html[csvLink.upperBound...].prefix { $0 != "\"" }
        let csv = try #require(Data(base64Encoded: String(encoded)).flatMap { String(data: $0, encoding: .utf8) })
        #expect(csv.hasPrefix("Time (s),"), "\(csv.prefix(80))")
        #expect(csv.split(separator: "\r\n").count >= 1 + 50, "every sample of the one channel drawn")
    }
}
