import Foundation

/// OpenSim 4's defaults for muscle properties a .osim file leaves out, read from opensim-core's
/// `constructProperties()` (Muscle.cpp, DeGrooteFregly2016Muscle.cpp, Thelen2003Muscle.cpp,
/// ActivationFiberLengthMuscle.cpp, Millard2012EquilibriumMuscle.cpp and the curve classes).
enum MuscleDefaults {
    // Muscle (every class)
    static let maxIsometricForce = 1000.0
    static let optimalFiberLength = 0.1
    static let tendonSlackLength = 0.2
    static let pennationAngleAtOptimal = 0.0
    static let maxContractionVelocity = 10.0

    /// activation_time_constant, deactivation_time_constant, default_activation of each class.
    static func activation(_ kind: MuscleModelKind) -> (activation: Double, deactivation: Double, defaultActivation: Double) {
        switch kind {
        case .deGrooteFregly2016: (0.015, 0.060, 0.5)
        case .thelen2003: (0.015, 0.050, 0.05)
        case .millard2012Equilibrium: (0.010, 0.040, 0.05)
        }
    }

    static let deGrooteFregly2016 = DeGrooteFregly2016Curves(
        activeForceWidthScale: 1.0, fiberDamping: 0.0, passiveFiberStrainAtOneNormForce: 0.6,
        tendonStrainAtOneNormForce: 0.049, ignorePassiveFiberForce: false, tendonComplianceDynamicsMode: "explicit",
        activationDynamicsSmoothing: 0.1)

    static let thelen2003 = Thelen2003Curves(
        fmaxTendonStrain: 0.04, fmaxMuscleStrain: 0.6, kshapeActive: 0.45, kshapePassive: 5.0, af: 0.25, flen: 1.4,
        fvLinearExtrapThreshold: 0.95, maximumPennationAngle: acos(0.1), minimumActivation: 0.01)

    static let millardFiberDamping = 0.1
    static let millardMinimumActivation = 0.01
    static let activeForceLength = ActiveForceLengthCurve(
        minNormActiveFiberLength: 0.47 - 0.0259, transitionNormFiberLength: 0.73, maxNormActiveFiberLength: 1.8123,
        shallowAscendingSlope: 0.8616, minimumValue: 0.1)
    static let forceVelocity = ForceVelocityCurve(
        concentricSlopeAtVmax: 0, concentricSlopeNearVmax: 0.25, isometricSlope: 5, eccentricSlopeAtVmax: 0,
        eccentricSlopeNearVmax: 0.15, maxEccentricVelocityForceMultiplier: 1.4, concentricCurviness: 0.6, eccentricCurviness: 0.9)
    static let fiberForceLength = FiberForceLengthCurve(
        strainAtZeroForce: 0, strainAtOneNormForce: 0.7, stiffnessAtLowForce: nil, stiffnessAtOneNormForce: nil, curviness: nil)
    static let tendonForceLength = TendonForceLengthCurve(
        strainAtOneNormForce: 0.049, stiffnessAtOneNormForce: nil, normForceAtToeEnd: nil, curviness: nil)
}
