import BiomechIO
import Foundation
import Musculoskeletal
import Testing
import TestSupport
@testable import Estimation

/// nmm's own inverse dynamics of a subject: the load point placed from the training trials' inverse dynamics, torques
/// of an unseen trial from its kinematics and load alone, and the kinematics-only NMM refined to them.
@Suite(.needsSharedData)
struct SubjectDynamicsTests {
    static let coordinates = ["r_elbow_flex"]

    /// Learned on trial01 (no load) and trial07 (a 15 N push-down cable).
    static func learned() throws -> (SubjectData, SubjectDynamics) {
        let subject = try #require(S01FitTests.subject)
        let learned = try SubjectDynamics.learn(model: subject.model, trials: [subject.trials["trial01"]!, subject.trials["trial07"]!],
                                                coordinates: coordinates)
        return (subject, learned.dynamics)
    }

    /// The trial with neither EMG nor inverse dynamics: what a kinematics-only prediction may read.
    static func kinematicsAndLoad(_ trial: EstimationTrial) -> EstimationTrial {
        var stripped = trial
        stripped.emg = [:]
        stripped.torque = [:]
        return stripped
    }

    /// The point lands at arm26's hand (``ArmDynamics/arm26``: 0.2615 m down the forearm, within the elbow torque's
    /// view of it), and the dynamics reproduce trial03's elbow torque (a 2 kg curl no fit saw) from kinematics and load.
    @Test func placesTheHandAndPredictsAnUnseenTrialsTorque() throws {
        let (subject, dynamics) = try Self.learned()
        #expect(dynamics.loadBody == "r_ulna_radius_hand" && dynamics.loadPointFitted)
        #expect(abs(dynamics.loadPoint.y + ArmDynamics.arm26.handDistance) < 0.005, "\(dynamics.loadPoint)")
        #expect(abs(dynamics.loadPoint.x) < 0.01, "\(dynamics.loadPoint)")
        #expect(dynamics.trainingAgreement.values.allSatisfy { $0.allSatisfy { $0 > 0.9 } }, "\(dynamics.trainingAgreement)")
        let trial = try #require(subject.trials["trial03"])
        let own = try dynamics.torques(of: Self.kinematicsAndLoad(trial))
        #expect(own == (try dynamics.torques(of: trial)), "the trial's EMG and inverse dynamics are not read")
        let agreement = TorqueAgreement(model: try #require(own["r_elbow_flex"]), reference: try #require(trial.torque["r_elbow_flex"]))
        #expect(agreement.r2 > 0.9, "\(agreement)")
    }

    /// The load's generalized force is linear in the load's demand and the point enters through the Jacobian and the
    /// acceleration: its gradient by the point, used by the Gauss–Newton fit, matches central differences.
    @Test func loadForceGradientMatchesFiniteDifferences() throws {
        let (subject, dynamics) = try Self.learned()
        let frames = try SubjectDynamics.Solver(dynamics).frames(of: subject.trials["trial07"]!, fittedLoadPoint: true)
        let p = SIMD3(0.013, -0.24, 0.021)
        for frame in [frames[100], frames[500], frames[900]] {
            #expect(frame.carriesLoad)
            let gradient = frame.loadForceGradient(0, at: p)
            for axis in 0..<3 {
                let numeric = centralDifference({ value in
                    var moved = p
                    moved[axis] = value
                    return frame.loadForce(0, at: moved)
                }, at: p[axis])
                #expect(close(numeric, gradient[axis], relative: 1e-5, absolute: 1e-7), "axis \(axis): \(numeric) vs \(gradient[axis])")
            }
        }
    }

    /// A load channel whose name says neither mass nor force cannot be applied, and a load no training trial placed
    /// is refused rather than guessed.
    @Test func refusesLoadsItCannotPlace() throws {
        let (subject, _) = try Self.learned()
        var renamed = try #require(subject.trials["trial07"])
        renamed.featureLabels = renamed.featureLabels.map { $0 == "cable_force" ? "cable_pull" : $0 }
        #expect(throws: EstimationError.self) {
            try SubjectDynamics.learn(model: subject.model, trials: [renamed], coordinates: Self.coordinates)
        }
        let unloaded = try SubjectDynamics.learn(model: subject.model, trials: [subject.trials["trial01"]!], coordinates: Self.coordinates).dynamics
        #expect(!unloaded.loadPointFitted)
        #expect(throws: EstimationError.self) { try unloaded.torques(of: subject.trials["trial07"]!) }
    }

    /// The gate weighs a training trial's error against the subject's torque: the push-down whose 15 N cable nmm is
    /// not told of (its load channel zeroed) misses its torque by more than the torque itself and is refused, naming the
    /// trial; told of it, every training trial is reproduced within the gate (6 % of the RMS torque, on trial07).
    @Test func refusesTrainingTrialsCarryingLoadsItIsNotTold() throws {
        let subject = try #require(S01FitTests.subject)
        let told = try SubjectDynamics.learn(model: subject.model, trials: [subject.trials["trial01"]!, subject.trials["trial07"]!],
                                             coordinates: Self.coordinates)
        #expect(told.largestError < SubjectDynamics.maximumTrainingError, "\(told.largestError)")
        var untold = try #require(subject.trials["trial07"])
        let cable = try #require(untold.featureLabels.firstIndex(of: "cable_force"))
        untold.features[cable] = untold.features[cable].map { _ in 0 }
        do {
            _ = try SubjectDynamics.learn(model: subject.model, trials: [subject.trials["trial01"]!, untold], coordinates: Self.coordinates)
            Issue.record("a trial pushed by a cable nmm is not told of was accepted")
        } catch {
            #expect("\(error)".contains("trial07") && "\(error)".contains("of its RMS torque"), "\(error)")
        }
    }

    /// Trials read without the shoulder (features of the elbow alone) hold it at the model's default: the torques miss,
    /// and the refusal names the coordinate the features lack rather than blaming a load.
    @Test func namesTheCoordinateTheFeaturesLack() throws {
        let subject = try #require(S01FitTests.subject)
        let elbowOnly = try ["trial01", "trial07"].map { name in
            var trial = try #require(subject.trials[name])
            let kept = trial.featureLabels.indices.filter { !trial.featureLabels[$0].hasPrefix("r_shoulder_elev") }
            trial.featureLabels = kept.map { trial.featureLabels[$0] }
            trial.features = kept.map { trial.features[$0] }
            return trial
        }
        do {
            _ = try SubjectDynamics.learn(model: subject.model, trials: elbowOnly, coordinates: Self.coordinates)
            Issue.record("the elbow's torque was met without the shoulder's motion")
        } catch {
            #expect("\(error)".contains("do not give r_shoulder_elev"), "\(error)")
        }
    }

    /// Rajagopal's nonlinearly coupled joints leave no skeleton: learning says so instead of guessing.
    @Test func aModelWithoutSkeletonIsRefusedWithItsReason() throws {
        let walk = try OSimFile.read(SharedData.walk + "/subject_walk_scaled.osim")
        do {
            _ = try SubjectDynamics.learn(model: walk, trials: [], coordinates: ["knee_angle_r"])
            Issue.record("the walk model has no skeleton nmm can move")
        } catch {
            #expect("\(error)".contains("subject_walk_scaled.osim:") && "\(error)".contains("linear axes"), "\(error)")
        }
    }

    /// The kinematics-only NMM refines its proposal to its own torques: the prediction reads neither the trial's EMG
    /// nor its inverse dynamics, differs from the network's proposal, and a saved model predicts the same.
    @Test func theKinematicsOnlyNMMRefinesToItsOwnDynamics() throws {
        let subject = try #require(S01FitTests.subject)
        var configuration = S01FitTests.briefConfiguration(steps: 20)
        configuration.inputs = .kinematics
        let problem = FitProblem(subject: subject, trainingTrials: ["trial01", "trial07"].map { subject.trials[$0]! },
                                 measured: ["BIClong": "BIClong", "TRIlong": "TRIlong"], seed: 3)
        var messages: [String] = []
        let model = try #require(try NMMMethod(configuration: configuration).fit(problem, progress: { messages.append($0) }) as? NeuralMusculoskeletalModel)
        #expect(model.dynamics != nil && messages.contains { $0.contains("own inverse dynamics") }, "\(messages)")
        let trial = try #require(subject.trials["trial03"])
        let prediction = try model.predict(trial)
        #expect(try firstDifference(model.predict(Self.kinematicsAndLoad(trial)).excitation, prediction.excitation) == nil)
        #expect(try model.proposal(trial) != prediction.excitation, "the refinement changes the proposal")

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-dynamics-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try model.save(to: directory)
        let loaded = try NeuralMusculoskeletalModel.load(from: directory, system: subject.system)
        #expect(loaded.dynamics == model.dynamics)
        #expect(try firstDifference(loaded.predict(trial).excitation, prediction.excitation) == nil)
    }
}
