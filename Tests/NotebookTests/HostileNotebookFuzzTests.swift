import Estimation
import Musculoskeletal
import Foundation
import TestSupport
import Testing
@testable import Notebook

/// Seeded fuzzing of the notebook language: mutants of a notebook using every kind of value (numbers, strings with
/// `{names}`, nested lists, options, params, series, tables, plots) are run whole. Each run must end with a report —
/// cells that succeed and cells that fail with a diagnostic inside the notebook — never a crash, a hang or an error
/// thrown out of the runner other than a ``Diagnostic``. `NMM_FUZZ_SCALE=k` multiplies the number of inputs.
@Suite struct HostileNotebookFuzzTests {
    static let scale = Int(ProcessInfo.processInfo.environment["NMM_FUZZ_SCALE"] ?? "") ?? 1

    static let seed = """
        # Fuzz

        ```nmm
        param rate = 50
        param name = "w"
        waves = sine frequencies: [0.5, 2] duration: 2 rate: rate names: [slow, fast] quantity: "Excitation" unit: "0–1"
        nested = [[1, 2], [3, [4, 5]], "six {name}"]
        label = "{name} at {rate} Hz: {nested}"
        plot series waves title: label panels: yes
        ```

        ```nmm
        t = table columns: [muscle, force] rows: [[BRA, 987.3], [BIClong, 624.3]] title: "Strengths"
        print "{t} {waves.slow}"
        total = slow-sum values: [1, 2, 3.5] seed: 7
        save waves "waves.sto"
        ```
        """

    @Test func mutatedNotebooksEndWithAReport() throws {
        let harness = try NotebookHarness()
        let first = try harness.run(try harness.write(Self.seed, named: "seed.md"))
        #expect(!first.record.failed, "\(first.record.diagnostics)")
        var mutator = Mutator(seed: 23)
        var failed = 0
        for index in 0..<(250 * Self.scale) {
            let text = String(decoding: mutator.mutant(of: Array(Self.seed.utf8)), as: UTF8.self)
            let url = try harness.write(text, named: "fuzz\(index % 8).md")
            do {
                let run = try harness.run(url)
                if run.record.failed { failed += 1 }
                #expect(run.html.contains("Content-Security-Policy"))
            } catch is Diagnostic {
                failed += 1
            } catch {
                Issue.record("mutant \(index) threw \(error)")
            }
        }
        #expect(failed > 0)
    }
}

/// Cache entries whose checksum matches but whose content cannot be used are recomputed, never trusted.
@Suite struct HostileCacheEntryTests {
    static func artifact(times: Int, excitationFrames: Int, value: Double = 0.5) -> FitArtifact {
        let prediction = TrialPrediction(name: "trial03", time: (0..<times).map { Double($0) / 100 }, muscles: ["BRA"], coordinates: ["r_elbow_flex"],
                                         excitation: [[Double](repeating: value, count: excitationFrames)],
                                         activation: [[Double](repeating: 0.5, count: times)], force: [[Double](repeating: 10, count: times)],
                                         torque: [[Double](repeating: 1, count: times)])
        let report = MetricsReport(method: "so", seed: 1, train: [], test: ["trial03"], fitSeconds: 0, excitation: [:], torque: [:], parameters: [:])
        return FitArtifact(method: "so", summary: "", report: report, predictions: [prediction], history: [], measured: [],
                           coordinates: ["r_elbow_flex"], bounds: ParameterBounds())
    }

    @Test(arguments: [("consistent", 10, 10, 0.5, true), ("fewer excitation frames than times", 10, 3, 0.5, false),
                      ("more excitation frames than times", 3, 10, 0.5, false), ("no times", 0, 0, 0.5, false)])
    func inconsistentEntriesAreMissing(name: String, times: Int, frames: Int, value: Double, usable: Bool) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-cache-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ResultCache(directory: folder)
        try cache.store(Self.artifact(times: times, excitationFrames: frames, value: value), key: "k", command: "fit so")
        #expect((cache.load(FitArtifact.self, key: "k") != nil) == usable, "\(name)")
    }
}
