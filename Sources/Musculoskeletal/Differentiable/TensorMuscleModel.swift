import TensorEngine

/// The differentiable musculoskeletal chain on TensorEngine tensors (Float32), for training:
/// excitation → activation dynamics (or EMG → activation) → rigid-tendon DeGrooteFregly2016 forces → joint torques,
/// with gradients with respect to excitations/activations and the personalised parameters (scale factors of max
/// isometric force, optimal fibre length and tendon slack length; time constants; C1, C2 and shape factor).
/// Every step is one fused custom operation whose backward pass is the hand-written derivative of the same
/// generic scalar code the Double-precision checks use.
///
/// Layout: time-major `[batch, T, M]` for per-muscle signals (any leading axes work), moment arms `[batch, T, C, M]`.
public struct TensorMuscleModel: Sendable {
    /// The generic muscles (what scale factors multiply), in the order of the last axis.
    public var muscles: [DeGrooteFregly2016Muscle<Float>]

    /// A model of these muscles (converted to Float).
    public init(muscles: [DeGrooteFregly2016Muscle<Double>]) {
        self.muscles = muscles.map { $0.converted(to: Float.self) }
    }

    /// Scale factors of 1 for every parameter, `[3, M]`: rows max isometric force, optimal fibre length, tendon slack length.
    public var unitParameterScales: Tensor { Tensor(repeating: 1, shape: [3, muscles.count]) }

    /// The muscles' own time constants, `[2, M]`: rows τa, τd (s).
    public var timeConstants: Tensor {
        Tensor(shape: [2, muscles.count], scalars: muscles.map(\.activationTimeConstant) + muscles.map(\.deactivationTimeConstant))
    }

    /// Muscle forces `[..., M]` (N) along the tendon.
    public func forces(activation: Tensor, musculotendonLength: Tensor, musculotendonVelocity: Tensor, parameterScales: Tensor) -> Tensor {
        Tensor.custom(RigidTendonTorqueOperation(muscles: muscles, producesTorque: false),
                      inputs: [activation, musculotendonLength, musculotendonVelocity, parameterScales])
    }

    /// Joint torques `[..., C]` (N·m) = Σ over muscles of moment arm (`[..., C, M]`) × force, fused with the forces.
    public func torques(activation: Tensor, musculotendonLength: Tensor, musculotendonVelocity: Tensor,
                        momentArms: Tensor, parameterScales: Tensor) -> Tensor {
        Tensor.custom(RigidTendonTorqueOperation(muscles: muscles, producesTorque: true),
                      inputs: [activation, musculotendonLength, musculotendonVelocity, parameterScales, momentArms])
    }

    /// Activation `[..., T, M]` from excitation `[..., T, M]` by each muscle's DeGroote dynamics with time constants
    /// `timeConstants` (`[2, M]`, rows τa, τd in s), sampled every `sampleInterval` s, starting at rest at e[0].
    public func activation(excitation: Tensor, timeConstants: Tensor, sampleInterval: Float, substeps: Int = 1) -> Tensor {
        precondition(excitation.rank >= 2, "excitation must be [..., T, M]")
        precondition(substeps >= 1, "substeps must be at least 1")
        let layout = SequenceLayout(frames: excitation.shape[excitation.rank - 2], muscles: muscles.count)
        return Tensor.custom(ActivationDynamicsOperation(layout: layout, smoothing: muscles.map(\.activationDynamicsSmoothing),
                                                         sampleInterval: sampleInterval, substeps: substeps),
                             inputs: [excitation, timeConstants])
    }

    /// Activation `[..., T, M]` from (delayed) EMG envelopes `[..., T, M]` by the Lloyd & Besier model with
    /// per-muscle `parameters` (`[3, M]`, rows C1, C2, shape factor A).
    public func activation(emg: Tensor, parameters: Tensor) -> Tensor {
        precondition(emg.rank >= 2, "EMG must be [..., T, M]")
        let layout = SequenceLayout(frames: emg.shape[emg.rank - 2], muscles: muscles.count)
        return Tensor.custom(ExponentialEMGActivationOperation(layout: layout), inputs: [emg, parameters])
    }
}
