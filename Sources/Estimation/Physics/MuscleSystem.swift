import Musculoskeletal

/// The generic model's muscles driving the chosen coordinates: excitation → electromechanical delay → first-order
/// activation dynamics (De Groote 2016) → rigid-tendon DeGrooteFregly2016 muscle → joint torque τ_c = Σ_m r_cm·F_m, with the
/// subject's ``PersonalizedParameters`` applied as scale factors, and the exact reverse-mode gradient of that
/// chain with respect to the excitations and the parameters.
public struct MuscleSystem: Sendable {
    /// The generic muscles, in the order of every per-muscle array.
    public var muscles: [DeGrooteFregly2016Muscle<Double>]

    /// A system of the given generic muscles.
    public init(muscles: [DeGrooteFregly2016Muscle<Double>]) { self.muscles = muscles }

    /// Muscle names.
    public var muscleNames: [String] { muscles.map(\.name) }

    /// Muscle `m` with the parameters applied (rigid tendon).
    public func personalized(_ m: Int, _ p: PersonalizedParameters) -> DeGrooteFregly2016Muscle<Double> {
        var muscle = muscles[m]
        muscle.maxIsometricForce *= p.scale(p.forceIndex(m))
        muscle.optimalFiberLength *= p.scale(p.fiberLengthIndex(m))
        muscle.tendonSlackLength *= p.scale(p.slackLengthIndex(m))
        muscle.activationTimeConstant *= p.scale(p.activationIndex)
        muscle.deactivationTimeConstant *= p.scale(p.deactivationIndex)
        muscle.ignoreTendonCompliance = true
        return muscle
    }

    /// Everything the forward pass computed, kept for the backward pass.
    public struct Pass: Sendable {
        /// `excitation[m][k]` as given.
        public var excitation: [[Double]]
        /// The delayed excitation that drives activation dynamics.
        var drive: [[Double]]
        /// `activation[m][k]`.
        public var activation: [[Double]]
        /// `force[m][k]` (N) along the tendon.
        public var force: [[Double]]
        /// `torque[c][k]` (N·m).
        public var torque: [[Double]]
        /// Force partials per muscle and frame.
        var partials: [[RigidTendonForce<Double>]]
        /// The parameters the pass used.
        public var parameters: PersonalizedParameters
    }

    /// Runs excitations `excitation[m][k]` over `geometry` (same frames) with sampling interval `h`; activation
    /// starts at the first excitation (steady state).
    public func forward(excitation: [[Double]], geometry: MusculotendonKinematics, sampleInterval h: Double,
                        parameters p: PersonalizedParameters) -> Pass {
        precondition(excitation.count == muscles.count, "one excitation series per muscle")
        let frames = excitation.first?.count ?? 0
        var activation: [[Double]] = [], force: [[Double]] = [], partials: [[RigidTendonForce<Double>]] = []
        let delay = ElectromechanicalDelay(seconds: p.electromechanicalDelay)
        let drive = excitation.map { delay.apply(to: $0, sampleInterval: h) }
        for m in muscles.indices {
            let muscle = personalized(m, p)
            let a = muscle.activationDynamics.simulate(excitation: drive[m], sampleInterval: h)
            let f = (0..<frames).map { k in
                muscle.rigidTendonForce(activation: a[k], musculotendonLength: geometry.length[m][k],
                                        musculotendonVelocity: geometry.velocity[m][k])
            }
            activation.append(a); partials.append(f); force.append(f.map(\.force))
        }
        let torque = geometry.momentArm.map { arms in
            (0..<frames).map { k in muscles.indices.reduce(0.0) { $0 + arms[$1][k] * force[$1][k] } }
        }
        return Pass(excitation: excitation, drive: drive, activation: activation, force: force, torque: torque, partials: partials, parameters: p)
    }

    /// The gradient of a loss L with respect to the excitations and θ, given ∂L/∂τ[c][k] for the pass.
    public func backward(_ pass: Pass, torqueGradient: [[Double]], geometry: MusculotendonKinematics, sampleInterval h: Double)
        -> (excitation: [[Double]], theta: [Double]) {
        let p = pass.parameters
        var dTheta = [Double](repeating: 0, count: p.count)
        var dExcitation: [[Double]] = []
        let frames = pass.excitation.first?.count ?? 0
        let delay = ElectromechanicalDelay(seconds: p.electromechanicalDelay)
        for m in muscles.indices {
            let muscle = personalized(m, p)
            var dActivation = [Double](repeating: 0, count: frames)
            var dForce = 0.0, dFiber = 0.0, dSlack = 0.0
            for k in 0..<frames {
                var dF = 0.0
                for c in torqueGradient.indices { dF += torqueGradient[c][k] * geometry.momentArm[c][m][k] }
                let partial = pass.partials[m][k]
                dActivation[k] = dF * partial.dActivation
                dForce += dF * partial.dMaxIsometricForce
                dFiber += dF * partial.dOptimalFiberLength
                dSlack += dF * partial.dTendonSlackLength
            }
            let dynamics = muscle.activationDynamics.gradient(
                excitation: pass.drive[m], activation: pass.activation[m], upstream: dActivation, sampleInterval: h)
            dExcitation.append(delay.adjoint(of: dynamics.dExcitation, sampleInterval: h))
            dTheta[p.delayIndex] += Self.delayDerivative(of: pass.excitation[m], upstream: dynamics.dExcitation, delay: delay.seconds,
                                                         sampleInterval: h) * p.scaleDerivative(p.delayIndex)
            dTheta[p.forceIndex(m)] += dForce * muscles[m].maxIsometricForce * p.scaleDerivative(p.forceIndex(m))
            dTheta[p.fiberLengthIndex(m)] += dFiber * muscles[m].optimalFiberLength * p.scaleDerivative(p.fiberLengthIndex(m))
            dTheta[p.slackLengthIndex(m)] += dSlack * muscles[m].tendonSlackLength * p.scaleDerivative(p.slackLengthIndex(m))
            dTheta[p.activationIndex] += dynamics.dActivationTimeConstant * muscles[m].activationTimeConstant * p.scaleDerivative(p.activationIndex)
            dTheta[p.deactivationIndex] += dynamics.dDeactivationTimeConstant * muscles[m].deactivationTimeConstant * p.scaleDerivative(p.deactivationIndex)
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
