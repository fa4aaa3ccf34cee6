import Foundation
import Testing
@testable import Notebook

/// `predict` on a small simulated subject: the NMM a fit keeps (in the cache too) predicts a trial exactly as the
/// fit predicted it as a test trial, and the result plots like a fit.
@Suite struct PredictCommandTests {
    static let notebook = """
        ```nmm
        \(NotebookHarness.simulatedArmSplit)
        nmm = fit nmm sets coordinates: [r_elbow_flex] steps: 20 seed: 3 inputs: kinematics
        so = fit so sets coordinates: [r_elbow_flex]
        unseen = predict nmm data
        save nmm.trial02.excitation "fitted.sto"
        save unseen.trial02.excitation "predicted.sto"
        plot torque unseen reference: data
        ```

        ```nmm
        bad = predict so data
        ```

        ```nmm
        typo = predict nmm data trials: [trial2]
        ```

        ```nmm
        both = predict nmm data inputs: both
        ```
        """

    @Test func predictsAsTheFitDidAndPlots() throws {
        let harness = try NotebookHarness()
        let url = try harness.write(Self.notebook, named: "predict.md")
        let saved = harness.output.appendingPathComponent("predict")
        for (index, useCache) in [false, true].enumerated() {
            let run = try harness.run(url, useCache: useCache)
            #expect(run.record.outcomes.map(\.isFailure) == [false, true, true, true], "\(run.record.diagnostics)")
            if index == 1 { #expect(run.record.outcomes[0].cacheHits == 2, "the second run reads both fits, the network too, from the cache") }
            let fitted = try String(contentsOf: saved.appendingPathComponent("fitted.sto"), encoding: .utf8)
            let predicted = try String(contentsOf: saved.appendingPathComponent("predicted.sto"), encoding: .utf8)
            #expect(fitted.split(separator: "\n").count > 100)
            // Below the name line, predict gives the fit's own test-trial excitations; a failure names the first line that differs.
            let predictedLines = predicted.split(separator: "\n"), fittedLines = fitted.split(separator: "\n")
            #expect(predictedLines.count == fittedLines.count)
            let firstDifference = zip(predictedLines, fittedLines).enumerated().dropFirst().first { $0.element.0 != $0.element.1 }
            #expect(firstDifference == nil, "run \(index + 1), line \(firstDifference.map { "\($0.offset + 1): \($0.element.0) vs \($0.element.1)" } ?? "")")
            #expect(run.html.components(separatedBy: "<figure id=").count - 1 == 1)
            #expect(run.html.contains("nmm fitted on trial01, trial03 predicted trial02 from kinematics and load alone"))
            #expect(run.html.contains("refined to the inverse dynamics nmm computes from them"), "the simulated arm's skeleton gives its own torques")
            #expect(run.record.diagnostics[0].message.contains("only an nmm fit predicts trials from kinematics alone (so needs each trial's inverse dynamics)"))
            #expect(run.record.diagnostics[1].message.contains("has no trial 'trial2'; did you mean 'trial02'?"))
            #expect(run.record.diagnostics[2].message.contains("inputs: expected kinematics, all, found 'both'"), "\(run.record.diagnostics[2].message)")
        }
    }
}
