import BiomechIO

extension DeGrooteFregly2016Muscle {
    /// The muscle an .osim file describes. A `DeGrooteFregly2016Muscle` is taken as is; `Thelen2003Muscle` and
    /// `Millard2012EquilibriumMuscle` are converted as OpenSim's `DeGrooteFregly2016Muscle::replaceMuscles` does
    /// (their passive-fibre and tendon strains at one normalised force, Millard's fibre damping, Thelen's none).
    public init(_ parameters: MuscleParameters) {
        let damping: Double, passiveStrain: Double, tendonStrain: Double
        var widthScale = 1.0, ignorePassive = false, smoothing = 0.1
        switch parameters.curves {
        case .deGrooteFregly2016(let curves):
            (damping, passiveStrain, tendonStrain) = (curves.fiberDamping, curves.passiveFiberStrainAtOneNormForce, curves.tendonStrainAtOneNormForce)
            widthScale = curves.activeForceWidthScale
            ignorePassive = curves.ignorePassiveFiberForce
            smoothing = curves.activationDynamicsSmoothing
        case .thelen2003(let curves):
            (damping, passiveStrain, tendonStrain) = (0, curves.fmaxMuscleStrain, curves.fmaxTendonStrain)
        case .millard2012Equilibrium(let curves):
            (damping, passiveStrain, tendonStrain) = (curves.fiberDamping, curves.fiberForceLength.strainAtOneNormForce,
                                                      curves.tendonForceLength.strainAtOneNormForce)
        }
        self.init(
            name: parameters.name, maxIsometricForce: Scalar(parameters.maxIsometricForce),
            optimalFiberLength: Scalar(parameters.optimalFiberLength), tendonSlackLength: Scalar(parameters.tendonSlackLength),
            pennationAngleAtOptimal: Scalar(parameters.pennationAngleAtOptimal),
            maxContractionVelocity: Scalar(parameters.maxContractionVelocity),
            activationTimeConstant: Scalar(parameters.activationTimeConstant),
            deactivationTimeConstant: Scalar(parameters.deactivationTimeConstant),
            activationDynamicsSmoothing: Scalar(smoothing), activeForceWidthScale: Scalar(widthScale), fiberDamping: Scalar(damping),
            passiveFiberStrainAtOneNormForce: Scalar(passiveStrain), tendonStrainAtOneNormForce: Scalar(tendonStrain),
            ignorePassiveFiberForce: ignorePassive, ignoreTendonCompliance: parameters.ignoreTendonCompliance)
    }
}

extension Thelen2003Muscle {
    /// The muscle an .osim `Thelen2003Muscle` describes; nil for other classes.
    public init?(_ parameters: MuscleParameters) {
        guard case .thelen2003(let curves) = parameters.curves else { return nil }
        self.init(
            name: parameters.name, maxIsometricForce: Scalar(parameters.maxIsometricForce),
            optimalFiberLength: Scalar(parameters.optimalFiberLength), tendonSlackLength: Scalar(parameters.tendonSlackLength),
            pennationAngleAtOptimal: Scalar(parameters.pennationAngleAtOptimal),
            maxContractionVelocity: Scalar(parameters.maxContractionVelocity), fmaxTendonStrain: Scalar(curves.fmaxTendonStrain),
            fmaxMuscleStrain: Scalar(curves.fmaxMuscleStrain), kShapeActive: Scalar(curves.kshapeActive),
            kShapePassive: Scalar(curves.kshapePassive), af: Scalar(curves.af), flen: Scalar(curves.flen),
            fvLinearExtrapThreshold: Scalar(curves.fvLinearExtrapThreshold),
            activationTimeConstant: Scalar(parameters.activationTimeConstant),
            deactivationTimeConstant: Scalar(parameters.deactivationTimeConstant),
            minimumActivation: Scalar(curves.minimumActivation), ignoreTendonCompliance: parameters.ignoreTendonCompliance)
    }
}
