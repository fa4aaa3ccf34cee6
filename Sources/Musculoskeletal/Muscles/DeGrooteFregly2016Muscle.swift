import RealModule

/// OpenSim 4.6's `DeGrooteFregly2016Muscle`: properties named and defaulted as in OpenSim, curves from
/// ``DeGrooteFregly2016``.
///
/// Departures from OpenSim, both for robustness in optimisation and neither reached by a physiological state:
/// the rigid-tendon fibre length along the tendon is kept above ``minimumFiberLengthAlongTendon`` (OpenSim lets
/// it go to zero or negative), and a compliant tendon's fibre length is stepped from frame to frame by backward
/// differences, each frame's equilibrium solved by Newton iteration on fibre length (``CompliantTendon.swift``;
/// OpenSim integrates normalised tendon force as a state with an explicit integrator; both satisfy the same
/// equilibrium and converge to the same solution as the frames get closer).
public struct DeGrooteFregly2016Muscle<Scalar: MuscleScalar>: HillTypeMuscle, Equatable {
    /// The muscle's name in the model.
    public var name: String
    /// `max_isometric_force` (N).
    public var maxIsometricForce: Scalar
    /// `optimal_fiber_length` (m).
    public var optimalFiberLength: Scalar
    /// `tendon_slack_length` (m).
    public var tendonSlackLength: Scalar
    /// `pennation_angle_at_optimal` (rad).
    public var pennationAngleAtOptimal: Scalar {
        didSet { sinPennationAngleAtOptimal = Scalar.sin(pennationAngleAtOptimal) }
    }
    /// sin(`pennation_angle_at_optimal`), kept with it so the force kernel need not evaluate it.
    public private(set) var sinPennationAngleAtOptimal: Scalar
    /// `max_contraction_velocity` (optimal fibre lengths per second); OpenSim default 10.
    public var maxContractionVelocity: Scalar
    /// `activation_time_constant` (s); OpenSim default 0.015.
    public var activationTimeConstant: Scalar
    /// `deactivation_time_constant` (s); OpenSim default 0.060.
    public var deactivationTimeConstant: Scalar
    /// `activation_dynamics_smoothing`, the tanh steepness b of the activation/deactivation switch; OpenSim 4.6
    /// default 0.1 (the published model; OpenSim recommends 10 for time constants that act as named).
    public var activationDynamicsSmoothing: Scalar
    /// `active_force_width_scale` (≥ 1); default 1.
    public var activeForceWidthScale: Scalar
    /// `fiber_damping`, normalised damping coefficient; OpenSim default 0.
    public var fiberDamping: Scalar
    /// `passive_fiber_strain_at_one_norm_force`; default 0.6.
    public var passiveFiberStrainAtOneNormForce: Scalar {
        didSet { passiveCurve = .init(strainAtOneNormForce: passiveFiberStrainAtOneNormForce) }
    }
    /// The passive force-length curve for that strain.
    public private(set) var passiveCurve: DeGrooteFregly2016.PassiveForceLengthCurve<Scalar>
    /// `tendon_strain_at_one_norm_force`; default 0.049.
    public var tendonStrainAtOneNormForce: Scalar
    /// `ignore_passive_fiber_force`; default false.
    public var ignorePassiveFiberForce: Bool
    /// `ignore_tendon_compliance` (rigid tendon when true); OpenSim default false.
    public var ignoreTendonCompliance: Bool

    /// A muscle with OpenSim's defaults for every property not given.
    public init(
        name: String, maxIsometricForce: Scalar, optimalFiberLength: Scalar, tendonSlackLength: Scalar,
        pennationAngleAtOptimal: Scalar = 0, maxContractionVelocity: Scalar = 10,
        activationTimeConstant: Scalar = 0.015, deactivationTimeConstant: Scalar = 0.060,
        activationDynamicsSmoothing: Scalar = 0.1, activeForceWidthScale: Scalar = 1, fiberDamping: Scalar = 0,
        passiveFiberStrainAtOneNormForce: Scalar = 0.6, tendonStrainAtOneNormForce: Scalar = 0.049,
        ignorePassiveFiberForce: Bool = false, ignoreTendonCompliance: Bool = false
    ) {
        self.name = name
        self.maxIsometricForce = maxIsometricForce
        self.optimalFiberLength = optimalFiberLength
        self.tendonSlackLength = tendonSlackLength
        self.pennationAngleAtOptimal = pennationAngleAtOptimal
        self.sinPennationAngleAtOptimal = Scalar.sin(pennationAngleAtOptimal)
        self.maxContractionVelocity = maxContractionVelocity
        self.activationTimeConstant = activationTimeConstant
        self.deactivationTimeConstant = deactivationTimeConstant
        self.activationDynamicsSmoothing = activationDynamicsSmoothing
        self.activeForceWidthScale = activeForceWidthScale
        self.fiberDamping = fiberDamping
        self.passiveFiberStrainAtOneNormForce = passiveFiberStrainAtOneNormForce
        self.passiveCurve = .init(strainAtOneNormForce: passiveFiberStrainAtOneNormForce)
        self.tendonStrainAtOneNormForce = tendonStrainAtOneNormForce
        self.ignorePassiveFiberForce = ignorePassiveFiberForce
        self.ignoreTendonCompliance = ignoreTendonCompliance
    }

    /// The same muscle in another numeric type (e.g. `Float` for training).
    public func converted<U: MuscleScalar>(to _: U.Type = U.self) -> DeGrooteFregly2016Muscle<U> {
        DeGrooteFregly2016Muscle<U>(
            name: name, maxIsometricForce: U(maxIsometricForce), optimalFiberLength: U(optimalFiberLength),
            tendonSlackLength: U(tendonSlackLength), pennationAngleAtOptimal: U(pennationAngleAtOptimal),
            maxContractionVelocity: U(maxContractionVelocity), activationTimeConstant: U(activationTimeConstant),
            deactivationTimeConstant: U(deactivationTimeConstant),
            activationDynamicsSmoothing: U(activationDynamicsSmoothing), activeForceWidthScale: U(activeForceWidthScale),
            fiberDamping: U(fiberDamping), passiveFiberStrainAtOneNormForce: U(passiveFiberStrainAtOneNormForce),
            tendonStrainAtOneNormForce: U(tendonStrainAtOneNormForce), ignorePassiveFiberForce: ignorePassiveFiberForce,
            ignoreTendonCompliance: ignoreTendonCompliance)
    }

    /// The muscle's first-order activation dynamics (its time constants and smoothing).
    public var activationDynamics: FirstOrderActivationDynamics<Scalar> {
        FirstOrderActivationDynamics(
            activationTimeConstant: activationTimeConstant, deactivationTimeConstant: deactivationTimeConstant,
            smoothing: activationDynamicsSmoothing)
    }

    /// `a·f_L(l̃)·f_V(ṽ) + f_PE(l̃) + damping·ṽ`, the normalised fibre force of OpenSim's `calcFiberForce`.
    @inlinable
    public func normalizedFiberForce(activation: Scalar, normFiberLength: Scalar, normFiberVelocity: Scalar) -> NormalizedFiberForce<Scalar> {
        let active = DeGrooteFregly2016.activeForceLength(normFiberLength, widthScale: activeForceWidthScale)
        let passive = ignorePassiveFiberForce
            ? (value: Scalar(0), derivative: Scalar(0))
            : passiveCurve(normFiberLength)
        let velocity = DeGrooteFregly2016.forceVelocity(normFiberVelocity)
        return NormalizedFiberForce(
            value: activation * active.value * velocity.value + passive.value + fiberDamping * normFiberVelocity,
            dActivation: active.value * velocity.value,
            dNormFiberLength: activation * active.derivative * velocity.value + passive.derivative,
            dNormFiberVelocity: activation * active.value * velocity.derivative + fiberDamping)
    }

    /// OpenSim's exponential tendon curve with kT from `tendon_strain_at_one_norm_force`.
    @inlinable
    public func normalizedTendonForce(normTendonLength: Scalar) -> (value: Scalar, derivative: Scalar) {
        DeGrooteFregly2016.tendonForceLength(
            normTendonLength, kT: DeGrooteFregly2016.tendonStiffness(strainAtOneNormForce: tendonStrainAtOneNormForce))
    }
}
