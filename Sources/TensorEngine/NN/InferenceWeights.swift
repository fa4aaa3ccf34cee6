/// A `TransformerEncoder`'s weights rearranged for graph-free inference (`predict`), so that every
/// bias and scale rides on a pass that happens anyway. Built afresh by each `predict` call (the
/// weights may have changed since), in microseconds; unchanged weights are shared with the model, not copied. All rearrangements are exact in real arithmetic:
///
/// - the input bias and the position table are summed into one `[T, D]` table, the start of the
///   residual stream;
/// - the attention scale 1/√d, times log₂e (the softmax works in base 2: e^s = 2^(s·log₂e)), multiplies
///   the query columns of the packed projection and the query bias;
/// - the key bias is dropped: it adds `q·b_k` to every score of a query row, which softmax cancels;
/// - the value bias moves behind the output projection: softmax rows sum to 1, so the attention
///   output gains exactly `b_v`, and the residual stream `b_v·W_o + b_o`.
struct InferenceWeights: @unchecked Sendable {
    /// Per-layer weights.
    struct Layer {
        let attentionGain, attentionBias: TensorStorage
        /// `[D, 3D]`, query columns multiplied by log₂e/√d.
        let queryKeyValue: TensorStorage
        /// Query bias multiplied by log₂e/√d, `[D]`.
        let queryBias: TensorStorage
        /// `[D, D]`.
        let attentionOutput: TensorStorage
        /// `b_v·W_o + b_o`, `[D]`: what the attention block adds to every row besides `A·W_o`.
        let attentionOutputBias: TensorStorage
        let feedForwardGain, feedForwardBias: TensorStorage
        /// `[D, FF]` and `[FF]`.
        let feedForwardIn, feedForwardInBias: TensorStorage
        /// `[FF, D]` and `[D]`.
        let feedForwardOut, feedForwardOutBias: TensorStorage
    }

    let configuration: TransformerConfiguration
    /// Frames per window.
    let length: Int
    /// `[in, D]`.
    let inputProjection: TensorStorage
    /// Input bias + sinusoidal position of each frame, `[T, D]`.
    let inputStart: TensorStorage
    let layers: [Layer]
    /// `[D, out]` and `[out]`.
    let outputHead, outputBias: TensorStorage

    init(_ model: TransformerEncoder, length: Int) {
        let c = model.configuration, d = c.modelSize
        configuration = c
        self.length = length
        inputProjection = model.inputProjection.weight.storage
        let positions = model.positions.scalars, inputBias = model.inputProjection.bias.scalars
        inputStart = Self.stored((0..<(length * d)).map { positions[$0] + inputBias[$0 % d] })
        let scale = Float(1.44269504088896341 / Double(d / c.heads).squareRoot())
        layers = model.layers.map { layer in
            var qkv = layer.queryKeyValue.weight.scalars
            for row in 0..<d { for column in 0..<d { qkv[row * 3 * d + column] *= scale } }
            let packedBias = layer.queryKeyValue.bias.scalars
            let wo = layer.attentionOutput.weight.scalars, bo = layer.attentionOutput.bias.scalars
            let outputBias = (0..<d).map { j in (0..<d).reduce(bo[j]) { $0 + packedBias[2 * d + $1] * wo[$1 * d + j] } }
            return Layer(attentionGain: layer.attentionNorm.gain.storage, attentionBias: layer.attentionNorm.bias.storage,
                         queryKeyValue: Self.stored(qkv), queryBias: Self.stored(packedBias[0..<d].map { $0 * scale }),
                         attentionOutput: layer.attentionOutput.weight.storage, attentionOutputBias: Self.stored(outputBias),
                         feedForwardGain: layer.feedForwardNorm.gain.storage, feedForwardBias: layer.feedForwardNorm.bias.storage,
                         feedForwardIn: layer.feedForwardIn.weight.storage, feedForwardInBias: layer.feedForwardIn.bias.storage,
                         feedForwardOut: layer.feedForwardOut.weight.storage, feedForwardOutBias: layer.feedForwardOut.bias.storage)
        }
        outputHead = model.outputHead.weight.storage
        outputBias = model.outputHead.bias.storage
    }

    /// A buffer holding `values`.
    private static func stored(_ values: [Float]) -> TensorStorage {
        let storage = TensorStorage(uninitializedCount: values.count)
        values.withUnsafeBufferPointer { storage.pointer.update(from: $0.baseAddress!, count: values.count) }
        return storage
    }
}
