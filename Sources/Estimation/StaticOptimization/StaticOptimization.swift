import Musculoskeletal
/// OpenSim's static optimisation: at every frame, the activations that minimise Σ a_i² while the muscles, plus one
/// reserve actuator per coordinate, produce the inverse-dynamics torque:
///
///     Σ_i r_ci F_i(a_i) + R·u_c = τ_c,   0 ≤ a_i ≤ 1,   cost Σ a_i² + Σ u_c²
///
/// With a rigid tendon force is affine in activation, F_i = a_i·A_i + P_i (A_i the active force at full activation
/// at the frame's fibre length and velocity, P_i the passive force; both from the force at a = 0), so each frame is
/// the small bounded QP ``BoundedLeastNormProblem`` solves exactly. The reserves (optimal force
/// `reserveOptimalForce`, as OpenSim's reserve actuators) keep a frame feasible that the muscles cannot carry
/// alone; weak reserves (1 N·m) are used only when needed.
///
/// With a compliant tendon the fibre length is a state: frame k starts from the fibre lengths the solved activations
/// of frames k − 1 and k − 2 left (``FiberLengthHistory``; the first frame from static equilibrium), and F_i(a_i) —
/// the tendon force once the fibre has moved by the backward-difference rule to its equilibrium at a_i — is no
/// longer affine. Each frame then linearises F_i at the
/// current activations (F ≈ F(a⁰) + ∂F/∂a·(a − a⁰)), solves the QP weighted by the Lagrangian's curvature (F'' by
/// secant between iterates), and repeats from the new activations until they move less than ``compliantTolerance``,
/// damped should it stop converging (sequential quadratic programming: its fixed point is a KKT point of the
/// frame's nonlinear problem and meets the torques with the exact forces); the frame reports the last
/// linearisation point, and the fibre lengths it left pass to the next frame.
///
/// EMG-informed (`trackedEMG` with a positive `emgTrackingWeight` w), it solves twice: the classic problem, whose
/// activations the untracked (hidden) muscles keep, then the problem in which each tracked muscle costs
/// a² + w·(a − e)² (e its EMG envelope) with the hidden muscles held at those activations. The tracked muscles then
/// share the torque as their EMG says — co-contraction included — while the hidden muscles' estimate stays static
/// optimisation's: letting them move too would hand them whatever torque the EMG-driven muscles leave. With an
/// `emgFloor` c > 0 a tracked muscle may not fall below c·e in that second stage: where EMG read at face value would
/// over-supply the torque, minimal effort would otherwise silence the strongest tracked muscle although its EMG says
/// it works (the floor states that, as two-step EMG-and-optimisation methods bound the antagonists' share by EMG).
public struct StaticOptimization: Sendable {
    /// The muscles (generic model unless parameters say otherwise).
    public var system: MuscleSystem
    /// Parameters applied to the muscles (generic: all scales 1).
    public var parameters: PersonalizedParameters
    /// Optimal force of each coordinate's reserve actuator (N·m).
    public var reserveOptimalForce: Double
    /// The measured muscles whose EMG the cost tracks (muscle index → EMG channel); empty for the classic problem.
    public var trackedEMG: [Int: String]
    /// Weight w of the EMG-tracking term: a tracked muscle costs a² + w·(a − e)², e its EMG envelope.
    public var emgTrackingWeight: Double
    /// The fraction c of its EMG envelope e (clipped to [0, 1]) below which a tracked muscle's activation may not fall
    /// when the EMG is tracked: a ≥ c·e.
    public var emgFloor: Double

    /// Static optimisation of `system`; with `trackedEMG` and a positive `emgTrackingWeight`, EMG-informed.
    public init(system: MuscleSystem, parameters: PersonalizedParameters? = nil, reserveOptimalForce: Double = 1,
                trackedEMG: [Int: String] = [:], emgTrackingWeight: Double = 0, emgFloor: Double = 0) {
        self.system = system
        self.parameters = parameters ?? PersonalizedParameters(muscleCount: system.muscles.count)
        self.reserveOptimalForce = reserveOptimalForce
        self.trackedEMG = trackedEMG
        self.emgTrackingWeight = emgTrackingWeight
        self.emgFloor = emgFloor
    }

    /// The most QP solves of one frame with compliant tendons.
    public static let compliantIterations = 30
    /// Compliant tendons: a frame's iteration stops when no activation moves more than this.
    public static let compliantTolerance = 1e-7

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
        // Each muscle's tracking weight and envelope (weight 0 and no envelope when its EMG is not tracked or absent).
        let tracking: [(weight: Double, envelope: [Double]?)] = system.muscles.indices.map { i in
            guard emgTrackingWeight > 0, let channel = trackedEMG[i], let envelope = trial.envelope(channel) else { return (0, nil) }
            return (emgTrackingWeight, envelope)
        }
        guard tracking.contains(where: { $0.envelope != nil }) else { return try solve(trial, tracking: tracking, held: [:]) }
        let classic = try solve(trial, tracking: tracking.map { _ in (0, nil) }, held: [:])
        let hidden = tracking.indices.filter { tracking[$0].envelope == nil }
        return try solve(trial, tracking: tracking, held: Dictionary(uniqueKeysWithValues: hidden.map { ($0, classic.activation[$0]) }))
    }

    /// Every frame of `trial` with each muscle's EMG `tracking` and the muscles of `held` fixed at those activations.
    private func solve(_ trial: EstimationTrial, tracking: [(weight: Double, envelope: [Double]?)], held: [Int: [Double]]) throws -> Result {
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
        // Muscles within [0, 1] (a held muscle at its activation and a tracked one at least at its EMG floor, set frame
        // by frame), reserves unbounded.
        var lower = [Double](repeating: 0, count: muscleCount) + [Double](repeating: -.infinity, count: coordinateCount)
        var upper = [Double](repeating: 1, count: muscleCount) + [Double](repeating: .infinity, count: coordinateCount)
        var warm: [Double]? = nil
        let h = trial.sampleInterval
        // Rigid tendons: force is affine in activation, F = a·A + P, A and P from the force at a = 0.
        let atRest = muscles.indices.map { i in
            muscles[i].hasCompliantTendon ? nil
                : muscles[i].forces(activation: [Double](repeating: 0, count: trial.frameCount), musculotendonLength: g.length[i],
                                    musculotendonVelocity: g.velocity[i], sampleInterval: h).frames
        }
        let compliant = muscles.indices.filter { atRest[$0] == nil }
        var history = [FiberLengthHistory<Double>](repeating: FiberLengthHistory(), count: muscleCount)
        var guess = [Double](repeating: 0, count: muscleCount)
        for k in 0..<trial.frameCount {
            for (i, activation) in held { lower[i] = activation[k]; upper[i] = activation[k]; guess[i] = activation[k] }
            for (i, entry) in tracking.enumerated() where emgFloor > 0 {
                guard let envelope = entry.envelope else { continue }
                lower[i] = emgFloor * min(max(envelope[k], 0), 1)
                guess[i] = max(guess[i], lower[i])
            }
            var active = [Double](repeating: 0, count: muscleCount), passive = active
            for i in muscles.indices {
                if let frames = atRest[i] { active[i] = frames[k].dActivation; passive[i] = frames[k].force }
            }
            /// The compliant muscles' forces at frame k for activations `a`, from the previous frame's fibre lengths.
            func compliantFrames(_ a: [Double]) -> [Int: (force: MusculotendonForce<Double>, fiberLength: FiberLengthSensitivity<Double>?)] {
                Dictionary(uniqueKeysWithValues: compliant.map { i in
                    (i, muscles[i].force(activation: a[i], musculotendonLength: g.length[i][k], musculotendonVelocity: g.velocity[i][k],
                                         history: history[i], sampleInterval: h))
                })
            }
            var solution: (x: [Double], multipliers: [Double])!
            var iterate = guess, step = 1.0, previousMove = Double.infinity
            // Sequential quadratic programming on ½Σa² subject to Σ r·F(a) = τ: each QP's weights are the Lagrangian's
            // curvature 1 − Σ_c λ_c·r_ci·F_i''(a_i) (F'' by secant between iterates, so the first QP is the plain
            // linearisation), its variables shifted so the QP's minimum-norm point is the Newton step.
            var curvature = [Double](repeating: 0, count: muscleCount)
            var previousSlope: [Double?] = [Double?](repeating: nil, count: muscleCount), previousIterate = iterate
            // The QP's cost weights: 1 (Σ a² + Σ u²) until the curvature reweights the compliant muscles.
            var weights = [Double](repeating: 1, count: muscleCount + coordinateCount), shift = [Double](repeating: 0, count: muscleCount)
            // The compliant forces at the last linearisation point, which the frame reports once the iteration settles.
            var settled: [Int: (force: MusculotendonForce<Double>, fiberLength: FiberLengthSensitivity<Double>?)] = [:]
            var converged = compliant.isEmpty
            for _ in 0..<(compliant.isEmpty ? 1 : Self.compliantIterations) {
                settled = compliantFrames(iterate)
                let multipliers = warm ?? [Double](repeating: 0, count: coordinateCount)
                for i in muscles.indices {
                    var pull = 0.0
                    if let frame = settled[i] {
                        active[i] = frame.force.dActivation
                        passive[i] = frame.force.force - frame.force.dActivation * iterate[i]
                        if let slope = previousSlope[i], abs(iterate[i] - previousIterate[i]) > 1e-9 {
                            curvature[i] = (active[i] - slope) / (iterate[i] - previousIterate[i])
                        }
                        previousSlope[i] = active[i]
                        pull = (0..<coordinateCount).reduce(0.0) { $0 + multipliers[$1] * g.momentArm[$1][i][k] } * curvature[i]
                    }
                    // The cost ½(1 + w)a² − w·e·a: its Newton model about the iterate, with the Lagrangian's curvature,
                    // is ½H(a − centre)², centre = a⁰ − gradient / H.
                    let w = tracking[i].weight, effort = 1 + w
                    weights[i] = min(max(effort - pull, 0.05 * effort), 20 * effort)
                    let gradient = effort * iterate[i] - w * (tracking[i].envelope?[k] ?? 0)
                    shift[i] = iterate[i] - gradient / weights[i]
                }
                previousIterate = iterate
                let rows = (0..<coordinateCount).map { c in
                    (0..<muscleCount).map { g.momentArm[c][$0][k] * active[$0] }
                        + (0..<coordinateCount).map { $0 == c ? reserveOptimalForce : 0 }
                }
                // At a = x + shift the force is (passive + active·shift) + active·x.
                let offset: [Double] = (0..<muscleCount).map { passive[$0] + active[$0] * shift[$0] }
                let target: [Double] = (0..<coordinateCount).map { c in
                    references[c][k] - (0..<muscleCount).reduce(0.0) { $0 + g.momentArm[c][$1][k] * offset[$1] }
                }
                let shifted: [Double] = (0..<muscleCount).map { -shift[$0] } + [Double](repeating: 0, count: coordinateCount)
                let problem = BoundedLeastNormProblem(
                    constraints: rows, target: target, weights: weights,
                    lower: zip(lower, shifted).map { $0 + $1 }, upper: zip(upper, shifted).map { $0 + $1 })
                guard var solved = problem.solve(warmStart: warm) else {
                    throw EstimationError("trial \(trial.name), frame \(k) (t = \(trial.time[k]) s): static optimisation found no solution")
                }
                for i in 0..<muscleCount { solved.x[i] += shift[i] }
                solution = solved
                warm = solved.multipliers
                guard !compliant.isEmpty else { break }
                // Should the secant curvature mislead, the step halves whenever the move does not shrink.
                let move = (0..<muscleCount).reduce(0.0) { max($0, abs(solved.x[$1] - iterate[$1])) }
                if move < Self.compliantTolerance { converged = true; break }
                if move > 0.9 * previousMove { step = max(step / 2, 1.0 / 64) }
                previousMove = move
                for i in 0..<muscleCount { iterate[i] += step * (solved.x[i] - iterate[i]) }
            }
            if compliant.isEmpty { iterate = Array(solution.x[0..<muscleCount]) }
            if !converged { settled = compliantFrames(iterate) }   // the forces of the last step's activations
            for i in 0..<muscleCount {
                activation[i][k] = iterate[i]
                if let frame = settled[i] {
                    force[i][k] = frame.force.force
                    if let state = frame.fiberLength { history[i] = history[i].advanced(to: state.fiberLength) }
                } else {
                    force[i][k] = iterate[i] * active[i] + passive[i]
                }
            }
            guess = iterate
            for c in 0..<coordinateCount {
                reserve[c][k] = reserveOptimalForce * solution.x[muscleCount + c]
                torque[c][k] = (0..<muscleCount).reduce(0.0) { $0 + g.momentArm[c][$1][k] * force[$1][k] }
            }
        }
        return Result(activation: activation, reserve: reserve, torque: torque, force: force)
    }
}
