/// One pre-LayerNorm encoder layer: `x + Attention(LN₁(x))`, then `+ FeedForward(LN₂(·))`.
public struct EncoderLayer {
    /// Normalisation before attention.
    public let attentionNorm: LayerNormParameters
    /// Packed query/key/value projection `[D, 3D]`.
    public let queryKeyValue: Dense
    /// Projection of the concatenated heads `[D, D]`.
    public let attentionOutput: Dense
    /// Normalisation before the feed-forward block.
    public let feedForwardNorm: LayerNormParameters
    /// `[D, FF]`, followed by GELU.
    public let feedForwardIn: Dense
    /// `[FF, D]`.
    public let feedForwardOut: Dense

    /// The layer applied to `x: [B, T, D]`.
    public func callAsFunction(_ x: Tensor, heads: Int) -> Tensor {
        let attended = attentionOutput(queryKeyValue(attentionNorm(x)).selfAttention(heads: heads))
        let h = x + attended
        return h + feedForwardOut(feedForwardIn(feedForwardNorm(h), activation: .gelu))
    }

    /// Parameters with stable names, in a fixed order.
    func namedParameters(prefix: String) -> [(String, Tensor)] {
        [("attentionNorm.gain", attentionNorm.gain), ("attentionNorm.bias", attentionNorm.bias),
         ("queryKeyValue.weight", queryKeyValue.weight), ("queryKeyValue.bias", queryKeyValue.bias),
         ("attentionOutput.weight", attentionOutput.weight), ("attentionOutput.bias", attentionOutput.bias),
         ("feedForwardNorm.gain", feedForwardNorm.gain), ("feedForwardNorm.bias", feedForwardNorm.bias),
         ("feedForwardIn.weight", feedForwardIn.weight), ("feedForwardIn.bias", feedForwardIn.bias),
         ("feedForwardOut.weight", feedForwardOut.weight), ("feedForwardOut.bias", feedForwardOut.bias)]
            .map { (prefix + $0.0, $0.1) }
    }

    func replica() -> EncoderLayer {
        EncoderLayer(attentionNorm: attentionNorm.replica(), queryKeyValue: queryKeyValue.replica(),
                     attentionOutput: attentionOutput.replica(), feedForwardNorm: feedForwardNorm.replica(),
                     feedForwardIn: feedForwardIn.replica(), feedForwardOut: feedForwardOut.replica())
    }
}

/// A Transformer encoder over windows of frames, as PyTorch's `nn.TransformerEncoder` with
/// `norm_first=True`, GELU and no dropout, between an input projection and an output head:
///
///     x [B, T, in] → Linear(in → D) + sinusoidal positions → layers × EncoderLayer → Linear(D → out)
///
/// The output is the head's raw value; apply e.g. `sigmoid()` for excitations. Initialisation is
/// deterministic from `seed` (xoshiro256**): linear layers as `nn.Linear`, the packed attention
/// projection Xavier-uniform with zero bias, the attention output bias zero, as PyTorch does.
///
/// ```swift
/// let model = TransformerEncoder(configuration: .nmmSmall, seed: 1)
/// let excitations = model(x).sigmoid()       // x: [B, 64, 7] → [B, 64, 6]
/// try model.save(to: URL(fileURLWithPath: "model.nmmw"))
/// ```
public final class TransformerEncoder {
    /// Sizes.
    public let configuration: TransformerConfiguration
    /// `[in, D]` input projection.
    public let inputProjection: Dense
    /// The encoder layers.
    public let layers: [EncoderLayer]
    /// `[D, out]` output head.
    public let outputHead: Dense
    /// `[maxSequenceLength, D]` constant position table.
    public let positions: Tensor
    /// Buffers of `predict`, kept between calls.
    let inferenceWorkspaces = InferenceWorkspacePool()

    /// A model with weights drawn from `seed`.
    public init(configuration: TransformerConfiguration, seed: UInt64) {
        let c = configuration
        var generator = Xoshiro256StarStar(seed: seed)
        self.configuration = c
        inputProjection = Dense(inputs: c.inputSize, outputs: c.modelSize, using: &generator)
        layers = (0..<c.layers).map { _ in
            let xavier = (6 / Float(c.modelSize + 3 * c.modelSize)).squareRoot()
            let qkv = Dense(weight: Tensor(uniform: [c.modelSize, 3 * c.modelSize], lower: -xavier, upper: xavier,
                                           using: &generator, requiresGrad: true),
                            bias: Tensor(zeros: [3 * c.modelSize], requiresGrad: true))
            let output = Dense(inputs: c.modelSize, outputs: c.modelSize, using: &generator)
            output.bias.storage.pointer.update(repeating: 0, count: c.modelSize)
            return EncoderLayer(attentionNorm: LayerNormParameters(width: c.modelSize), queryKeyValue: qkv,
                                attentionOutput: output, feedForwardNorm: LayerNormParameters(width: c.modelSize),
                                feedForwardIn: Dense(inputs: c.modelSize, outputs: c.feedForwardSize, using: &generator),
                                feedForwardOut: Dense(inputs: c.feedForwardSize, outputs: c.modelSize, using: &generator))
        }
        outputHead = Dense(inputs: c.modelSize, outputs: c.outputSize, using: &generator)
        positions = Tensor.sinusoidalPositions(length: c.maxSequenceLength, width: c.modelSize)
    }

    private init(replicating other: TransformerEncoder) {
        configuration = other.configuration
        inputProjection = other.inputProjection.replica()
        layers = other.layers.map { $0.replica() }
        outputHead = other.outputHead.replica()
        positions = other.positions
    }

    /// A model that shares this one's weights (an optimiser step on either is seen by both) but
    /// keeps its own gradients: one per thread for data-parallel training.
    public func replica() -> TransformerEncoder { TransformerEncoder(replicating: self) }

    /// The head's output `[B, T, out]` for windows `x: [B, T, in]` with `T <= maxSequenceLength`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        precondition(x.rank == 3 && x.shape[2] == configuration.inputSize && x.shape[1] <= configuration.maxSequenceLength,
                     "TransformerEncoder expects [B, T <= \(configuration.maxSequenceLength), \(configuration.inputSize)], got \(x.shape)")
        let length = x.shape[1]
        let table = length == configuration.maxSequenceLength ? positions : positions.slice(axis: 0, 0..<length)
        var h = inputProjection(x) + table
        for layer in layers { h = layer(h, heads: configuration.heads) }
        return outputHead(h)
    }

    /// Every parameter with a stable name (`layers.0.queryKeyValue.weight`, …), in a fixed order.
    public var namedParameters: [(name: String, tensor: Tensor)] {
        [("inputProjection.weight", inputProjection.weight), ("inputProjection.bias", inputProjection.bias)]
            + layers.enumerated().flatMap { $0.element.namedParameters(prefix: "layers.\($0.offset).") }
            + [("outputHead.weight", outputHead.weight), ("outputHead.bias", outputHead.bias)]
    }

    /// Every parameter, in the order of `namedParameters`.
    public var parameters: [Tensor] { namedParameters.map(\.tensor) }
}
