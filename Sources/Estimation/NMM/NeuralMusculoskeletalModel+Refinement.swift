extension NeuralMusculoskeletalModel {
    /// Whether a prediction of `trial` is refined: the model recorded its training torque scales, and it has the torque
    /// of every coordinate the model drives — the trial's inverse dynamics (``NMMInputs/all``) or the model's own
    /// (``NMMInputs/kinematics``, when it has ``dynamics``).
    public func refines(_ trial: EstimationTrial) -> Bool {
        guard let torqueScales, let coordinates, torqueScales.count == coordinates.count else { return false }
        switch configuration.inputs {
        case .kinematics: return dynamics != nil
        case .all: return coordinates.allSatisfy { trial.torque[$0] != nil }
        }
    }

    /// What a refined prediction reproduces: the trial's own recordings, or (kinematics-only) nmm's own inverse dynamics.
    public var refinementTarget: RefinementTarget { configuration.inputs == .kinematics ? .ownInverseDynamics : .trialRecordings }

    /// The network's `proposal` for `trial` refined to the trial's torque and its measured muscles' EMG
    /// (``TrialRefinement``, with the fitted parameters, and the training's agonist prior with the fitted recruitment
    /// gains and exponent, its agonists found from the trial's moment arms, and the training's effort on the hidden muscles it leaves
    /// unanchored). The recruitment drift is the hybrid's alone: a kinematics-only model refines to its own inverse
    /// dynamics, whose residual is the forward model's error, never a wander of the subject's recruitment.
    func refined(_ proposal: [[Double]], _ trial: EstimationTrial) -> TrialRefinement.Refined {
        let names = system.muscleNames
        let measuredPairs = measured.compactMap { muscle, channel in names.firstIndex(of: muscle).map { (muscle: $0, channel: channel) } }
            .sorted { $0.muscle < $1.muscle }
        let prior = AgonistPrior(weight: configuration.refinement.agonistWeight, system: system, trials: [trial],
                                 measured: measuredPairs.map(\.muscle))
        let gains = Dictionary(uniqueKeysWithValues: recruitmentGains.compactMap { name, gain in names.firstIndex(of: name).map { ($0, gain) } })
        let recruitment = AgonistRecruitment(gains: gains, exponent: recruitmentExponent ?? 1)
        var refinement = configuration.refinement
        if refinementTarget == .ownInverseDynamics { refinement.drift = nil }
        return refinement.refine(proposal, trial: trial, system: system, parameters: parameters, measured: measuredPairs,
                                               coordinates: coordinates ?? [], torqueScales: torqueScales ?? [], agonistPrior: prior,
                                               recruitment: recruitment, emgGains: emgGains, effortWeight: configuration.effortWeight)
    }
}

/// What the NMM refines a prediction to reproduce (``NeuralMusculoskeletalModel/refinementTarget``).
public enum RefinementTarget: String, Sendable, Codable {
    /// The trial's inverse-dynamics torque and its measured muscles' EMG: the hybrid NMM (``NMMInputs/all``).
    case trialRecordings
    /// The torques nmm's own inverse dynamics give from the trial's kinematics and load (``NMMInputs/kinematics``,
    /// ``SubjectDynamics``): the trial's recordings are not read.
    case ownInverseDynamics
}
