/// A personalised parameter's ratio to the generic model, per muscle.
public struct MuscleParameterScale: Sendable, Equatable, Codable {
    /// max_isometric_force ratio.
    public var maxIsometricForce: Double
    /// optimal_fiber_length ratio.
    public var optimalFiberLength: Double
    /// tendon_slack_length ratio.
    public var tendonSlackLength: Double
}

/// One simulated trial: what a lab would record (noisy kinematics, load, inverse dynamics, surface EMG) and the
/// truth behind it. Per-coordinate arrays follow ``Arm26/coordinates``, per-muscle arrays the subject's muscles.
public struct SimulatedTrial: Sendable {
    /// Trial folder name (trial01, ...).
    public var name: String
    /// What the subject did.
    public var task: ArmTask
    /// Sample times (s).
    public var time: [Double]
    /// True joint angles (rad), `[coordinate][frame]`.
    public var angles: [[Double]]
    /// True joint speeds (rad/s).
    public var speeds: [[Double]]
    /// True joint accelerations (rad/s²).
    public var accelerations: [[Double]]
    /// Joint angles as inverse kinematics would give them: the true ones plus Gaussian noise (rad).
    public var measuredAngles: [[Double]]
    /// Inverse-dynamics joint torques of the true motion and load (N·m), `[coordinate][frame]`.
    public var jointTorques: [[Double]]
    /// Musculotendon lengths and moment arms along the true motion.
    public var geometry: MusculotendonGeometry
    /// Exact musculotendon lengthening velocities −Σ r·q̇ (m/s), `[muscle][frame]`.
    public var lengtheningVelocity: [[Double]]
    /// Neural excitation (what EMG measures), `[muscle][frame]`; activation follows it after the delay.
    public var excitation: [[Double]]
    /// Muscle activation, `[muscle][frame]`.
    public var activation: [[Double]]
    /// Muscle (tendon) force (N), `[muscle][frame]`.
    public var force: [[Double]]
    /// MVC-normalised EMG envelopes of the measured muscles (gain error and noise), `[measured muscle][frame]`.
    public var emg: [[Double]]
    /// Times of the raw EMG (s).
    public var rawEMGTime: [Double]
    /// Raw surface EMG (mV) of the measured muscles, `[measured muscle][sample]`.
    public var rawEMG: [[Double]]
}

/// A simulated subject with known truth: its personalised muscles, how it recruits them, and its trials.
public struct SimulatedSubject: Sendable {
    /// Subject name.
    public var name: String
    /// The seed that made it.
    public var seed: UInt64
    /// The generic model's muscles (what a user would start from).
    public var genericMuscles: [DeGrooteFregly2016Muscle<Double>]
    /// The subject's true muscles (generic ones scaled by `parameterScales`).
    public var muscles: [DeGrooteFregly2016Muscle<Double>]
    /// True parameter ratios to the generic model, per muscle.
    public var parameterScales: [MuscleParameterScale]
    /// How the subject shares the elbow torque.
    public var recruitment: RecruitmentRule
    /// Standard deviation (log units) of the slow wander of the brachialis's activation share (0: none).
    public var brachialisWander: Double
    /// Electromechanical delay between excitation and the activation dynamics' input (s).
    public var electromechanicalDelay: Double
    /// Muscles with surface EMG, the order of each trial's `emg`.
    public var measuredMuscles: [String]
    /// Gain error of each measured muscle's EMG normalisation.
    public var emgGains: [Double]
    /// Relative standard deviation of the slow wander of its EMG amplitude about gain × excitation.
    public var emgWander: Double
    /// The trials.
    public var trials: [SimulatedTrial]
    /// The segments and joints the trials' inverse dynamics were computed with.
    public var dynamics: ArmDynamics
}
