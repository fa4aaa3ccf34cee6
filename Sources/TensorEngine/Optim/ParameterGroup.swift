/// Parameters that share a learning rate and weight decay (e.g. network weights vs the
/// physiological scale factors of the muscle model).
public struct ParameterGroup {
    /// The tensors to update; each must have `requiresGrad` set.
    public var parameters: [Tensor]
    /// Base learning rate, multiplied by the optimiser's schedule at each step.
    public var learningRate: Float
    /// Weight decay: added to the gradient by `Adam`, applied to the weights directly by `AdamW`.
    public var weightDecay: Float

    /// A group of `parameters` with its own learning rate and weight decay.
    public init(parameters: [Tensor], learningRate: Float, weightDecay: Float = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.weightDecay = weightDecay
    }
}
