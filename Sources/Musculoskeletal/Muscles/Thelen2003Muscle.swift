import RealModule

/// OpenSim 4.6's `Thelen2003Muscle`: properties named and defaulted as in OpenSim, curves from
/// ``Thelen2003``. Activation below `minimum_activation` is raised to it, as OpenSim's activation model
/// clamps it. OpenSim integrates fibre length as a state; here a compliant tendon's fibre length is stepped by
/// backward differences with Thelen's curves (the same equilibrium, ``CompliantTendon.swift``), and the maximum
/// pennation angle is not enforced.
public struct Thelen2003Muscle<Scalar: MuscleScalar>: HillTypeMuscle, Equatable {
    /// The muscle's name in the model.
    public var name: String
    /// `max_isometric_force` (N).
    public var maxIsometricForce: Scalar
    /// `optimal_fiber_length` (m).
    public var optimalFiberLength: Scalar
    /// `tendon_slack_length` (m).
    public var tendonSlackLength: Scalar
    /// `pennation_angle_at_optimal` (rad).
    public var pennationAngleAtOptimal: Scalar

    /// sin(`pennation_angle_at_optimal`).
    public var sinPennationAngleAtOptimal: Scalar { Scalar.sin(pennationAngleAtOptimal) }
    /// `max_contraction_velocity` (optimal fibre lengths per second); default 10.
    public var maxContractionVelocity: Scalar
    /// `FmaxTendonStrain`: tendon strain at max isometric force; default 0.04.
    public var fmaxTendonStrain: Scalar
    /// `FmaxMuscleStrain`: passive fibre strain at max isometric force; default 0.6.
    public var fmaxMuscleStrain: Scalar
    /// `KshapeActive`: width γ of the Gaussian active force-length curve; default 0.45.
    public var kShapeActive: Scalar
    /// `KshapePassive`: exponential shape of the passive curve; default 5.
    public var kShapePassive: Scalar
    /// `Af`: force-velocity shape factor; default 0.25.
    public var af: Scalar
    /// `Flen`: maximum normalised lengthening force; default 1.4.
    public var flen: Scalar
    /// `fv_linear_extrap_threshold`; default 0.95.
    public var fvLinearExtrapThreshold: Scalar
    /// `activation_time_constant` (s); default 0.015.
    public var activationTimeConstant: Scalar
    /// `deactivation_time_constant` (s); default 0.050.
    public var deactivationTimeConstant: Scalar
    /// `minimum_activation`; default 0.01.
    public var minimumActivation: Scalar
    /// `ignore_tendon_compliance` (rigid tendon when true); default false.
    public var ignoreTendonCompliance: Bool

    /// A muscle with OpenSim's defaults for every property not given.
    public init(
        name: String, maxIsometricForce: Scalar, optimalFiberLength: Scalar, tendonSlackLength: Scalar,
        pennationAngleAtOptimal: Scalar = 0, maxContractionVelocity: Scalar = 10, fmaxTendonStrain: Scalar = 0.04,
        fmaxMuscleStrain: Scalar = 0.6, kShapeActive: Scalar = 0.45, kShapePassive: Scalar = 5, af: Scalar = 0.25,
        flen: Scalar = 1.4, fvLinearExtrapThreshold: Scalar = 0.95, activationTimeConstant: Scalar = 0.015,
        deactivationTimeConstant: Scalar = 0.050, minimumActivation: Scalar = 0.01, ignoreTendonCompliance: Bool = false
    ) {
        self.name = name
        self.maxIsometricForce = maxIsometricForce
        self.optimalFiberLength = optimalFiberLength
        self.tendonSlackLength = tendonSlackLength
        self.pennationAngleAtOptimal = pennationAngleAtOptimal
        self.maxContractionVelocity = maxContractionVelocity
        self.fmaxTendonStrain = fmaxTendonStrain
        self.fmaxMuscleStrain = fmaxMuscleStrain
        self.kShapeActive = kShapeActive
        self.kShapePassive = kShapePassive
        self.af = af
        self.flen = flen
        self.fvLinearExtrapThreshold = fvLinearExtrapThreshold
        self.activationTimeConstant = activationTimeConstant
        self.deactivationTimeConstant = deactivationTimeConstant
        self.minimumActivation = minimumActivation
        self.ignoreTendonCompliance = ignoreTendonCompliance
    }

    /// `a·f_L(l̃)·f_V(ṽ, a) + f_PE(l̃)` with a raised to `minimum_activation`.
    @inlinable
    public func normalizedFiberForce(activation: Scalar, normFiberLength: Scalar, normFiberVelocity: Scalar) -> NormalizedFiberForce<Scalar> {
        let clamped = activation < minimumActivation
        let a = clamped ? minimumActivation : activation
        let active = Thelen2003.activeForceLength(normFiberLength, shape: kShapeActive)
        let passive = Thelen2003.passiveForceLength(normFiberLength, shape: kShapePassive, strainAtOneNormForce: fmaxMuscleStrain)
        let velocity = Thelen2003.forceVelocity(
            normFiberVelocity, activation: a, af: af, flen: flen, threshold: fvLinearExtrapThreshold)
        return NormalizedFiberForce(
            value: a * active.value * velocity.value + passive.value,
            dActivation: clamped ? 0 : active.value * (velocity.value + a * velocity.dActivation),
            dNormFiberLength: a * active.derivative * velocity.value + passive.derivative,
            dNormFiberVelocity: a * active.value * velocity.dVelocity)
    }

    /// Thelen's tendon curve (exponential toe, then linear).
    @inlinable
    public func normalizedTendonForce(normTendonLength: Scalar) -> (value: Scalar, derivative: Scalar) {
        Thelen2003.tendonForceLength(normTendonLength, strainAtOneNormForce: fmaxTendonStrain)
    }
}
