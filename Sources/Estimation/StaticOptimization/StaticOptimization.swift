import Musculoskeletal
/// OpenSim's static optimisation with the rigid-tendon muscle model: at every frame, the activations that
/// minimise Σ a_i² while the muscles, plus one reserve actuator per coordinate, produce the inverse-dynamics torque:
///
///     Σ_i r_ci (a_i·A_i + P_i) + R·u_c = τ_c,   0 ≤ a_i ≤ 1,   cost Σ a_i² + Σ u_c²
///
/// where A_i is the active force at full activation (force-length × force-velocity × F0 × cos α at the frame's
/// fibre length and velocity) and P_i the passive force — force is affine in activation with a rigid tendon, so
/// each frame is the small bounded QP ``BoundedLeastNormProblem`` solves exactly. The reserves (optimal force
/// `reserveOptimalForce`, as OpenSim's reserve actuators) keep a frame feasible that the muscles cannot carry
/// alone; weak reserves (1 N·m) are used only when needed.
public struct StaticOptimization: Sendable {
    /// The muscles (generic model unless parameters say otherwise).
    public var system: MuscleSystem
    /// Parameters applied to the muscles (generic: all scales 1).
    public var parameters: PersonalizedParameters
    /// Optimal force of each coordinate's reserve actuator (N·m).
    public var reserveOptimalForce: Double

    /// Static optimisation of `system`.
    public init(system: MuscleSystem, parameters: PersonalizedParameters? = nil, reserveOptimalForce: Double = 1) {
        self.system = system
        self.parameters = parameters ?? PersonalizedParameters(muscleCount: system.muscles.count)
        self.reserveOptimalForce = reserveOptimalForce
    }

    /// The result of one trial.
    public struct Result: Sendable {
        /// `activation[muscle][frame]`.
        public var activation: [[Double]]
        /// `reserve[coordinate][frame]`: reserve torque (N·m) the muscles could not supply.
        public var reserve: [[Double]]
        /// `torque[coordinate][frame]` produced by the muscles alone (N·m).
        public var torque: [[Double]]
        /// `force[muscle][frame]` (N).
        public var force: [[Double]]
    }

    /// Solves every frame of `trial` for the torques of `geometry.coordinates`.
    public func solve(_ trial: EstimationTrial) throws -> Result {
        let g = trial.geometry
        let muscleCount = system.muscles.count, coordinateCount = g.coordinates.count
        let muscles = (0..<muscleCount).map { system.personalized($0, parameters) }
        var activation = [[Double]](repeating: [Double](repeating: 0, count: trial.frameCount), count: muscleCount)
        var force = activation
        var reserve = [[Double]](repeating: [Double](repeating: 0, count: trial.frameCount), count: coordinateCount)
        var torque = reserve
        let references = try g.coordinates.map { c -> [Double] in
            guard let t = trial.torque[c] else { throw EstimationError("trial \(trial.name): no inverse-dynamics torque for '\(c)'") }
            return t
        }
        let weights = [Double](repeating: 1, count: muscleCount + coordinateCount)
        let lower = [Double](repeating: 0, count: muscleCount) + [Double](repeating: -.infinity, count: coordinateCount)
        let upper = [Double](repeating: 1, count: muscleCount) + [Double](repeating: .infinity, count: coordinateCount)
        var warm: [Double]? = nil
        // Force is affine in activation with a rigid tendon: F = a·A + P, A and P from the force at a = 0.
        let atRest = muscles.indices.map { i in
            muscles[i].forces(activation: [Double](repeating: 0, count: trial.frameCount), musculotendonLength: g.length[i],
                              musculotendonVelocity: g.velocity[i])
        }
        for k in 0..<trial.frameCount {
            let active = (0..<muscleCount).map { atRest[$0][k].dActivation }, passive = (0..<muscleCount).map { atRest[$0][k].force }
            let rows = (0..<coordinateCount).map { c in
                (0..<muscleCount).map { g.momentArm[c][$0][k] * active[$0] }
                    + (0..<coordinateCount).map { $0 == c ? reserveOptimalForce : 0 }
            }
            let target = (0..<coordinateCount).map { c in
                references[c][k] - (0..<muscleCount).reduce(0.0) { $0 + g.momentArm[c][$1][k] * passive[$1] }
            }
            let problem = BoundedLeastNormProblem(constraints: rows, target: target, weights: weights, lower: lower, upper: upper)
            guard let solution = problem.solve(warmStart: warm) else {
                throw EstimationError("trial \(trial.name), frame \(k) (t = \(trial.time[k]) s): static optimisation found no solution")
            }
            warm = solution.multipliers
            for i in 0..<muscleCount {
                activation[i][k] = solution.x[i]
                force[i][k] = solution.x[i] * active[i] + passive[i]
            }
            for c in 0..<coordinateCount {
                reserve[c][k] = reserveOptimalForce * solution.x[muscleCount + c]
                torque[c][k] = (0..<muscleCount).reduce(0.0) { $0 + g.momentArm[c][$1][k] * force[$1][k] }
            }
        }
        return Result(activation: activation, reserve: reserve, torque: torque, force: force)
    }
}
