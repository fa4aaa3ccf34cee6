import Foundation
import Testing
@testable import Notebook

/// The run record: what a reader needs to reproduce a report, in the JSON and (collapsed) in the HTML footer.
@Suite struct RunRecordTests {
    static let notebook = """
        ```nmm
        param gain = 2
        param label = "waves"
        waves = sine frequencies: [1] duration: 1 rate: 50
        data = simulate arm curls: [0] duration: 1
        total = slow-sum values: [1, gain] seed: 9
        ```
        """

    @Test func jsonRecordsDigestsSourcesSeedsInputsAndTheMachine() throws {
        let harness = try NotebookHarness()
        let url = try harness.write(Self.notebook, named: "record.md")
        let run = try harness.run(url, parameters: ["gain": "3"], buildIdentity: "abc123")
        #expect(!run.record.failed, "\(run.record.diagnostics)")
        let record = try #require(run.json["run"] as? [String: Any])
        #expect(record["nmm_version"] as? String == "test")
        #expect(record["binary_sha256"] as? String == "abc123")
        #expect(record["notebook_sha256"] as? String == SHA256.hex(try Data(contentsOf: url)))
        #expect((record["os"] as? String)?.isEmpty == false)
        #expect((record["cpu"] as? String)?.isEmpty == false)
        #expect(record["threads"] as? Int == ProcessInfo.processInfo.activeProcessorCount)
        let parameters = try #require(record["parameters"] as? [[String: String]])
        #expect(parameters == [
            ["name": "gain", "value": "3", "notebook_value": "2", "source": "--param"],
            ["name": "label", "value": "waves", "notebook_value": "waves", "source": "notebook line 3"],
        ])
        // The simulation took its default seed; slow-sum declares its own seed option without a default.
        let seeds = try #require(record["seeds"] as? [[String: Any]])
        #expect(seeds.map { $0["seed"] as? Int } == [1, 9])
        #expect(seeds.map { $0["source"] as? String } == ["default", "written"])
        #expect(seeds.map { $0["command"] as? String } == ["simulate arm", "slow-sum"])
        // The simulated subject's files are inputs with digests, under their place in the output folder.
        let inputs = try #require(record["inputs"] as? [[String: String]])
        #expect(inputs.contains { ($0["path"] ?? "").hasPrefix("Output/record/simulated-SIM-seed1/") && $0["sha256"]?.count == 64 })
    }

    @Test func footerIsCollapsedAndTheCellShowsTheOverride() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.write(Self.notebook, named: "record.md"), parameters: ["gain": "3"])
        #expect(run.html.contains("<details id=\"run-record\"><summary>"))
        #expect(!run.html.contains("<details id=\"run-record\" open"))
        #expect(run.html.contains("gain = 3 was used, set by --param (the notebook writes 2)."))
        #expect(run.html.contains("<code>gain = 3</code> (--param)"))
        #expect(run.html.contains("<code>1</code> simulate arm, line 5 (default)"))
        #expect(run.html.contains(ProcessInfo.processInfo.activeProcessorCount.description + " threads"))
    }

    @Test func projectFolderIsFoundAboveTheNotebook() throws {
        let harness = try NotebookHarness()
        let project = harness.directory.appendingPathComponent("study")
        let notebooks = project.appendingPathComponent("Notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        try Data().write(to: project.appendingPathComponent("Package.swift"))
        #expect(NotebookProject.folder(of: notebooks.appendingPathComponent("a.md")).standardizedFileURL.path == project.standardizedFileURL.path)
        let lonely = URL(fileURLWithPath: "/proc/self/a.md")
        #expect(NotebookProject.folder(of: lonely).path == "/proc/self")
    }
}

/// The cache is trimmed, least recently used first.
@Suite struct CachePruneTests {
    @Test func prunesByAgeThenBySizeLeastRecentlyUsedFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let now = Date()
        for (name, daysAgo) in [("a", 50.0), ("b", 3), ("c", 2), ("d", 1)] {
            let url = folder.appendingPathComponent("\(name).json")
            try Data(repeating: 0, count: 100).write(to: url)
            try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-daysAgo * 86_400)], ofItemAtPath: url.path)
        }
        try Data("keep".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let cache = ResultCache(directory: folder)
        let byAge = cache.prune(olderThan: 30 * 86_400, maximumBytes: 1_000, now: now)
        #expect(byAge == ResultCache.PruneResult(removedFiles: 1, removedBytes: 100, keptBytes: 300))
        let bySize = cache.prune(maximumBytes: 150, now: now)
        #expect(bySize.removedFiles == 2)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["d.json", "notes.txt"], "the most recently used entry and files that are not entries stay")
    }
}
