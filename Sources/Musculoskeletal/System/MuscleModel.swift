import BiomechIO

/// A muscle class the fits can model — the one place a fit, static optimisation, check-physics, the simulator and
/// the benchmark get a muscle's force from.
///
/// A muscle class supplies its force along the tendon over a sequence of frames with the partial derivatives a fit
/// needs (activation, and the personalised parameters: max isometric force, optimal fibre length, tendon slack
/// length), its activation dynamics, and the generic values the personalised scale factors multiply. With a rigid
/// tendon every frame stands alone; with a compliant one the fibre length is a state carried from frame to frame
/// (``MuscleForces`` holds how, for the backward pass; static optimisation steps it frame by frame). Adding a
/// class: conform its Double type here (and, for an OpenSim class, map it in ``MuscleModels/model(for:)``).
public protocol MuscleModel: Sendable {
    /// The muscle's name in the model.
    var name: String { get }
    /// The muscle class as OpenSim names it, e.g. "DeGrooteFregly2016Muscle".
    var className: String { get }
    /// `max_isometric_force` (N).
    var maxIsometricForce: Double { get set }
    /// `optimal_fiber_length` (m).
    var optimalFiberLength: Double { get set }
    /// `tendon_slack_length` (m).
    var tendonSlackLength: Double { get set }
    /// `activation_time_constant` (s).
    var activationTimeConstant: Double { get set }
    /// `deactivation_time_constant` (s).
    var deactivationTimeConstant: Double { get set }
    /// How excitation becomes activation.
    var activationDynamics: FirstOrderActivationDynamics<Double> { get }

    /// Whether the tendon stretches, making fibre length a state carried from frame to frame.
    var hasCompliantTendon: Bool { get set }

    /// Force along the tendon and its partials at every frame of a trial sampled every `sampleInterval` seconds, for
    /// activations, musculotendon lengths and lengthening velocities given frame by frame (all of one length).
    func forces(activation: [Double], musculotendonLength: [Double], musculotendonVelocity: [Double], sampleInterval: Double) -> MuscleForces

    /// Force along the tendon and its partials at one frame, `sampleInterval` seconds after the frames whose fibre
    /// lengths `history` holds (empty at a trial's first frame; unused by a rigid tendon); with a compliant tendon,
    /// the frame's fibre-length state too (nil for a rigid tendon).
    func force(activation: Double, musculotendonLength: Double, musculotendonVelocity: Double, history: FiberLengthHistory<Double>,
               sampleInterval: Double) -> (force: MusculotendonForce<Double>, fiberLength: FiberLengthSensitivity<Double>?)
}

extension MuscleModel where Self: HillTypeMuscle, Self.Scalar == Double {
    /// Compliant unless `ignore_tendon_compliance`.
    public var hasCompliantTendon: Bool {
        get { !ignoreTendonCompliance }
        set { ignoreTendonCompliance = !newValue }
    }

    /// The rigid-tendon force of every frame (``HillTypeMuscle/rigidTendonForce(activation:musculotendonLength:musculotendonVelocity:)``),
    /// or the compliant-tendon forces along the trial (``HillTypeMuscle/compliantTendonForces(activation:musculotendonLength:musculotendonVelocity:sampleInterval:)``).
    public func forces(activation: [Double], musculotendonLength: [Double], musculotendonVelocity: [Double], sampleInterval: Double) -> MuscleForces {
        precondition(activation.count == musculotendonLength.count && activation.count == musculotendonVelocity.count,
                     "forces: activation, length and velocity need one value per frame")
        guard ignoreTendonCompliance else {
            let compliant = compliantTendonForces(activation: activation, musculotendonLength: musculotendonLength,
                                                  musculotendonVelocity: musculotendonVelocity, sampleInterval: sampleInterval)
            return MuscleForces(frames: compliant.forces, fiberLengths: compliant.states)
        }
        return MuscleForces(frames: activation.indices.map {
            rigidTendonForce(activation: activation[$0], musculotendonLength: musculotendonLength[$0],
                             musculotendonVelocity: musculotendonVelocity[$0])
        })
    }

    /// One frame of ``forces(activation:musculotendonLength:musculotendonVelocity:sampleInterval:)``.
    public func force(activation: Double, musculotendonLength: Double, musculotendonVelocity: Double, history: FiberLengthHistory<Double>,
                      sampleInterval: Double) -> (force: MusculotendonForce<Double>, fiberLength: FiberLengthSensitivity<Double>?) {
        guard ignoreTendonCompliance else {
            let rule = history.rule(musculotendonVelocity: musculotendonVelocity, sampleInterval: sampleInterval)
            let frame = compliantTendonForce(activation: activation, musculotendonLength: musculotendonLength, velocity: rule,
                                             guess: history.extrapolated)
            return (frame.force, frame.state)
        }
        return (rigidTendonForce(activation: activation, musculotendonLength: musculotendonLength, musculotendonVelocity: musculotendonVelocity), nil)
    }
}

extension DeGrooteFregly2016Muscle: MuscleModel where Scalar == Double {
    public var className: String { MuscleModelKind.deGrooteFregly2016.rawValue }
}

extension Thelen2003Muscle: MuscleModel where Scalar == Double {
    public var className: String { MuscleModelKind.thelen2003.rawValue }

    /// De Groote's first-order dynamics with this muscle's time constants and OpenSim 4.6's smoothing 0.1: Thelen's
    /// own activation model (time constants scaled by 0.5 + 1.5a) is not modelled, which fits say when they use it.
    public var activationDynamics: FirstOrderActivationDynamics<Double> {
        FirstOrderActivationDynamics(activationTimeConstant: activationTimeConstant, deactivationTimeConstant: deactivationTimeConstant,
                                     smoothing: 0.1)
    }
}
