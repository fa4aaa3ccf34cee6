import Foundation

/// A 3×3 matrix by rows.
public struct Matrix3: Sendable, Equatable {
    /// The rows.
    public var r0, r1, r2: SIMD3<Double>

    /// The matrix of rows `r0`, `r1`, `r2`.
    public init(r0: SIMD3<Double>, r1: SIMD3<Double>, r2: SIMD3<Double>) { self.r0 = r0; self.r1 = r1; self.r2 = r2 }

    /// The identity.
    public static let identity = Matrix3(r0: SIMD3(1, 0, 0), r1: SIMD3(0, 1, 0), r2: SIMD3(0, 0, 1))
    /// All zeros.
    public static let zero = Matrix3(r0: .zero, r1: .zero, r2: .zero)

    /// `self · v`.
    public func callAsFunction(_ v: SIMD3<Double>) -> SIMD3<Double> { SIMD3((r0 * v).sum(), (r1 * v).sum(), (r2 * v).sum()) }

    /// `self · other`.
    public func times(_ other: Matrix3) -> Matrix3 {
        func row(_ r: SIMD3<Double>) -> SIMD3<Double> { r.x * other.r0 + r.y * other.r1 + r.z * other.r2 }
        return Matrix3(r0: row(r0), r1: row(r1), r2: row(r2))
    }

    /// The transpose.
    public var transposed: Matrix3 {
        Matrix3(r0: SIMD3(r0.x, r1.x, r2.x), r1: SIMD3(r0.y, r1.y, r2.y), r2: SIMD3(r0.z, r1.z, r2.z))
    }

    /// `Mᵀ · v`.
    public func transposeTimes(_ v: SIMD3<Double>) -> SIMD3<Double> { v.x * r0 + v.y * r1 + v.z * r2 }

    /// Element-wise sum and scaling, for finite differences.
    public static func + (a: Matrix3, b: Matrix3) -> Matrix3 { Matrix3(r0: a.r0 + b.r0, r1: a.r1 + b.r1, r2: a.r2 + b.r2) }
    /// Element-wise difference.
    public static func - (a: Matrix3, b: Matrix3) -> Matrix3 { Matrix3(r0: a.r0 - b.r0, r1: a.r1 - b.r1, r2: a.r2 - b.r2) }
    /// Scaling.
    public static func * (s: Double, a: Matrix3) -> Matrix3 { Matrix3(r0: s * a.r0, r1: s * a.r1, r2: s * a.r2) }

    /// The vector of the skew-symmetric part: for `Ṙ·Rᵀ` the angular velocity, for `R̈·Rᵀ` the angular acceleration.
    public var skewVector: SIMD3<Double> { 0.5 * SIMD3(r2.y - r1.z, r0.z - r2.x, r1.x - r0.y) }

    /// The rotation by `angle` (rad) about the unit vector `axis` (Rodrigues).
    public static func rotation(about axis: SIMD3<Double>, angle: Double) -> Matrix3 {
        let c = cos(angle), s = sin(angle), t = 1 - c, (x, y, z) = (axis.x, axis.y, axis.z)
        return Matrix3(r0: SIMD3(t * x * x + c, t * x * y - s * z, t * x * z + s * y),
                       r1: SIMD3(t * x * y + s * z, t * y * y + c, t * y * z - s * x),
                       r2: SIMD3(t * x * z - s * y, t * y * z + s * x, t * z * z + c))
    }

    /// The orientation of body-fixed X-Y-Z Euler angles (OpenSim's frame `orientation`): Rx·Ry·Rz.
    public static func bodyFixedXYZ(_ angles: SIMD3<Double>) -> Matrix3 {
        rotation(about: SIMD3(1, 0, 0), angle: angles.x).times(rotation(about: SIMD3(0, 1, 0), angle: angles.y))
            .times(rotation(about: SIMD3(0, 0, 1), angle: angles.z))
    }
}

/// A rigid transform: a point of the child frame at `p` is at `rotation · p + translation` in the parent frame.
public struct RigidTransform: Sendable, Equatable {
    /// Orientation of the child frame in the parent.
    public var rotation: Matrix3
    /// Origin of the child frame in the parent.
    public var translation: SIMD3<Double>

    /// The identity.
    public static let identity = RigidTransform(rotation: .identity, translation: .zero)

    /// Where the child-frame point `p` is in the parent frame.
    public func apply(_ p: SIMD3<Double>) -> SIMD3<Double> { rotation(p) + translation }

    /// `self ∘ inner`: from `inner`'s child frame to `self`'s parent frame.
    public func then(_ inner: RigidTransform) -> RigidTransform {
        RigidTransform(rotation: rotation.times(inner.rotation), translation: apply(inner.translation))
    }

    /// The inverse transform.
    public var inverse: RigidTransform {
        let back = rotation.transposed
        return RigidTransform(rotation: back, translation: -back(translation))
    }
}

extension Matrix3 {
    /// The solution x of `self · x = b` (Cramer's rule); zero when the matrix is singular.
    public func solve(_ b: SIMD3<Double>) -> SIMD3<Double> {
        func det(_ a: SIMD3<Double>, _ b: SIMD3<Double>, _ c: SIMD3<Double>) -> Double {
            a.x * (b.y * c.z - b.z * c.y) - a.y * (b.x * c.z - b.z * c.x) + a.z * (b.x * c.y - b.y * c.x)
        }
        let d = det(r0, r1, r2)
        guard d != 0, d.isFinite else { return .zero }
        let columns = transposed
        return SIMD3(det(b, columns.r1, columns.r2), det(columns.r0, b, columns.r2), det(columns.r0, columns.r1, b)) / d
    }
}
