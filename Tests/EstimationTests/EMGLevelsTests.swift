import TestSupport
import Foundation
import Testing
@testable import Estimation
import Musculoskeletal

/// The level the NMM reads each measured EMG channel at (``EMGLevels``): static optimisation's least-squares factor,
/// which follows the EMG's scale exactly; peak-normalised EMG told from MVC-normalised; a fit on peak-normalised EMG
/// reads it at its levels in training and prediction, and a saved model keeps them.
@Suite(.needsSharedData)
struct EMGLevelsTests {
    /// S01's trials 01, 03 and 07 with each measured channel divided by its peak over them (the trials span their
    /// EMG files, so the files' peaks are the trials' peaks).
    static func peakNormalized(_ subject: SubjectData) -> SubjectData {
        var subject = subject
        for channel in ["BIClong", "TRIlong"] {
            let peak = subject.trials.values.compactMap { $0.emg[channel]?.max() }.max()!
            for name in subject.trials.keys { subject.trials[name]!.emg[channel] = subject.trials[name]!.emg[channel]!.map { $0 / peak } }
            subject.emgPeaks[channel] = subject.emgPeaks[channel]! / peak
        }
        return subject
    }

    /// Dividing a channel by c multiplies its level by c: the level puts the EMG on static optimisation's scale,
    /// whatever scale it was recorded on.
    @Test func levelsFollowTheEMGsScale() throws {
        let subject = try #require(S01FitTests.subject)
        let measured = try MeasuredMuscles(["BIClong": "BIClong", "TRIlong": "TRIlong"], muscles: subject.system.muscleNames)
        let trials = ["trial01", "trial07"].map { subject.trials[$0]! }
        let levels = try EMGLevels.staticOptimization(system: subject.system, trials: trials, measured: measured)
        // Each level is the least-squares factor from the EMG to static optimisation's activations: the squared
        // mismatch is larger a little to either side of it.
        let activations = try trials.map { try StaticOptimization(system: subject.system).solve($0).activation }
        for pair in measured.pairs {
            func mismatch(_ level: Double) -> Double {
                zip(trials, activations).reduce(0) { sum, item in
                    sum + zip(item.1[pair.muscle], item.0.envelope(pair.channel)!).reduce(0) { $0 + pow($1.0 - level * $1.1, 2) }
                }
            }
            let level = levels[pair.channel]!
            #expect(mismatch(level) < mismatch(level * 1.01) && mismatch(level) < mismatch(level * 0.99), "\(pair.channel): \(level)")
        }
        let divisors = ["BIClong": 0.5, "TRIlong": 0.8]
        for (channel, c) in divisors {
            #expect(EMGLevels.range.contains(c * levels[channel]!), "\(channel)'s level \(levels[channel]!) leaves room to scale by \(c)")
        }
        let rescaled = trials.map { trial in
            var trial = trial
            for (channel, c) in divisors { trial.emg[channel] = trial.emg[channel]!.map { $0 / c } }
            return trial
        }
        let after = try EMGLevels.staticOptimization(system: subject.system, trials: rescaled, measured: measured)
        for (channel, c) in divisors {
            #expect(abs(after[channel]! - c * levels[channel]!) < 1e-12 * c, "\(channel): \(after[channel]!) vs \(c) × \(levels[channel]!)")
        }
    }

    @Test func peakNormalizedEMGIsToldFromMVCNormalized() throws {
        let subject = try #require(S01FitTests.subject)
        let channels = ["BIClong", "TRIlong"]
        #expect(!EMGLevels.isPeakNormalized(subject, channels: channels), "S01's EMG is normalised to MVCs")
        #expect(EMGLevels.isPeakNormalized(Self.peakNormalized(subject), channels: channels))
        #expect(!EMGLevels.isPeakNormalized(Self.peakNormalized(subject), channels: channels + ["TRIlat"]), "TRIlat keeps its MVC scale")
    }

    /// A fit on peak-normalised EMG (automatic scale) records static optimisation's levels; its prediction of a trial
    /// is the prediction of that trial with the EMG multiplied by the levels beforehand; a saved model keeps them.
    @Test func aFitOnPeakNormalizedEMGReadsItAtItsLevels() throws {
        let subject = Self.peakNormalized(try #require(S01FitTests.subject))
        let problem = FitProblem(subject: subject, trainingTrials: ["trial01", "trial07"].map { subject.trials[$0]! },
                                 measured: ["BIClong": "BIClong", "TRIlong": "TRIlong"], seed: 3)
        let fitted = try NMMMethod(configuration: S01FitTests.briefConfiguration(steps: 20)).fit(problem, progress: { _ in })
        let model = try #require(fitted as? NeuralMusculoskeletalModel)
        let measured = try MeasuredMuscles(problem.measured, muscles: subject.system.muscleNames)
        #expect(model.emgLevels == (try EMGLevels.staticOptimization(system: subject.system, trials: problem.trainingTrials, measured: measured)))
        let trial = subject.trials["trial03"]!
        let prediction = try model.predict(trial).excitation
        let levels = model.emgLevels
        model.emgLevels = [:]
        #expect(try firstDifference(model.predict(trial.scalingEMG(by: levels)).excitation, prediction) == nil)
        #expect(try model.predict(trial).excitation != prediction, "the levels change the refined prediction")
        model.emgLevels = levels

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-levels-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try model.save(to: directory)
        let loaded = try NeuralMusculoskeletalModel.load(from: directory, system: subject.system)
        #expect(loaded.emgLevels == levels)
        #expect(try firstDifference(loaded.predict(trial).excitation, prediction) == nil)

        model.emgLevels = ["BIClong": 7]
        #expect(throws: EstimationError.self) { try NeuralMusculoskeletalModel(model.snapshot, system: subject.system) }
    }

    @Test func mvcNormalizedEMGIsReadAtFaceValue() throws {
        let subject = try #require(S01FitTests.subject)
        let problem = FitProblem(subject: subject, trainingTrials: [subject.trials["trial01"]!], measured: ["BIClong": "BIClong"], seed: 3)
        #expect(try EMGLevels.levels(.automatic, for: problem, progress: { _ in }).isEmpty)
        #expect(try EMGLevels.levels(.staticOptimization, for: problem, progress: { _ in }).keys.sorted() == ["BIClong"])
    }
}
