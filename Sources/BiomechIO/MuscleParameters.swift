/// The OpenSim muscle classes nmm reads.
public enum MuscleModelKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// De Groote et al. 2016, as OpenSim's `DeGrooteFregly2016Muscle`.
    case deGrooteFregly2016 = "DeGrooteFregly2016Muscle"
    /// Thelen 2003, as OpenSim's `Thelen2003Muscle`.
    case thelen2003 = "Thelen2003Muscle"
    /// Millard et al. 2012, as OpenSim's `Millard2012EquilibriumMuscle`.
    case millard2012Equilibrium = "Millard2012EquilibriumMuscle"
}

/// One muscle's parameters, named after the OpenSim properties they come from. Properties the
/// file leaves out take OpenSim's documented defaults (see `MuscleDefaults`).
public struct MuscleParameters: Sendable, Equatable, Codable {
    /// The muscle's name.
    public var name: String
    /// Its OpenSim class.
    public var model: MuscleModelKind
    /// `max_isometric_force` (N).
    public var maxIsometricForce: Double
    /// `optimal_fiber_length` (m).
    public var optimalFiberLength: Double
    /// `tendon_slack_length` (m).
    public var tendonSlackLength: Double
    /// `pennation_angle_at_optimal` (rad).
    public var pennationAngleAtOptimal: Double
    /// `max_contraction_velocity` (optimal fibre lengths per second).
    public var maxContractionVelocity: Double
    /// `ignore_tendon_compliance`: true for a rigid tendon.
    public var ignoreTendonCompliance: Bool
    /// `ignore_activation_dynamics`: true when activation equals excitation.
    public var ignoreActivationDynamics: Bool
    /// `activation_time_constant` (s).
    public var activationTimeConstant: Double
    /// `deactivation_time_constant` (s).
    public var deactivationTimeConstant: Double
    /// `default_activation`.
    public var defaultActivation: Double
    /// The class's own curve parameters.
    public var curves: MuscleCurves

    /// Creates a muscle description.
    public init(name: String, model: MuscleModelKind, maxIsometricForce: Double, optimalFiberLength: Double,
                tendonSlackLength: Double, pennationAngleAtOptimal: Double, maxContractionVelocity: Double,
                ignoreTendonCompliance: Bool, ignoreActivationDynamics: Bool, activationTimeConstant: Double,
                deactivationTimeConstant: Double, defaultActivation: Double, curves: MuscleCurves) {
        self.name = name
        self.model = model
        self.maxIsometricForce = maxIsometricForce
        self.optimalFiberLength = optimalFiberLength
        self.tendonSlackLength = tendonSlackLength
        self.pennationAngleAtOptimal = pennationAngleAtOptimal
        self.maxContractionVelocity = maxContractionVelocity
        self.ignoreTendonCompliance = ignoreTendonCompliance
        self.ignoreActivationDynamics = ignoreActivationDynamics
        self.activationTimeConstant = activationTimeConstant
        self.deactivationTimeConstant = deactivationTimeConstant
        self.defaultActivation = defaultActivation
        self.curves = curves
    }
}

/// The curve parameters that belong to one muscle class.
public enum MuscleCurves: Sendable, Equatable, Codable {
    /// DeGrooteFregly2016Muscle's.
    case deGrooteFregly2016(DeGrooteFregly2016Curves)
    /// Thelen2003Muscle's.
    case thelen2003(Thelen2003Curves)
    /// Millard2012EquilibriumMuscle's curve objects.
    case millard2012Equilibrium(Millard2012Curves)
}

/// DeGrooteFregly2016Muscle's own properties.
public struct DeGrooteFregly2016Curves: Sendable, Equatable, Codable {
    /// `active_force_width_scale` (default 1).
    public var activeForceWidthScale: Double
    /// `fiber_damping` (default 0).
    public var fiberDamping: Double
    /// `passive_fiber_strain_at_one_norm_force` (default 0.6).
    public var passiveFiberStrainAtOneNormForce: Double
    /// `tendon_strain_at_one_norm_force` (default 0.049).
    public var tendonStrainAtOneNormForce: Double
    /// `ignore_passive_fiber_force` (default false).
    public var ignorePassiveFiberForce: Bool
    /// `tendon_compliance_dynamics_mode`: `explicit` (default) or `implicit`.
    public var tendonComplianceDynamicsMode: String
    /// `activation_dynamics_smoothing`, the steepness b of the switch between the activation and deactivation time
    /// constants (default 0.1, OpenSim 4.6's; OpenSim recommends 10).
    public var activationDynamicsSmoothing: Double
}

/// Thelen2003Muscle's own properties.
public struct Thelen2003Curves: Sendable, Equatable, Codable {
    /// `FmaxTendonStrain`: tendon strain at maximum isometric force (default 0.04).
    public var fmaxTendonStrain: Double
    /// `FmaxMuscleStrain`: passive fibre strain at maximum isometric force (default 0.6).
    public var fmaxMuscleStrain: Double
    /// `KshapeActive`: width of the active force-length Gaussian (default 0.45).
    public var kshapeActive: Double
    /// `KshapePassive`: exponential shape of the passive force-length curve (default 5).
    public var kshapePassive: Double
    /// `Af`: force-velocity shape factor (default 0.25).
    public var af: Double
    /// `Flen`: maximum normalized lengthening force (default 1.4).
    public var flen: Double
    /// `fv_linear_extrap_threshold` (default 0.95).
    public var fvLinearExtrapThreshold: Double
    /// `maximum_pennation_angle` (default acos(0.1) rad).
    public var maximumPennationAngle: Double
    /// `minimum_activation` (default 0.01).
    public var minimumActivation: Double
}

/// Millard2012EquilibriumMuscle's own properties and curve objects.
public struct Millard2012Curves: Sendable, Equatable, Codable {
    /// `fiber_damping` (default 0.1).
    public var fiberDamping: Double
    /// `minimum_activation` (default 0.01).
    public var minimumActivation: Double
    /// `ActiveForceLengthCurve`.
    public var activeForceLength: ActiveForceLengthCurve
    /// `ForceVelocityCurve`.
    public var forceVelocity: ForceVelocityCurve
    /// `FiberForceLengthCurve`.
    public var fiberForceLength: FiberForceLengthCurve
    /// `TendonForceLengthCurve`.
    public var tendonForceLength: TendonForceLengthCurve
}

/// OpenSim's `ActiveForceLengthCurve` (Millard 2012).
public struct ActiveForceLengthCurve: Sendable, Equatable, Codable {
    /// `min_norm_active_fiber_length` (default 0.4441).
    public var minNormActiveFiberLength: Double
    /// `transition_norm_fiber_length` (default 0.73).
    public var transitionNormFiberLength: Double
    /// `max_norm_active_fiber_length` (default 1.8123).
    public var maxNormActiveFiberLength: Double
    /// `shallow_ascending_slope` (default 0.8616).
    public var shallowAscendingSlope: Double
    /// `minimum_value` (default 0.1).
    public var minimumValue: Double
}

/// OpenSim's `ForceVelocityCurve` (Millard 2012).
public struct ForceVelocityCurve: Sendable, Equatable, Codable {
    /// `concentric_slope_at_vmax` (default 0).
    public var concentricSlopeAtVmax: Double
    /// `concentric_slope_near_vmax` (default 0.25).
    public var concentricSlopeNearVmax: Double
    /// `isometric_slope` (default 5).
    public var isometricSlope: Double
    /// `eccentric_slope_at_vmax` (default 0).
    public var eccentricSlopeAtVmax: Double
    /// `eccentric_slope_near_vmax` (default 0.15).
    public var eccentricSlopeNearVmax: Double
    /// `max_eccentric_velocity_force_multiplier` (default 1.4).
    public var maxEccentricVelocityForceMultiplier: Double
    /// `concentric_curviness` (default 0.6).
    public var concentricCurviness: Double
    /// `eccentric_curviness` (default 0.9).
    public var eccentricCurviness: Double
}

/// OpenSim's `FiberForceLengthCurve` (Millard 2012). The optional properties are nil when the
/// file leaves them out; OpenSim then uses stiffness_at_one_norm_force = 2 / (strain_at_one_norm_force
/// − strain_at_zero_force), stiffness_at_low_force = 0.2 and curviness = 0.75 (`...InUse` values).
public struct FiberForceLengthCurve: Sendable, Equatable, Codable {
    /// `strain_at_zero_force` (default 0).
    public var strainAtZeroForce: Double
    /// `strain_at_one_norm_force` (default 0.7).
    public var strainAtOneNormForce: Double
    /// `stiffness_at_low_force`, when given.
    public var stiffnessAtLowForce: Double?
    /// `stiffness_at_one_norm_force`, when given.
    public var stiffnessAtOneNormForce: Double?
    /// `curviness`, when given.
    public var curviness: Double?
}

/// OpenSim's `TendonForceLengthCurve` (Millard 2012). The optional properties are nil when the
/// file leaves them out; OpenSim then derives them from `strain_at_one_norm_force` (Millard 2012:
/// stiffness 1.375 / strain, normalized force at the toe end 2/3, curviness 0.5).
public struct TendonForceLengthCurve: Sendable, Equatable, Codable {
    /// `strain_at_one_norm_force` (default 0.049).
    public var strainAtOneNormForce: Double
    /// `stiffness_at_one_norm_force`, when given.
    public var stiffnessAtOneNormForce: Double?
    /// `norm_force_at_toe_end`, when given.
    public var normForceAtToeEnd: Double?
    /// `curviness`, when given.
    public var curviness: Double?
}
