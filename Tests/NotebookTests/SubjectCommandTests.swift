import Foundation
import Testing
import TestSupport
@testable import Notebook

/// `load opensim` and `split` on the OpenSim reference subject (../shared/data/arm26-lifting/S01).
@Suite struct SubjectCommandTests {
    static let s01 = URL(fileURLWithPath: SharedData.s01)

    @Test(.needsSharedData)
    func loadsSplitsAndPlotsTheReferenceSubject() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.write("""
            ```nmm
            param subject = "\(Self.s01.path)"
            data = load opensim subject
            sets = split data train: [trial01, trial02] test: [trial03]
            print "{data.hidden} {sets.test.trials} {data.trial03.name}"
            plot series data.trial01.torque channels: [r_elbow_flex_moment]
            print data.trial03.truth.excitation.BRA
            ```

            ```nmm
            bad = split data train: [trial01] test: [trial1]
            ```

            ```nmm
            missing = load opensim "no/such/folder"
            ```
            """))
        let outcomes = run.record.outcomes
        #expect(outcomes.map(\.isFailure) == [false, true, true])
        let texts = outcomes[0].outputs.compactMap { if case .text(let text) = $0.content { return text } else { return nil } }
        #expect(texts.first == "subject S01: 6 muscles, 10 trials (trial01 … trial10)")
        #expect(texts.contains("[TRImed, BRA] [trial03] trial03"))
        #expect(texts.contains { $0.hasPrefix("True excitation series: 1 channel (BRA)") }, "\(texts)")
        // Every file of the folder is hashed into the footer, truth files included (they are read for evaluation).
        #expect(run.record.inputs.count >= 10 * 14 + 3)
        #expect(run.record.inputs.contains { $0.path.hasSuffix("S01/trial01/ik.mot") })
        let split = run.record.diagnostics[0]
        #expect(split.location.line == 11 && split.location.column == 42)
        #expect(split.message.contains("has no trial 'trial1'; did you mean 'trial01'?"))
        #expect(run.record.diagnostics[1].message.contains("cannot find 'no/such/folder'"))
    }
}

/// `simulate arm`: the built-in simulator as a notebook value.
@Suite struct SimulateCommandTests {
    @Test func simulatedSubjectIsWrittenReadBackAndReusedForTheSameSettings() throws {
        let harness = try NotebookHarness()
        let notebook = try harness.write("""
            ```nmm
            data = simulate arm seed: 3 curls: [0, 2] pushdowns: [20] duration: 2
            print "{data.trials} {data.hidden} {data.measured}"
            ```

            ```nmm
            bad = simulate arm curls: [1, 90]
            ```
            """, named: "sim.md")
        let first = try harness.run(notebook)
        let texts = first.record.outcomes[0].outputs.compactMap { if case .text(let text) = $0.content { return text } else { return nil } }
        #expect(texts.first?.hasPrefix("subject SIM: 6 muscles, 3 trials (trial01, trial02, trial03)") == true)
        #expect(texts.last == "[trial01, trial02, trial03] [TRImed, BRA] [TRIlong, TRIlat, BIClong, BICshort]")
        #expect(first.record.diagnostics.first?.location.column == 31, "the out-of-range load is pointed at")
        let emg = harness.output.appendingPathComponent("sim/simulated-SIM-seed3/trial01/emg.sto")
        let bytes = try Data(contentsOf: emg)
        let modified = try FileManager.default.attributesOfItem(atPath: emg.path)[.modificationDate] as? Date
        _ = try harness.run(notebook)
        #expect(try Data(contentsOf: emg) == bytes)
        #expect(try FileManager.default.attributesOfItem(atPath: emg.path)[.modificationDate] as? Date == modified, "reused, not rewritten")
    }

    /// A subject another nmm build simulated is simulated again (that build's simulator may make other data from the
    /// same seed), and so is any subject under `--no-cache`.
    @Test func simulatedSubjectIsRemadeByAnotherBuildOrWithoutTheCache() throws {
        let harness = try NotebookHarness()
        let notebook = try harness.write("""
            ```nmm
            data = simulate arm seed: 3 curls: [2] duration: 2
            ```
            """, named: "sim.md")
        let emg = harness.output.appendingPathComponent("sim/simulated-SIM-seed3/trial01/emg.sto")
        _ = try harness.run(notebook, buildIdentity: "build A")
        let made = try Data(contentsOf: emg)
        let stale = Data("stale\n".utf8)
        for (identity, useCache) in [("build B", true), ("build B", false)] {
            try stale.write(to: emg)
            _ = try harness.run(notebook, useCache: useCache, buildIdentity: identity)
            #expect(try Data(contentsOf: emg) == made, "\(identity), cache \(useCache): simulated again")
        }
        try stale.write(to: emg)
        _ = try harness.run(notebook, buildIdentity: "build B")
        #expect(try Data(contentsOf: emg) == stale, "the build that simulated it reuses it")
    }
}
