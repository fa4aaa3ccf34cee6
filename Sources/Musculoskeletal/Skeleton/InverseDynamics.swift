/// Inverse dynamics of an ``OpenSimSkeleton``: the generalized forces its coordinates need to move as given, with
/// gravity and point loads (a mass carried at, or a force applied to, a point fixed on a body).
///
/// By virtual work, each coordinate's force is Σ over bodies of the centre of mass's Jacobian column · m(a − g) plus
/// the angular Jacobian column · (I·α + ω × I·ω), with the loads' terms added. Jacobians, velocities and accelerations
/// come from the forward kinematics by central differences: ∂x/∂qⱼ at a step of 1e-6, and the velocity-product part of
/// the acceleration, q̇ᵀ(∂²x/∂q²)q̇, from x at q ± q̇h (h·max|q̇| = 1e-4). Angular acceleration is the skew part of
/// R̈·Rᵀ. No joint type needs its own derivation, and the result is checked against OpenSim's inverse dynamics.
public struct InverseDynamics: Sendable {
    /// A load at a point fixed on a body: a carried mass (its weight and inertia) and a force given in ground.
    public struct PointLoad: Sendable, Equatable {
        /// Index of the body in the skeleton.
        public var body: Int
        /// The point in the body frame (m).
        public var point: SIMD3<Double>
        /// Carried mass (kg).
        public var mass: Double
        /// Applied force in ground (N).
        public var force: SIMD3<Double>
        /// A load from its parts.
        public init(body: Int, point: SIMD3<Double>, mass: Double, force: SIMD3<Double>) {
            self.body = body; self.point = point; self.mass = mass; self.force = force
        }
    }

    /// The forward kinematics.
    public let kinematics: SkeletonPoses

    /// Inverse dynamics of `kinematics`' skeleton.
    public init(_ kinematics: SkeletonPoses) { self.kinematics = kinematics }

    /// How one body moves at one instant: its pose, the derivatives of its pose by each coordinate, and its rotation
    /// and origin accelerations.
    public struct BodyMotion: Sendable {
        /// The pose.
        public var pose: RigidTransform
        /// ∂R/∂qⱼ and ∂t/∂qⱼ for each coordinate j.
        public var rotationDerivative: [Matrix3], translationDerivative: [SIMD3<Double>]
        /// R̈ and ẗ.
        public var rotationAcceleration: Matrix3, translationAcceleration: SIMD3<Double>

        /// Jacobian column j of the body point `p` (body frame).
        public func jacobian(_ p: SIMD3<Double>, _ j: Int) -> SIMD3<Double> { rotationDerivative[j](p) + translationDerivative[j] }
        /// Acceleration in ground of the body point `p`.
        public func acceleration(_ p: SIMD3<Double>) -> SIMD3<Double> { rotationAcceleration(p) + translationAcceleration }
        /// What a load at the body point `p` asks of the body (N, ground): a carried `mass` accelerated against
        /// `gravity`, less an applied `force`. Its generalized force on coordinate j is ``jacobian(_:_:)``·demand.
        public func loadDemand(at p: SIMD3<Double>, mass: Double, force: SIMD3<Double>, gravity: SIMD3<Double>) -> SIMD3<Double> {
            mass * (acceleration(p) - gravity) - force
        }
        /// Angular Jacobian column j: the angular velocity per unit q̇ⱼ.
        public func angularJacobian(_ j: Int) -> SIMD3<Double> { rotationDerivative[j].times(pose.rotation.transposed).skewVector }
    }

    /// The motion of every body at coordinates `q`, speeds `qd` and accelerations `qdd` (``SkeletonPoses/coordinates``' order).
    public func motion(q: [Double], qd: [Double], qdd: [Double]) -> [BodyMotion] {
        let n = q.count, step = 1e-6
        let base = kinematics.poses(q)
        var dR = [[Matrix3]](repeating: [], count: base.count), dt = [[SIMD3<Double>]](repeating: [], count: base.count)
        for j in 0..<n {
            var up = q, down = q
            up[j] += step; down[j] -= step
            let (plus, minus) = (kinematics.poses(up), kinematics.poses(down))
            for b in base.indices {
                dR[b].append((0.5 / step) * (plus[b].rotation - minus[b].rotation))
                dt[b].append((0.5 / step) * (plus[b].translation - minus[b].translation))
            }
        }
        let fastest = qd.map(abs).max() ?? 0
        let h = fastest > 0 ? 1e-4 / fastest : 0
        let (ahead, behind) = h > 0 ? (kinematics.poses(zip(q, qd).map { $0 + h * $1 }), kinematics.poses(zip(q, qd).map { $0 - h * $1 })) : (base, base)
        return base.indices.map { b in
            var rotation = Matrix3.zero, translation = SIMD3<Double>.zero
            for j in 0..<n {
                rotation = rotation + qdd[j] * dR[b][j]
                translation += qdd[j] * dt[b][j]
            }
            if h > 0 {
                rotation = rotation + (1 / (h * h)) * (ahead[b].rotation - 2 * base[b].rotation + behind[b].rotation)
                translation += (1 / (h * h)) * (ahead[b].translation - 2 * base[b].translation + behind[b].translation)
            }
            return BodyMotion(pose: base[b], rotationDerivative: dR[b], translationDerivative: dt[b],
                              rotationAcceleration: rotation, translationAcceleration: translation)
        }
    }

    /// The generalized force of each coordinate (``SkeletonPoses/coordinates``' order; N·m or N) at one instant.
    public func generalizedForces(q: [Double], qd: [Double], qdd: [Double], loads: [PointLoad] = []) -> [Double] {
        generalizedForces(motion(q: q, qd: qd, qdd: qdd), qd: qd, loads: loads)
    }

    /// The generalized forces of bodies moving as `motions` (from ``motion(q:qd:qdd:)``) at speeds `qd`.
    public func generalizedForces(_ motions: [BodyMotion], qd: [Double], loads: [PointLoad] = []) -> [Double] {
        let g = kinematics.skeleton.gravity
        var force = [Double](repeating: 0, count: qd.count)
        for (body, m) in zip(kinematics.skeleton.bodies, motions) where body.mass > 0 {
            let linear = body.mass * (m.acceleration(body.massCenter) - g)
            let rotation = m.pose.rotation, i = body.inertia
            let inertia = Matrix3(r0: SIMD3(i[0], i[3], i[4]), r1: SIMD3(i[3], i[1], i[5]), r2: SIMD3(i[4], i[5], i[2]))
            let world = rotation.times(inertia).times(rotation.transposed)
            let omega = (0..<qd.count).reduce(SIMD3<Double>.zero) { $0 + qd[$1] * m.angularJacobian($1) }
            let alpha = m.rotationAcceleration.times(rotation.transposed).skewVector
            let spin = world(omega)
            let moment = world(alpha) + SIMD3(omega.y * spin.z - omega.z * spin.y, omega.z * spin.x - omega.x * spin.z, omega.x * spin.y - omega.y * spin.x)
            for j in force.indices {
                force[j] += (m.jacobian(body.massCenter, j) * linear).sum() + (m.angularJacobian(j) * moment).sum()
            }
        }
        for load in loads {
            let m = motions[load.body]
            let demand = m.loadDemand(at: load.point, mass: load.mass, force: load.force, gravity: g)
            for j in force.indices { force[j] += (m.jacobian(load.point, j) * demand).sum() }
        }
        return force
    }
}
