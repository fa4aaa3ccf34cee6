import BiomechIO

/// A muscle class the fits can model — the one place a fit, static optimisation, check-physics, the simulator and
/// the benchmark get a muscle's force from.
///
/// A muscle class supplies its force along the tendon over a sequence of frames with the partial derivatives a fit
/// needs (activation, and the personalised parameters: max isometric force, optimal fibre length, tendon slack
/// length), its activation dynamics, and the generic values the personalised scale factors multiply. Adding a
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

    /// Force along the tendon and its partials at every frame, for activations, musculotendon lengths and
    /// lengthening velocities given frame by frame (all of one length).
    func forces(activation: [Double], musculotendonLength: [Double], musculotendonVelocity: [Double]) -> [RigidTendonForce<Double>]
}

extension MuscleModel where Self: HillTypeMuscle, Self.Scalar == Double {
    /// The rigid-tendon force of every frame (``HillTypeMuscle/rigidTendonForce(activation:musculotendonLength:musculotendonVelocity:)``).
    public func forces(activation: [Double], musculotendonLength: [Double], musculotendonVelocity: [Double]) -> [RigidTendonForce<Double>] {
        precondition(activation.count == musculotendonLength.count && activation.count == musculotendonVelocity.count,
                     "forces: activation, length and velocity need one value per frame")
        return activation.indices.map {
            rigidTendonForce(activation: activation[$0], musculotendonLength: musculotendonLength[$0],
                             musculotendonVelocity: musculotendonVelocity[$0])
        }
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
