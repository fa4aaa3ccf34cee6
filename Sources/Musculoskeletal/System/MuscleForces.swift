/// One muscle's forces over a trial's frames, with what the backward pass needs: each frame's partial derivatives
/// and, for a compliant tendon, how each frame's fibre length depends on the frame before.
public struct MuscleForces: Sendable {
    /// Force and partials at every frame (a compliant tendon's with the previous frame's fibre length held).
    public var frames: [MusculotendonForce<Double>]
    /// A compliant tendon's fibre-length state at every frame with its sensitivities; nil for a rigid tendon, whose
    /// frames are independent.
    public var fiberLengths: [FiberLengthSensitivity<Double>]?

    /// Collects the frames and, for a compliant tendon, the fibre-length states.
    public init(frames: [MusculotendonForce<Double>], fiberLengths: [FiberLengthSensitivity<Double>]? = nil) {
        precondition(fiberLengths.map { $0.count == frames.count } ?? true, "one fibre-length state per frame")
        self.frames = frames
        self.fiberLengths = fiberLengths
    }

    /// Force along the tendon (N) at every frame.
    public var force: [Double] { frames.map(\.force) }

    /// The gradient of a loss L with respect to every frame's activation and to the muscle's max isometric force,
    /// optimal fibre length and tendon slack length, given ∂L/∂F at every frame.
    ///
    /// A rigid tendon's frames are independent: ∂L/∂a[k] = ∂L/∂F[k]·∂F[k]/∂a[k]. A compliant tendon's fibre length
    /// lM[k] depends on lM[k−1] and lM[k−2] (``FiberVelocityRule``), so the adjoint μ[k] = dL/dlM[k] — through frame
    /// k's own force and every later frame — runs backwards in time: μ[k] = ∂L/∂F[k]·∂F[k]/∂lM[k] +
    /// μ[k+1]·∂lM[k+1]/∂lM[k] + μ[k+2]·∂lM[k+2]/∂lM[k], and frame k adds μ[k]·∂lM[k]/∂(a[k], θ) beside what its force's
    /// own partials give — the exact gradient of the whole trial, a scalar recurrence per muscle.
    public func gradient(forceGradient: [Double]) -> (activation: [Double], maxIsometricForce: Double, optimalFiberLength: Double,
                                                      tendonSlackLength: Double) {
        precondition(forceGradient.count == frames.count, "one force gradient per frame")
        var dActivation = [Double](repeating: 0, count: frames.count)
        var dForce = 0.0, dFiber = 0.0, dSlack = 0.0
        guard let states = fiberLengths else {
            for k in frames.indices {
                let dF = forceGradient[k], partial = frames[k]
                dActivation[k] = dF * partial.dActivation
                dForce += dF * partial.dMaxIsometricForce
                dFiber += dF * partial.dOptimalFiberLength
                dSlack += dF * partial.dTendonSlackLength
            }
            return (dActivation, dForce, dFiber, dSlack)
        }
        // What lM[k] passes back from frames k+1 and k+2, accumulated as those frames are visited.
        var fromNext = 0.0, fromAfterNext = 0.0
        for k in frames.indices.reversed() {
            let dF = forceGradient[k], partial = frames[k], state = states[k]
            let adjoint = fromNext   // μ[k] minus frame k's own force term
            let total = dF * state.dForceDFiberLength + adjoint
            dActivation[k] = dF * partial.dActivation + adjoint * state.dActivation
            dForce += dF * partial.dMaxIsometricForce
            dFiber += dF * partial.dOptimalFiberLength + adjoint * state.dOptimalFiberLength
            dSlack += dF * partial.dTendonSlackLength + adjoint * state.dTendonSlackLength
            fromNext = fromAfterNext + total * state.dPreviousFiberLength
            fromAfterNext = total * state.dBeforePreviousFiberLength
        }
        return (dActivation, dForce, dFiber, dSlack)
    }
}
