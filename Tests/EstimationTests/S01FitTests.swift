import TestSupport
import Foundation
import Testing
@testable import Estimation
import Musculoskeletal

/// The fits on the OpenSim reference subject S01, against its inverse dynamics and (evaluation only) its truth.
@Suite(.needsSharedData)
struct S01FitTests {
    static let subject: SubjectData? = try? SubjectData.load(
        directory: SharedData.s01, trialNames: ["trial01", "trial03", "trial07"], coordinates: ["r_elbow_flex"])

    @Test func loaderAssemblesATrialFromTheFolder() throws {
        let subject = try #require(Self.subject)
        #expect(subject.system.muscleNames == ["TRIlong", "TRIlat", "TRImed", "BIClong", "BICshort", "BRA"])
        #expect(subject.truthModel != nil)
        let trial = try #require(subject.trials["trial01"])
        #expect(trial.frameCount == 1001)
        #expect(trial.featureLabels == ["r_shoulder_elev", "r_shoulder_elev_speed", "r_shoulder_elev_acceleration",
                                        "r_elbow_flex", "r_elbow_flex_speed", "r_elbow_flex_acceleration", "load_mass", "cable_force"])
        // ik.mot's first elbow angle is 66.16°; the 6 Hz filter moves it by well under a degree.
        #expect(abs(trial.features[3][0] - 66.1644237805064 * .pi / 180) < 0.01)
        #expect(Set(trial.emg.keys) == ["TRIlong", "TRIlat", "BIClong", "BICshort"])
        #expect(abs(trial.torque["r_elbow_flex"]![0] - 2.580738053691921) < 1e-12)
        #expect(trial.truthExcitation?["BRA"] != nil)
    }

    /// With the truth parameters and activations, the muscle system reproduces OpenSim's torque (the data README's
    /// R² = 1.0000); with the generic model and static optimisation the torque is met exactly by construction and
    /// the reserves stay idle.
    @Test func staticOptimizationMeetsTheTorqueWithoutReserves() throws {
        let subject = try #require(Self.subject)
        let trial = try #require(subject.trials["trial03"])
        let clock = ContinuousClock(), start = clock.now
        let result = try StaticOptimization(system: subject.system).solve(trial)
        let seconds = Double((clock.now - start).components.attoseconds) * 1e-18 + Double((clock.now - start).components.seconds)
        let metrics = SignalMetrics(predicted: result.torque[0], reference: trial.torque["r_elbow_flex"]!)
        #expect(metrics.r2! > 0.999)
        #expect(result.reserve[0].map(abs).max()! < 0.05)
        #expect(result.activation.allSatisfy { $0.allSatisfy { $0 >= 0 && $0 <= 1 } })
        print("static optimisation of trial03 (1001 frames, debug build): \(seconds) s")
    }

    @Test func synergyExtrapolationTracksTorqueOnTrainingTrials() throws {
        let subject = try #require(Self.subject)
        var configuration = SynergyExtrapolation.Configuration()
        configuration.iterations = 60
        let trials = [subject.trials["trial01"]!, subject.trials["trial07"]!]
        let fit = try SynergyExtrapolation(configuration: configuration).fit(
            system: subject.system, trials: trials, measured: ["BIClong": "BIClong", "BICshort": "BICshort", "TRIlong": "TRIlong", "TRIlat": "TRIlat"],
            coordinates: ["r_elbow_flex"])
        #expect(fit.lossHistory.last! < 0.5 * fit.lossHistory.first!)
        #expect(fit.unmeasured == [2, 5])  // TRImed, BRA
        let prediction = try fit.predict(subject.trials["trial03"]!)
        #expect(prediction.excitation.count == 6 && prediction.excitation[5].allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    @Test func nmmTrainingReducesItsLossAndIsReproducible() throws {
        let subject = try #require(Self.subject)
        var configuration = Self.briefConfiguration(steps: 40)
        configuration.validationFraction = NMMConfiguration().validationFraction
        configuration.validationInterval = 20
        func fit() throws -> NeuralMusculoskeletalModel { try Self.briefFit(configuration, subject) }
        let model = try fit()
        let early = model.history.prefix(5).map(\.total).reduce(0, +), late = model.history.suffix(5).map(\.total).reduce(0, +)
        #expect(late < early)
        let prediction = try model.predict(subject.trials["trial03"]!)
        #expect(prediction.excitation.allSatisfy { $0.count == 1001 && $0.allSatisfy { $0 > 0 && $0 < 1 } })
        let again = try fit().predict(subject.trials["trial03"]!)
        #expect(firstDifference(again.torque, prediction.torque) == nil)  // a fixed seed gives the same numbers
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-model-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try model.save(to: directory)
        let loaded = try NeuralMusculoskeletalModel.load(from: directory, system: subject.system)
        #expect(try firstDifference(loaded.predict(subject.trials["trial03"]!).torque, prediction.torque) == nil)
        #expect(loaded.history == model.history)
    }

    /// By default the hidden muscles keep the model's strengths and lengths (no EMG separates a hidden muscle's strength
    /// from its excitation) while the measured muscles' are fitted; asked to, the fit moves the hidden muscles' too.
    @Test func hiddenMusclesKeepTheModelsParametersUnlessAsked() throws {
        let subject = try #require(Self.subject)
        func fitted(hidden fitsHidden: Bool) throws -> PersonalizedParameters {
            var configuration = Self.briefConfiguration(steps: 20)
            configuration.fitsHiddenMuscleParameters = fitsHidden
            return try Self.briefFit(configuration, subject).parameters
        }
        func scales(_ p: PersonalizedParameters, _ m: Int) -> [Double] {
            [p.value(.maxIsometricForce(muscle: m)), p.value(.optimalFiberLength(muscle: m)), p.value(.tendonSlackLength(muscle: m))]
        }
        // The fit holds θ in single precision, so "kept" is 1 within 1e-6; "moved" is more than 100 times that.
        func moved(_ p: PersonalizedParameters, _ m: Int) -> Double { scales(p, m).map { abs($0 - 1) }.max()! }
        let byDefault = try fitted(hidden: false), asked = try fitted(hidden: true)
        for hidden in [1, 2, 4, 5] {  // TRIlat, TRImed, BICshort, BRA
            #expect(moved(byDefault, hidden) < 1e-6)
            #expect(moved(asked, hidden) > 1e-4)
        }
        for measured in [0, 3] { #expect(moved(byDefault, measured) > 1e-4) }  // TRIlong, BIClong
    }

    /// By default the network reads the measured channels' EMG beside kinematics and load: its inputs gain a column
    /// per channel and a flag, the EMG changes its output, and a trial without EMG is still predicted (masked: zeros,
    /// flag 0), also by the saved model. Asked not to, it reads none.
    @Test func networkReadsTheMeasuredEMGUnlessAskedNotTo() throws {
        let subject = try #require(Self.subject)
        var configuration = Self.briefConfiguration(steps: 20)
        configuration.readsEMG = false
        #expect(try Self.briefFit(configuration, subject).network.configuration.inputSize == 8)
        configuration = Self.briefConfiguration(steps: 20)
        #expect(configuration.readsEMG)
        let model = try Self.briefFit(configuration, subject)
        #expect(model.emgInputChannels == ["BIClong", "TRIlong"])
        #expect(model.network.configuration.inputSize == 8 + 2 + 1)
        let trial = try #require(subject.trials["trial03"])
        let given = model.inputRows(trial, withEMG: true), masked = model.inputRows(trial, withEMG: false)
        #expect(given[500].suffix(3) == [Float(max(trial.emg["BIClong"]![500], 0)), Float(max(trial.emg["TRIlong"]![500], 0)), 1])
        #expect(masked[500].suffix(3) == [0, 0, 0] && masked[500].prefix(8) == given[500].prefix(8))
        var withoutEMG = trial
        withoutEMG.emg = [:]
        let withEMG = try model.predict(trial).excitation, blind = try model.predict(withoutEMG).excitation
        #expect(blind.allSatisfy { $0.count == 1001 && $0.allSatisfy { $0 > 0 && $0 < 1 } })
        let change = zip(withEMG[5], blind[5]).map { abs($0 - $1) }.max()!  // BRA
        #expect(change > 1e-3, "the EMG changed BRA by at most \(change)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-model-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try model.save(to: directory)
        let loaded = try NeuralMusculoskeletalModel.load(from: directory, system: subject.system)
        #expect(try firstDifference(loaded.predict(withoutEMG).excitation, blind) == nil)
        #expect(try firstDifference(loaded.predict(trial).excitation, withEMG) == nil)
    }

    /// By default the fit moves the recruitment exponent from 1 within its bounds, reports it, and a saved model refines
    /// with it as the fitted one does; told not to, the fit has none (q = 1).
    @Test func recruitmentExponentIsFittedUnlessTurnedOff() throws {
        let subject = try #require(Self.subject)
        var configuration = Self.briefConfiguration(steps: 20)
        configuration.fitsRecruitmentExponent = false
        #expect(try Self.briefFit(configuration, subject).recruitmentExponent == nil)
        configuration = Self.briefConfiguration(steps: 20)
        let model = try Self.briefFit(configuration, subject)
        let q = try #require(model.recruitmentExponent)
        #expect(abs(q - 1) > 1e-3 && AgonistPrior.exponentBounds.contains(q), "exponent \(q)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-model-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try model.save(to: directory)
        let loaded = try NeuralMusculoskeletalModel.load(from: directory, system: subject.system)
        #expect(loaded.recruitmentExponent == q)
    }

    /// The default settings for a brief fit: `steps` steps of 8 windows, no validation block.
    static func briefConfiguration(steps: Int) -> NMMConfiguration {
        var configuration = NMMConfiguration()
        configuration.maxSteps = steps
        configuration.batchSize = 8
        configuration.validationFraction = 0
        return configuration
    }

    /// An NMM fitted with `configuration` on trials 01 and 07, BIClong and TRIlong measured, seed 3.
    static func briefFit(_ configuration: NMMConfiguration, _ subject: SubjectData) throws -> NeuralMusculoskeletalModel {
        try NMMTrainer(configuration: configuration).fit(system: subject.system, trials: [subject.trials["trial01"]!, subject.trials["trial07"]!],
                                                         measured: ["BIClong": "BIClong", "TRIlong": "TRIlong"], coordinates: ["r_elbow_flex"], seed: 3)
    }
}
