import RealModule

/// A Hill-type musculotendon unit: a contractile fibre with a parallel elastic element, pennated at constant
/// thickness, in series with a tendon. The generic musculotendon mechanics (rigid and compliant tendon) are
/// written once over this protocol; each OpenSim muscle class supplies its own curves.
public protocol HillTypeMuscle: Sendable {
    /// The numeric type the muscle computes in.
    associatedtype Scalar: MuscleScalar
    /// The muscle's name in the model.
    var name: String { get }
    /// OpenSim `max_isometric_force` (N).
    var maxIsometricForce: Scalar { get set }
    /// OpenSim `optimal_fiber_length` (m).
    var optimalFiberLength: Scalar { get set }
    /// OpenSim `tendon_slack_length` (m).
    var tendonSlackLength: Scalar { get set }
    /// OpenSim `pennation_angle_at_optimal` (rad).
    var pennationAngleAtOptimal: Scalar { get }
    /// sin(`pennation_angle_at_optimal`).
    var sinPennationAngleAtOptimal: Scalar { get }
    /// OpenSim `max_contraction_velocity` (optimal fibre lengths per second).
    var maxContractionVelocity: Scalar { get }
    /// OpenSim `ignore_tendon_compliance`: a rigid tendon when true.
    var ignoreTendonCompliance: Bool { get set }
    /// Fibre force along the fibre divided by max isometric force, with its partial derivatives.
    func normalizedFiberForce(activation: Scalar, normFiberLength: Scalar, normFiberVelocity: Scalar) -> NormalizedFiberForce<Scalar>
    /// Tendon force divided by max isometric force at normalised tendon length lT / tendonSlackLength, and its derivative.
    func normalizedTendonForce(normTendonLength: Scalar) -> (value: Scalar, derivative: Scalar)
}

/// A normalised fibre force (active + passive + damping, along the fibre) and its partial derivatives.
public struct NormalizedFiberForce<T: MuscleScalar>: Sendable, Equatable {
    /// Fibre force / max isometric force.
    public var value: T
    /// Partial derivative with respect to activation.
    public var dActivation: T
    /// Partial derivative with respect to normalised fibre length.
    public var dNormFiberLength: T
    /// Partial derivative with respect to normalised fibre velocity.
    public var dNormFiberVelocity: T

    /// Collects a value and its partial derivatives.
    @inlinable
    public init(value: T, dActivation: T, dNormFiberLength: T, dNormFiberVelocity: T) {
        self.value = value
        self.dActivation = dActivation
        self.dNormFiberLength = dNormFiberLength
        self.dNormFiberVelocity = dNormFiberVelocity
    }
}

extension HillTypeMuscle {
    /// Constant fibre thickness `optimalFiberLength · sin(pennationAngleAtOptimal)` (OpenSim's fibre width).
    @inlinable
    public var fiberWidth: Scalar { optimalFiberLength * sinPennationAngleAtOptimal }
}
