import Foundation
import Testing
@testable import Notebook

@Suite struct RunnerTests {
    @Test func pipelineNotebookRunsIntoASelfContainedEscapedReport() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.copy("pipeline.md"))
        #expect(!run.record.failed, "\(run.record.diagnostics)")
        #expect(run.printed.isEmpty)
        let html = run.html

        // Everything from the notebook is escaped: title, prose, channel (muscle) names, table cells, captions.
        #expect(!html.contains("<script"))
        #expect(html.contains("Pipeline &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; test"))
        #expect(html.contains("&lt;script&gt;BRA&lt;/script&gt;"))
        #expect(html.contains("Two sine waves &amp; their &lt;names&gt;"))
        // Self-contained: no URL other than the SVG namespace.
        let urls = html.components(separatedBy: "http").dropFirst().map { String($0.prefix(40)) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg") }, "\(urls)")
        #expect(!html.contains("<link") && !html.contains("src="))
        #expect(html.utf8.count < 200_000, "a small notebook gives a small report (\(html.utf8.count) bytes)")
        // Structure: title, contents, numbered figure linked from the prose, timings, footer.
        #expect(html.contains("<nav class=\"toc\""))
        #expect(html.contains("<div class=\"page with-toc\">"))
        #expect(html.components(separatedBy: "<figure id=").count - 1 == 1)
        #expect(html.contains("<figure id=\"fig-waves\">"))
        #expect(html.contains("<a href=\"#fig-waves\">Figure 1</a>"))
        #expect(html.contains("<strong>Figure 1.</strong>"))
        #expect(html.contains("role=\"img\""))
        #expect(html.contains("<code>rate = 100</code> (notebook line 14)"))
        #expect(html.contains("<code>7</code> slow-sum, line 34<br>"), "the seed is in the footer")
        #expect(html.contains("print(&quot;shown, not run&quot;)"))
        #expect(html.components(separatedBy: "class=\"cell ok\"").count - 1 == 3)
    }

    @Test func jsonHoldsEveryTableAndMetric() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.copy("pipeline.md"))
        let tables = try #require(run.json["tables"] as? [[String: Any]])
        #expect(tables.count == 1)
        #expect(tables.first?["title"] as? String == "Generic <strengths>")
        let rows = try #require(tables.first?["rows"] as? [[Any]])
        #expect(rows.first?.first as? String == "<script>BRA</script>")
        #expect(rows.first?.last as? Double == 987.3)
        let metrics = try #require(run.json["metrics"] as? [[String: Any]])
        #expect((metrics.first?["values"] as? [String: Double])?["total"] == 6.5)
        #expect(run.json["succeeded"] as? Bool == true)
        #expect(((run.json["run"] as? [String: Any])?["parameters"] as? [[String: Any]])?.first?["name"] as? String == "rate")
        #expect((run.json["figures"] as? [[String: Any]])?.count == 1)
    }

    @Test func errorsAppearWhereTheyHappenedAndDependentsAreSkipped() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.copy("broken.md"))
        #expect(run.record.failed)
        let statuses = run.record.outcomes.map { outcome -> String in
            switch outcome.status {
            case .succeeded: return "ok"
            case .failed: return "failed"
            case .skipped: return "skipped"
            }
        }
        #expect(statuses == ["ok", "failed", "failed", "skipped", "ok"])
        let lines = run.record.diagnostics.map { "\($0.location.line):\($0.location.column)" }
        #expect(lines == ["14:7", "20:36"])
        #expect(run.printed.map(\.location.line) == [14, 20], "errors also go to standard error")
        #expect(run.html.contains("broken.md:14:7: error: this string is not closed"))
        #expect(run.html.contains("broken.md:20:36: error: rate must be more than 0"))
        #expect(run.html.contains("Skipped: it uses &#39;fast&#39;, which was not made because cell 3 (line 20) failed."))
        #expect(run.html.contains("<a href=\"#cell-2\">Go to the first problem (line 14).</a>"))
        let cells = try #require(run.json["cells"] as? [[String: Any]])
        #expect(cells.map { $0["status"] as? String } == ["succeeded", "failed", "failed", "skipped", "succeeded"])
    }

    @Test func missingFileIsAnErrorAtItsArgument() throws {
        let harness = try NotebookHarness()
        let notebook = try harness.write("""
            Text.

            ```nmm
            x = slow-sum values: [1]
                file: "data/missing.sto"
            ```
            """)
        let run = try harness.run(notebook)
        #expect(run.record.failed)
        #expect(run.record.diagnostics.first?.location.line == 4)
        #expect(run.record.diagnostics.first?.message.contains("cannot find 'data/missing.sto'") == true)
    }

    @Test func expensiveStepsAreCachedAndKeyedOnTheirInputs() throws {
        let harness = try NotebookHarness()
        let data = try harness.write("1 2 3", named: "data.txt")
        let notebook = try harness.write("""
            ```nmm
            param scale = 2
            total = slow-sum values: [1, scale] file: "data.txt" seed: 3
            ```
            """)
        _ = try harness.run(notebook)
        #expect(harness.computations == 1)
        let second = try harness.run(notebook)
        #expect(harness.computations == 1, "an unchanged re-run skips the computation")
        #expect(second.record.outcomes.first?.cacheHits == 1)
        #expect(second.html.contains("1 of 1 expensive step from the cache"))

        _ = try harness.run(notebook, useCache: false)
        #expect(harness.computations == 2, "--no-cache recomputes")

        _ = try harness.run(notebook, buildIdentity: "another build")
        #expect(harness.computations == 3, "another nmm build changes the key")

        _ = try harness.run(notebook, parameters: ["scale": "3"])
        #expect(harness.computations == 4, "a changed parameter changes the key")

        try Data("1 2 4".utf8).write(to: data)
        _ = try harness.run(notebook, parameters: ["scale": "3"])
        #expect(harness.computations == 5, "changed file bytes change the key")
        let inputs = try harness.run(notebook, parameters: ["scale": "3"])
        #expect(harness.computations == 5)
        #expect(inputs.record.inputs.map(\.path) == ["data.txt"])
        #expect(inputs.html.contains(SHA256.hex("1 2 4")))
    }

    @Test func corruptCacheEntryIsIgnoredAndRebuilt() throws {
        let harness = try NotebookHarness()
        let notebook = try harness.write("```nmm\ntotal = slow-sum values: [4, 5]\nprint \"{total}\"\n```\n")
        _ = try harness.run(notebook)
        let cacheFolder = harness.output.appendingPathComponent(".nmm-cache")
        let entries = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).filter { $0.hasSuffix(".json") }
        #expect(entries.count == 1)
        let entry = cacheFolder.appendingPathComponent(entries[0])
        let bytes = try Data(contentsOf: entry)
        try bytes.prefix(bytes.count / 2).write(to: entry)
        let rerun = try harness.run(notebook)
        #expect(!rerun.record.failed)
        #expect(harness.computations == 2)
        #expect(rerun.html.contains("<p class=\"output-text\">9</p>"))
        _ = try harness.run(notebook)
        #expect(harness.computations == 2, "the rebuilt entry is used")
    }

    @Test func parametersAreOverriddenFromTheCommandLineWithTypes() throws {
        let harness = try NotebookHarness()
        let notebook = try harness.write("""
            ```nmm
            param subject = "S01"
            param trials = [1, 2]
            param smooth = yes
            print "{subject} {trials} {smooth}"
            ```
            """)
        let run = try harness.run(notebook, parameters: ["subject": "S02", "trials": "3, 4,5", "smooth": "no"])
        #expect(run.html.contains("S02 [3, 4, 5] no"))
        #expect(run.html.contains("<code>subject = S02</code> (--param)"))
        #expect(run.html.contains("subject = S02 was used, set by --param (the notebook writes S01)."))
        #expect(throws: Diagnostic.self) { try harness.run(notebook, parameters: ["subjct": "S02"]) }
        let badValue = try harness.run(notebook, parameters: ["trials": "a,b"])
        #expect(badValue.record.diagnostics.first?.message.contains("'trials' is a list of numbers") == true)
        #expect(badValue.record.diagnostics.first?.location.line == 3, "reported at the param's line")
    }

    @Test func aRunThatCannotStartLeavesTheGoodReportUntouched() throws {
        let harness = try NotebookHarness()
        let notebook = try harness.copy("pipeline.md")
        let good = try harness.run(notebook)
        let badTemplate = try harness.write("{{#items}} never closed", named: "bad.mustache")
        do {
            _ = try harness.run(notebook, template: badTemplate)
            Issue.record("a broken template should fail")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.location.file.hasSuffix("bad.mustache"))
        }
        let html = try String(contentsOf: harness.output.appendingPathComponent("pipeline.html"), encoding: .utf8)
        #expect(html == good.html)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: harness.output.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func aUsersTemplateRendersTheSameData() throws {
        let harness = try NotebookHarness()
        let template = try harness.write("<h1>{{title}}</h1>{{#items}}{{#cell}}[{{number}}:{{statusText}}]{{/cell}}{{/items}}", named: "mine.mustache")
        let run = try harness.run(try harness.copy("pipeline.md"), template: template)
        #expect(run.html == "<h1>Pipeline &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; test</h1>[1:ran][2:ran][3:ran]")
    }
}
