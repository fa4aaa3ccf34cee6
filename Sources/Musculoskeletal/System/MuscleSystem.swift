/// The generic model's muscles driving the chosen coordinates: excitation → electromechanical delay → first-order
/// activation dynamics → each muscle's force (its ``MuscleModel``) → joint torque τ_c = Σ_m r_cm·F_m, with the
/// subject's ``PersonalizedParameters`` applied as scale factors, and the exact reverse-mode gradient of that
/// chain with respect to the excitations and the parameters. Every fit, static optimisation and the training
/// benchmark run through it.
public struct MuscleSystem: Sendable {
    /// The generic muscles, in the order of every per-muscle array.
    public var muscles: [any MuscleModel]

    /// A system of the given generic muscles.
    public init(muscles: [any MuscleModel]) { self.muscles = muscles }

    /// Muscle names.
    public var muscleNames: [String] { muscles.map(\.name) }

    /// Muscle `m` with the parameters applied.
    public func personalized(_ m: Int, _ p: PersonalizedParameters) -> any MuscleModel {
        var muscle = muscles[m]
        muscle.maxIsometricForce *= p.value(.maxIsometricForce(muscle: m))
        muscle.optimalFiberLength *= p.value(.optimalFiberLength(muscle: m))
        muscle.tendonSlackLength *= p.value(.tendonSlackLength(muscle: m))
        muscle.activationTimeConstant *= p.value(.activationTimeConstant)
        muscle.deactivationTimeConstant *= p.value(.deactivationTimeConstant)
        return muscle
    }

    /// Forces and torques of given activations, kept for their backward pass.
    public struct ForcePass: Sendable {
        /// `activation[m][k]` as given.
        public var activation: [[Double]]
        /// `force[m][k]` (N) along the tendon.
        public var force: [[Double]]
        /// `torque[c][k]` (N·m).
        public var torque: [[Double]]
        /// Each muscle's forces with their partials (and a compliant tendon's fibre-length states).
        public var muscleForces: [MuscleForces]
        /// The parameters the pass used.
        public var parameters: PersonalizedParameters
    }

    /// Everything the forward pass from excitations computed, kept for the backward pass.
    public struct Pass: Sendable {
        /// `excitation[m][k]` as given.
        public var excitation: [[Double]]
        /// The delayed excitation that drives activation dynamics.
        var drive: [[Double]]
        /// Activations, forces and torques.
        public var forces: ForcePass

        /// `activation[m][k]`.
        public var activation: [[Double]] { forces.activation }
        /// `force[m][k]` (N) along the tendon.
        public var force: [[Double]] { forces.force }
        /// `torque[c][k]` (N·m).
        public var torque: [[Double]] { forces.torque }
        /// Each muscle's forces with their partials.
        public var muscleForces: [MuscleForces] { forces.muscleForces }
        /// The parameters the pass used.
        public var parameters: PersonalizedParameters { forces.parameters }
    }

    /// The forces and torques of activations `activation[m][k]` over `geometry` (same frames, `sampleInterval` apart).
    public func forces(activation: [[Double]], geometry: MusculotendonKinematics, sampleInterval h: Double,
                       parameters p: PersonalizedParameters) -> ForcePass {
        precondition(activation.count == muscles.count, "one activation series per muscle")
        let frames = activation.first?.count ?? 0
        let muscleForces = muscles.indices.map { m in
            personalized(m, p).forces(activation: activation[m], musculotendonLength: geometry.length[m],
                                      musculotendonVelocity: geometry.velocity[m], sampleInterval: h)
        }
        let force = muscleForces.map(\.force)
        let torque = geometry.momentArm.map { arms in
            (0..<frames).map { k in muscles.indices.reduce(0.0) { $0 + arms[$1][k] * force[$1][k] } }
        }
        return ForcePass(activation: activation, force: force, torque: torque, muscleForces: muscleForces, parameters: p)
    }

    /// Runs excitations `excitation[m][k]` over `geometry` (same frames) with sampling interval `h`; activation
    /// starts at the first excitation (steady state).
    public func forward(excitation: [[Double]], geometry: MusculotendonKinematics, sampleInterval h: Double,
                        parameters p: PersonalizedParameters) -> Pass {
        precondition(excitation.count == muscles.count, "one excitation series per muscle")
        let delay = ElectromechanicalDelay(seconds: p.electromechanicalDelay)
        let drive = excitation.map { delay.apply(to: $0, sampleInterval: h) }
        let activation = muscles.indices.map { m in
            personalized(m, p).activationDynamics.simulate(excitation: drive[m], sampleInterval: h)
        }
        return Pass(excitation: excitation, drive: drive, forces: forces(activation: activation, geometry: geometry, sampleInterval: h, parameters: p))
    }

    /// The gradient of a loss L with respect to the activations and θ, given ∂L/∂τ[c][k] for the force pass.
    public func backward(_ pass: ForcePass, torqueGradient: [[Double]], geometry: MusculotendonKinematics)
        -> (activation: [[Double]], theta: [Double]) {
        let p = pass.parameters
        var dTheta = [Double](repeating: 0, count: p.count)
        let frames = pass.activation.first?.count ?? 0
        let dActivation = muscles.indices.map { m -> [Double] in
            let forceGradient = (0..<frames).map { k in
                var dF = 0.0
                for c in torqueGradient.indices { dF += torqueGradient[c][k] * geometry.momentArm[c][m][k] }
                return dF
            }
            let muscle = pass.muscleForces[m].gradient(forceGradient: forceGradient)
            dTheta[p.index(of: .maxIsometricForce(muscle: m))] += muscle.maxIsometricForce * muscles[m].maxIsometricForce * p.derivative(.maxIsometricForce(muscle: m))
            dTheta[p.index(of: .optimalFiberLength(muscle: m))] += muscle.optimalFiberLength * muscles[m].optimalFiberLength * p.derivative(.optimalFiberLength(muscle: m))
            dTheta[p.index(of: .tendonSlackLength(muscle: m))] += muscle.tendonSlackLength * muscles[m].tendonSlackLength * p.derivative(.tendonSlackLength(muscle: m))
            return muscle.activation
        }
        return (dActivation, dTheta)
    }

    /// The gradient of a loss L with respect to the excitations and θ, given ∂L/∂τ[c][k] for the pass.
    public func backward(_ pass: Pass, torqueGradient: [[Double]], geometry: MusculotendonKinematics, sampleInterval h: Double)
        -> (excitation: [[Double]], theta: [Double]) {
        let p = pass.parameters
        var (dActivation, dTheta) = backward(pass.forces, torqueGradient: torqueGradient, geometry: geometry)
        let delay = ElectromechanicalDelay(seconds: p.electromechanicalDelay)
        /// Adds ∂L/∂(value of `parameter`) through the bounded map to θ.
        func add(_ parameter: PersonalizedParameter, _ dValue: Double) {
            dTheta[p.index(of: parameter)] += dValue * p.derivative(parameter)
        }
        let dExcitation = muscles.indices.map { m -> [Double] in
            let dynamics = personalized(m, p).activationDynamics.gradient(
                excitation: pass.drive[m], activation: pass.activation[m], upstream: dActivation[m], sampleInterval: h)
            add(.electromechanicalDelay, Self.delayDerivative(of: pass.excitation[m], upstream: dynamics.dExcitation,
                                                              delay: delay.seconds, sampleInterval: h))
            add(.activationTimeConstant, dynamics.dActivationTimeConstant * muscles[m].activationTimeConstant)
            add(.deactivationTimeConstant, dynamics.dDeactivationTimeConstant * muscles[m].deactivationTimeConstant)
            return delay.adjoint(of: dynamics.dExcitation, sampleInterval: h)
        }
        return (dExcitation, dTheta)
    }

    /// Σ_k upstream[k]·∂y[k]/∂d for y = x delayed by d with linear interpolation: y[k] = (1 − w)·x[i] + w·x[i+1] at
    /// position k − d/h, so ∂y[k]/∂d = −(x[i+1] − x[i])/h inside the signal and 0 where it holds x[0] or the last sample.
    static func delayDerivative(of x: [Double], upstream: [Double], delay: Double, sampleInterval h: Double) -> Double {
        var sum = 0.0
        for k in x.indices {
            let position = Double(k) - delay / h
            guard position > 0 else { continue }
            let i = Int(position.rounded(.down))
            if i + 1 < x.count { sum -= upstream[k] * (x[i + 1] - x[i]) / h }
        }
        return sum
    }
}
