/// The weight `[in, out]` and bias `[out]` of an affine layer, applied with `Tensor.linear`.
public struct Dense {
    /// `[inputs, outputs]`; note the transpose of PyTorch's `[out, in]` layout.
    public let weight: Tensor
    /// `[outputs]`.
    public let bias: Tensor

    /// A layer initialised as PyTorch's `nn.Linear`: both weight and bias uniform in ±1/√inputs.
    public init(inputs: Int, outputs: Int, using generator: inout Xoshiro256StarStar) {
        let bound = 1 / Float(inputs).squareRoot()
        weight = Tensor(uniform: [inputs, outputs], lower: -bound, upper: bound, using: &generator, requiresGrad: true)
        bias = Tensor(uniform: [outputs], lower: -bound, upper: bound, using: &generator, requiresGrad: true)
    }

    /// A layer with the given parameters.
    public init(weight: Tensor, bias: Tensor) {
        self.weight = weight
        self.bias = bias
    }

    /// `x·weight + bias` over the last axis of `x`, then `activation`.
    public func callAsFunction(_ x: Tensor, activation: Activation = .identity) -> Tensor {
        x.linear(weight: weight, bias: bias, activation: activation)
    }

    /// A copy sharing the values but with its own gradients (see `Tensor(sharingValuesOf:)`).
    func replica() -> Dense { Dense(weight: Tensor(sharingValuesOf: weight), bias: Tensor(sharingValuesOf: bias)) }
}

/// The gain and bias of a layer normalisation.
public struct LayerNormParameters {
    /// `[width]`, initialised to 1.
    public let gain: Tensor
    /// `[width]`, initialised to 0.
    public let bias: Tensor

    /// Identity normalisation parameters (gain 1, bias 0), as PyTorch initialises them.
    public init(width: Int) {
        gain = Tensor(repeating: 1, shape: [width], requiresGrad: true)
        bias = Tensor(zeros: [width], requiresGrad: true)
    }

    init(gain: Tensor, bias: Tensor) {
        self.gain = gain
        self.bias = bias
    }

    /// Normalises the last axis of `x`.
    public func callAsFunction(_ x: Tensor) -> Tensor { x.layerNorm(gain: gain, bias: bias) }

    func replica() -> LayerNormParameters {
        LayerNormParameters(gain: Tensor(sharingValuesOf: gain), bias: Tensor(sharingValuesOf: bias))
    }
}
