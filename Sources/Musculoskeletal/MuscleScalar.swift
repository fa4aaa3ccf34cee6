import RealModule

/// The floating-point types the muscle model runs in: `Double` for checks, static optimisation and the
/// simulator, `Float` for training. Every curve and the fused force kernel are written once, generic over it.
public protocol MuscleScalar: Real, BinaryFloatingPoint, Sendable {}

extension Double: MuscleScalar {}
extension Float: MuscleScalar {}
