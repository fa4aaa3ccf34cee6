import BiomechIO
import Musculoskeletal

extension MuscleSystem {
    /// The rigid-tendon DeGrooteFregly2016 system of `names`, with each muscle's parameters from `model`.
    ///
    /// DeGrooteFregly2016 muscles keep their own curve properties. Thelen2003 and Millard2012Equilibrium muscles
    /// are modelled with De Groote's curves and their own max isometric force, optimal fibre length, tendon slack
    /// length, pennation, max contraction velocity and activation time constants — an approximation, reported by
    /// `approximated`, that keeps one differentiable muscle model for every fit.
    public static func rigidTendon(from model: OpenSimModel, muscles names: [String], modelFile: String)
        throws -> (system: MuscleSystem, approximated: [String]) {
        var muscles: [DeGrooteFregly2016Muscle<Double>] = []
        var approximated: [String] = []
        for name in names {
            guard let p = model.muscle(name) else {
                throw EstimationError("\(modelFile): no muscle '\(name)' (the model has \(model.muscles.map(\.name).prefix(12).joined(separator: ", "))\(model.muscles.count > 12 ? ", …" : ""))")
            }
            var muscle = DeGrooteFregly2016Muscle<Double>(
                name: name, maxIsometricForce: p.maxIsometricForce, optimalFiberLength: p.optimalFiberLength,
                tendonSlackLength: p.tendonSlackLength, pennationAngleAtOptimal: p.pennationAngleAtOptimal,
                maxContractionVelocity: p.maxContractionVelocity, activationTimeConstant: p.activationTimeConstant,
                deactivationTimeConstant: p.deactivationTimeConstant, ignoreTendonCompliance: true)
            switch p.curves {
            case .deGrooteFregly2016(let curves):
                muscle.activeForceWidthScale = curves.activeForceWidthScale
                muscle.fiberDamping = curves.fiberDamping
                muscle.passiveFiberStrainAtOneNormForce = curves.passiveFiberStrainAtOneNormForce
                muscle.ignorePassiveFiberForce = curves.ignorePassiveFiberForce
            case .thelen2003, .millard2012Equilibrium:
                approximated.append(name)
            }
            muscles.append(muscle)
        }
        return (MuscleSystem(muscles: muscles), approximated)
    }
}
