/// The force of a musculotendon unit along its tendon at one frame, with analytic partial derivatives with
/// respect to that frame's inputs (activation, musculotendon length and lengthening velocity) and to the personalised
/// parameters (max isometric force, optimal fibre length, tendon slack length).
///
/// With a rigid tendon these are all there is. With a compliant tendon the fibre length is a state carried from the
/// frame before, held fixed in these partials; ``FiberLengthSensitivity`` says how the state itself moves.
///
/// Scale-factor gradients follow by the chain rule: for `F0 = s·F0_generic`, ∂F/∂s = F0_generic · ``dMaxIsometricForce``.
public struct MusculotendonForce<T: MuscleScalar>: Sendable, Equatable {
    /// Tendon force (N), the fibre force projected on the tendon.
    public var force: T
    /// ∂force/∂activation.
    public var dActivation: T
    /// ∂force/∂musculotendon length.
    public var dMusculotendonLength: T
    /// ∂force/∂musculotendon lengthening velocity.
    public var dMusculotendonVelocity: T
    /// ∂force/∂max isometric force.
    public var dMaxIsometricForce: T
    /// ∂force/∂optimal fibre length (through fibre width, normalised length and normalised velocity).
    public var dOptimalFiberLength: T
    /// ∂force/∂tendon slack length.
    public var dTendonSlackLength: T
    /// Normalised fibre length l̃ = lM / optimalFiberLength.
    public var normFiberLength: T
    /// Normalised fibre velocity ṽ = vM / (maxContractionVelocity · optimalFiberLength), lengthening positive.
    public var normFiberVelocity: T
    /// Cosine of the pennation angle.
    public var cosPennationAngle: T

    /// Collects the force, its partials and the fibre state they were computed at.
    @inlinable
    public init(
        force: T, dActivation: T, dMusculotendonLength: T, dMusculotendonVelocity: T, dMaxIsometricForce: T,
        dOptimalFiberLength: T, dTendonSlackLength: T, normFiberLength: T, normFiberVelocity: T, cosPennationAngle: T
    ) {
        self.force = force
        self.dActivation = dActivation
        self.dMusculotendonLength = dMusculotendonLength
        self.dMusculotendonVelocity = dMusculotendonVelocity
        self.dMaxIsometricForce = dMaxIsometricForce
        self.dOptimalFiberLength = dOptimalFiberLength
        self.dTendonSlackLength = dTendonSlackLength
        self.normFiberLength = normFiberLength
        self.normFiberVelocity = normFiberVelocity
        self.cosPennationAngle = cosPennationAngle
    }
}
