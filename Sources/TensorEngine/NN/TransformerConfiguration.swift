/// Sizes of a `TransformerEncoder`.
public struct TransformerConfiguration: Equatable, Sendable, CustomStringConvertible {
    /// Features per frame of the input.
    public var inputSize: Int
    /// Width of the residual stream (`d_model`).
    public var modelSize: Int
    /// Attention heads; must divide `modelSize`.
    public var heads: Int
    /// Hidden width of the feed-forward block.
    public var feedForwardSize: Int
    /// Number of encoder layers.
    public var layers: Int
    /// Outputs per frame of the head.
    public var outputSize: Int
    /// Longest sequence the position table covers.
    public var maxSequenceLength: Int

    /// A configuration; see each property.
    public init(inputSize: Int, modelSize: Int, heads: Int, feedForwardSize: Int, layers: Int, outputSize: Int,
                maxSequenceLength: Int) {
        precondition(heads > 0 && modelSize % heads == 0 && modelSize % 2 == 0, "modelSize \(modelSize) must be even and divisible by heads \(heads)")
        self.inputSize = inputSize
        self.modelSize = modelSize
        self.heads = heads
        self.feedForwardSize = feedForwardSize
        self.layers = layers
        self.outputSize = outputSize
        self.maxSequenceLength = maxSequenceLength
    }

    /// The nmm-small benchmark model: 7 inputs, d_model 64, 4 heads, FF 128, 2 layers, 6 outputs, T = 64.
    public static let nmmSmall = TransformerConfiguration(inputSize: 7, modelSize: 64, heads: 4, feedForwardSize: 128,
                                                          layers: 2, outputSize: 6, maxSequenceLength: 64)

    /// Fields as weight-file metadata, in a fixed order.
    var metadata: [(key: String, value: Int64)] {
        [("inputSize", inputSize), ("modelSize", modelSize), ("heads", heads), ("feedForwardSize", feedForwardSize),
         ("layers", layers), ("outputSize", outputSize), ("maxSequenceLength", maxSequenceLength)].map { ($0.0, Int64($0.1)) }
    }

    /// `k=v` pairs.
    public var description: String { metadata.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }

    /// Floating-point operations of one forward pass over `frames` frames in windows of `length`
    /// (GEMMs and attention products only, multiply-add = 2).
    public func forwardFLOPs(frames: Int, length: Int) -> Double {
        let d = Double(modelSize), f = Double(feedForwardSize), n = Double(frames)
        let perLayer = n * (2 * d * 3 * d + 2 * d * d + 2 * 2 * d * f) + n * Double(length) * 2 * 2 * d
        return n * 2 * Double(inputSize) * d + Double(layers) * perLayer + n * 2 * d * Double(outputSize)
    }
}
