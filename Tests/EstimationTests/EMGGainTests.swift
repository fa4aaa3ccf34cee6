import TestSupport
import Foundation
import Testing
@testable import Estimation
import Musculoskeletal

/// The NMM's per-channel EMG gains (the channel reads excitation / gain): the training step's gradient with respect to
/// each log gain against finite differences of the step's own EMG loss, the fit's direction on EMG of a known wrong
/// scale, and a saved model keeping its gains.
@Suite(.needsSharedData)
struct EMGGainTests {
    /// A training run on S01's trial 01 with BIClong and TRIlong measured and gains fitted.
    func run(steps: Int = 10) throws -> NMMTrainingRun {
        let subject = try #require(S01FitTests.subject)
        var configuration = S01FitTests.briefConfiguration(steps: steps)
        configuration.fitsEMGGains = true
        return try NMMTrainingRun(trainer: NMMTrainer(configuration: configuration), system: subject.system, trials: [subject.trials["trial01"]!],
                                  measured: ["BIClong": "BIClong", "TRIlong": "TRIlong"], coordinates: ["r_elbow_flex"], seed: 3, progress: { _ in })
    }

    @Test func logGainGradientMatchesFiniteDifferences() throws {
        let run = try run()
        let picks = [NMMTrainer.WindowPick(trial: 0, start: 40, masksEMG: false), NMMTrainer.WindowPick(trial: 0, start: 500, masksEMG: false)]
        let batch = NMMTrainer.TrainingBatch(picks: picks, length: run.configuration.windowLength, rows: run.rows, maskedRows: run.maskedRows,
                                             fitting: run.fitting, measured: run.measured, inputCount: run.model.network.configuration.inputSize)
        func step(_ logGains: [Double]) -> NMMTrainer.ShardResult {
            run.trainer.shardStep(network: run.replicas[0], batch: batch, batchSize: 4, system: run.system, parameters: run.model.parameters,
                                  torqueLoss: run.torqueLoss, coordinates: run.coordinates, agonistPrior: run.agonistPrior, recruitment: .equalEffort, fitsExponent: false,
                                  measured: run.measured.map(\.muscle), emgScales: logGains.map { Float(exp(-$0)) }, unanchored: run.unanchored)
        }
        let at = [0.4, -0.3], eps = 1e-2
        let analytic = step(at).emgLogGainGradient
        for j in at.indices {
            var plus = at, minus = at
            plus[j] += eps; minus[j] -= eps
            let numeric = run.configuration.emgWeight * (step(plus).emgLoss - step(minus).emgLoss) / (2 * eps)
            #expect(abs(analytic[j]) > 1e-5, "the check needs a gradient to compare")
            #expect(abs(numeric - analytic[j]) <= 2e-3 * abs(numeric), "log gain \(j): \(numeric) vs \(analytic[j])")
        }
    }

    /// With one channel's EMG halved, the fit reads that channel with a larger gain than the other's, and a saved model
    /// keeps the gains and predicts alike.
    @Test func halvedEMGIsReadWithALargerGain() throws {
        var subject = try #require(S01FitTests.subject)
        for name in ["trial01", "trial07"] { subject.trials[name]!.emg["BIClong"] = subject.trials[name]!.emg["BIClong"]!.map { $0 / 2 } }
        var configuration = S01FitTests.briefConfiguration(steps: 60)
        configuration.fitsEMGGains = true
        configuration.readsEMG = false   // the network cannot then answer the halving itself: only the gain can
        let model = try S01FitTests.briefFit(configuration, subject)
        let halved = try #require(model.emgGains["BIClong"]), kept = try #require(model.emgGains["TRIlong"])
        #expect(halved > 1.05 * kept, "BIClong's gain \(halved), TRIlong's \(kept)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-gains-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try model.save(to: directory)
        let loaded = try NeuralMusculoskeletalModel.load(from: directory, system: subject.system)
        #expect(loaded.emgGains == model.emgGains)
        #expect(try firstDifference(loaded.predict(subject.trials["trial03"]!).excitation, model.predict(subject.trials["trial03"]!).excitation) == nil)
    }
}
