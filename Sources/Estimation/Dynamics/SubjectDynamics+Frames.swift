import Musculoskeletal

extension SubjectDynamics {
    /// One frame of a trial: the generalized forces of the skeleton's own bodies and how the load body moves, so that
    /// the load's share can be had for any load point.
    struct Frame {
        /// The bodies' generalized force of each fitted coordinate.
        var bodyForces: [Double]
        /// The load body's motion.
        var motion: InverseDynamics.BodyMotion
        /// Each fitted coordinate's index among the skeleton's.
        var indices: [Int]
        /// Carried mass (kg) and applied force (N, ground).
        var mass: Double, force: SIMD3<Double>
        /// Gravity (ground).
        var gravity: SIMD3<Double>

        var carriesLoad: Bool { mass != 0 || force != .zero }

        /// Fitted coordinate k's generalized force with the load at body point `p`: the bodies' and the load's.
        func torque(_ k: Int, loadAt p: SIMD3<Double>) -> Double { bodyForces[k] + loadForce(k, at: p) }

        /// What the load needs of fitted coordinate k with the load at body point `p`.
        func loadForce(_ k: Int, at p: SIMD3<Double>) -> Double {
            (motion.jacobian(p, indices[k]) * demand(at: p)).sum()
        }

        /// The gradient of ``loadForce(_:at:)`` by `p`.
        func loadForceGradient(_ k: Int, at p: SIMD3<Double>) -> SIMD3<Double> {
            let j = indices[k]
            return motion.rotationDerivative[j].transposeTimes(demand(at: p)) + mass * motion.rotationAcceleration.transposeTimes(motion.jacobian(p, j))
        }

        private func demand(at p: SIMD3<Double>) -> SIMD3<Double> { motion.loadDemand(at: p, mass: mass, force: force, gravity: gravity) }
    }

    /// Reads trials into ``Frame``s.
    struct Solver {
        let dynamics: InverseDynamics
        let defaults: [String: Double]
        let indices: [Int]
        let loadBody: Int

        /// The solver of `subject`, whose skeleton's kinematics are `poses` (built from it when not given).
        init(_ subject: SubjectDynamics, poses: SkeletonPoses? = nil) throws {
            dynamics = InverseDynamics(try poses ?? SkeletonPoses(subject.skeleton))
            let names = dynamics.kinematics.coordinates
            indices = try subject.coordinates.map { c in
                guard let i = names.firstIndex(of: c) else { throw EstimationError("nmm's inverse dynamics: no joint of the model moves coordinate \(c)") }
                return i
            }
            guard let body = subject.skeleton.bodies.firstIndex(where: { $0.name == subject.loadBody }) else {
                throw EstimationError("nmm's inverse dynamics: the model has no body '\(subject.loadBody)'")
            }
            loadBody = body
            defaults = subject.coordinateDefaults
        }

        /// The frames of `trial`; a trial that carries a load when no training trial placed it (`fittedLoadPoint`
        /// false) is refused.
        func frames(of trial: EstimationTrial, fittedLoadPoint: Bool) throws -> [Frame] {
            let labels = trial.featureLabels
            func series(_ label: String) -> [Double]? { labels.firstIndex(of: label).map { trial.features[$0] } }
            let n = trial.frameCount
            let kinematic = dynamics.kinematics.coordinates.map { c -> [[Double]] in
                guard let q = series(c), let qd = series(c + "_speed"), let qdd = series(c + "_acceleration") else {
                    return [[Double](repeating: defaults[c] ?? 0, count: n), [Double](repeating: 0, count: n), [Double](repeating: 0, count: n)]
                }
                return [q, qd, qdd]
            }
            let loadChannels = TrialAssembly.featureSources(of: labels).loadChannels
            var mass = [Double](repeating: 0, count: n), pull = [Double](repeating: 0, count: n)
            for label in loadChannels {
                guard let values = series(label) else { continue }
                let lower = label.lowercased()
                if lower.contains("mass") {
                    for f in 0..<n { mass[f] += values[f] }
                } else if lower.contains("force") {
                    for f in 0..<n { pull[f] += values[f] }
                } else {
                    throw EstimationError("\(trial.name): load channel '\(label)' is neither a carried mass (a name with 'mass', kg) nor a force "
                                          + "against gravity (a name with 'force', N): nmm's inverse dynamics cannot apply it")
                }
            }
            let gravity = dynamics.kinematics.skeleton.gravity
            let magnitude = (gravity * gravity).sum().squareRoot()
            let up = magnitude > 0 ? -gravity / magnitude : SIMD3(0, 1, 0)
            let frames = (0..<n).map { f in
                let q = kinematic.map { $0[0][f] }, qd = kinematic.map { $0[1][f] }, qdd = kinematic.map { $0[2][f] }
                let motions = dynamics.motion(q: q, qd: qd, qdd: qdd)
                let all = dynamics.generalizedForces(motions, qd: qd)
                return Frame(bodyForces: indices.map { all[$0] }, motion: motions[loadBody], indices: indices,
                             mass: mass[f], force: pull[f] * up, gravity: gravity)
            }
            if !fittedLoadPoint, frames.contains(where: \.carriesLoad) {
                throw EstimationError("\(trial.name) carries a load, but no training trial did: nmm's inverse dynamics cannot place it")
            }
            return frames
        }
    }

    /// Gauss–Newton fit of the load point to the training trials' inverse-dynamics torques, each coordinate's residual
    /// divided by its RMS torque; a ridge towards the start (10⁻³ of the mean curvature) keeps what the torques do not see.
    struct LoadPointFit {
        let frames: [[Frame]]
        let measured: [[[Double]]]
        /// Each coordinate's RMS torque over the training trials (``TorqueLoss/rmsScales(of:coordinates:)``).
        let scales: [Double]
        let start: SIMD3<Double>

        func solve() -> SIMD3<Double> {
            let count = scales.count
            var p = start
            for _ in 0..<20 {
                var a = Matrix3.zero, b = SIMD3<Double>.zero
                for (trialFrames, torque) in zip(frames, measured) {
                    for (f, frame) in trialFrames.enumerated() where frame.carriesLoad {
                        for k in 0..<count {
                            let residual = (frame.torque(k, loadAt: p) - torque[k][f]) / scales[k]
                            let gradient = frame.loadForceGradient(k, at: p) / scales[k]
                            a = a + Matrix3(r0: gradient.x * gradient, r1: gradient.y * gradient, r2: gradient.z * gradient)
                            b += residual * gradient
                        }
                    }
                }
                let ridge = 1e-3 * (a.r0.x + a.r1.y + a.r2.z) / 3 + 1e-12
                a = a + ridge * .identity
                b += ridge * (p - start)
                let step = a.solve(-b)
                p += step
                if (step * step).sum().squareRoot() < 1e-9 { break }
            }
            return p
        }
    }
}
