import Musculoskeletal

/// The mean floor: every muscle's excitation is a constant, its mean over the training trials (a measured muscle's
/// EMG; a hidden muscle's agonist-floor estimate, ``AgonistCopy``, the only estimate of it the training trials give
/// without a model). Its r is undefined on every trial; its RMSE is what knowing nothing of timing costs.
public struct ConstantExcitation: Sendable, ExcitationPredictor {
    /// Nothing: the same excitations for every trial.
    public var inputs: [PredictionInput] { [] }

    public var system: MuscleSystem
    public var parameters: PersonalizedParameters
    /// Each muscle's constant excitation.
    public var levels: [Double]

    /// The training-trial means of `reference`'s excitations over `trials`.
    public init(system: MuscleSystem, reference: AgonistCopy, trials: [EstimationTrial]) throws {
        self.system = system
        parameters = PersonalizedParameters(muscleCount: system.muscles.count)
        var sums = [Double](repeating: 0, count: system.muscles.count)
        var frames = 0
        for trial in trials {
            let excitation = try reference.excitation(trial)
            for m in sums.indices { sums[m] += excitation[m].reduce(0, +) }
            frames += trial.frameCount
        }
        levels = sums.map { $0 / Double(max(frames, 1)) }
    }

    public func predict(_ trial: EstimationTrial) throws -> TrialPrediction {
        let excitation = levels.map { [Double](repeating: $0, count: trial.frameCount) }
        let pass = system.forward(excitation: excitation, geometry: trial.geometry, sampleInterval: trial.sampleInterval, parameters: parameters)
        return TrialPrediction(trial: trial, pass: pass)
    }
}
