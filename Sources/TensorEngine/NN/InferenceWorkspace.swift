/// One thread's buffers for `TransformerEncoder.predict`, kept by the model between calls, and the
/// forward pass over one chunk of windows written as a fixed sequence of large GEMMs with every
/// other step fused into a pass that touches the data anyway:
///
///     h = start table + x·W_in                                   (GEMM onto the copied table)
///     per layer:  u = LN₁(h) and h += b_v·W_o + b_o              (one pass)
///                 qkv = u·W_qkv                                  (GEMMs of 64 rows: Q and K, then V)
///                 per window and head: Q += b_q, S = Q·Kᵀ, P = 2^(S − max), O = P·V / ΣP
///                 per block of 64 rows:
///                   h += O·W_o                                   (GEMM with β = 1: the residual add)
///                   u = LN₂(h) and h += b₂                       (one pass)
///                   f = GELU(u·W₁ + b₁)                          (GEMM, then one pass)
///                   h += f·W₂                                    (GEMM with β = 1)
///     y = h·W_out + b_out                                     (GEMM, then the bias in one pass)
///
/// (biases rearranged as `InferenceWeights` explains). Nothing is allocated per call once the
/// buffers exist.
final class InferenceWorkspace: @unchecked Sendable {
    let windows: Int, length: Int
    let configuration: TransformerConfiguration
    /// Residual stream `[N, D]`.
    private let stream: TensorStorage
    /// Normalised stream `[N, D]`, later the attention output.
    private let normalized: TensorStorage
    /// Packed projections `[N, 3D]`, later the feed-forward hidden layer `[N, FF]`.
    private let wide: TensorStorage
    /// All heads' keys transposed `[D, T]` (head h's `[d, T]` block at row h·d), one head's scores `[T, T]`
    /// and row sums' inverses `[T]`.
    private let keys: TensorStorage, scores: TensorStorage, inverseSums: TensorStorage

    /// Rows per GEMM (all but the input projection and the head). OpenBLAS (0.3.21, Cooperlake/Zen 4 kernels) multiplies products
    /// with M·N·K ≤ 2¹⁹ by its small-matrix kernel without packing: measured here 102-107 GFLOP/s for
    /// 64-row blocks of the output projection and feed-forward products against 92-94 for 512 rows at once.
    static let rowBlock = 64

    /// Buffers for chunks of up to `windows` windows of `length` frames.
    init(configuration: TransformerConfiguration, windows: Int, length: Int) {
        let c = configuration, rows = windows * length
        self.configuration = c
        self.windows = windows
        self.length = length
        stream = TensorStorage(uninitializedCount: rows * c.modelSize)
        normalized = TensorStorage(uninitializedCount: rows * c.modelSize)
        wide = TensorStorage(uninitializedCount: rows * Swift.max(3 * c.modelSize, c.feedForwardSize))
        keys = TensorStorage(uninitializedCount: c.modelSize * length)
        scores = TensorStorage(uninitializedCount: length * length)
        inverseSums = TensorStorage(uninitializedCount: length)
    }

    /// The head's output `[count, T, out]` into `output` for the `count` (≤ `windows`) windows at `input` (`[count, T, in]`).
    func run(_ weights: InferenceWeights, count: Int, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) {
        precondition(count <= windows && weights.length == length, "chunk larger than the workspace")
        let c = configuration, d = c.modelSize, rows = count * length
        let h = stream.pointer, u = normalized.pointer, wide = wide.pointer
        for w in 0..<count { (h + w * length * d).update(from: weights.inputStart.pointer, count: length * d) }
        BLAS.gemm(m: rows, n: d, k: c.inputSize, a: input, lda: c.inputSize, b: weights.inputProjection.pointer, ldb: d,
                  beta: 1, c: h, ldc: d)
        for layer in weights.layers {
            Self.layerNorm(h, into: u, rows: rows, width: d, gain: layer.attentionGain.pointer,
                           bias: layer.attentionBias.pointer, thenAdd: layer.attentionOutputBias.pointer)
            // Queries and keys, then values, 64 rows at a time: each product small enough for OpenBLAS's
            // small-matrix kernel (the packed 192-column product of all rows is not; measured 4 % slower overall).
            for first in stride(from: 0, to: rows, by: Self.rowBlock) {
                let m = Swift.min(Self.rowBlock, rows - first), ub = u + first * d, qkv = wide + first * 3 * d
                BLAS.gemm(m: m, n: 2 * d, k: d, a: ub, lda: d, b: layer.queryKeyValue.pointer, ldb: 3 * d, c: qkv, ldc: 3 * d)
                BLAS.gemm(m: m, n: d, k: d, a: ub, lda: d, b: layer.queryKeyValue.pointer + 2 * d, ldb: 3 * d,
                          c: qkv + 2 * d, ldc: 3 * d)
            }
            for w in 0..<count {
                attention(qkv: wide + w * length * 3 * d, queryBias: layer.queryBias.pointer, into: u + w * length * d)
            }
            // The rest of the layer row block by row block, each block's data staying in the core's L1 cache.
            let ff = c.feedForwardSize
            for first in stride(from: 0, to: rows, by: Self.rowBlock) {
                let m = Swift.min(Self.rowBlock, rows - first)
                let hb = h + first * d, ub = u + first * d
                BLAS.gemm(m: m, n: d, k: d, a: ub, lda: d, b: layer.attentionOutput.pointer, ldb: d, beta: 1, c: hb, ldc: d)
                Self.layerNorm(hb, into: ub, rows: m, width: d, gain: layer.feedForwardGain.pointer,
                               bias: layer.feedForwardBias.pointer, thenAdd: layer.feedForwardOutBias.pointer)
                BLAS.gemm(m: m, n: ff, k: d, a: ub, lda: d, b: layer.feedForwardIn.pointer, ldb: ff, c: wide, ldc: ff)
                for r in 0..<m { FastMath.gelu(wide + r * ff, adding: layer.feedForwardInBias.pointer, ff) }
                BLAS.gemm(m: m, n: d, k: ff, a: wide, lda: ff, b: layer.feedForwardOut.pointer, ldb: d, beta: 1, c: hb, ldc: d)
            }
        }
        let out = c.outputSize
        BLAS.gemm(m: rows, n: out, k: d, a: h, lda: d, b: weights.outputHead.pointer, ldb: out, c: output, ldc: out)
        // The bias added in a loop (copying it into each row first costs one `memmove` call per `out`-value row).
        let bias = weights.outputBias.pointer
        for r in 0..<rows {
            let row = output + r * out
            for j in 0..<out { row[j] += bias[j] }
        }
    }

    /// Multi-head attention of one window: `qkv` is `[T, 3D]` (queries already scaled by log₂e/√d, without
    /// their bias), the heads' outputs go side by side into `output` `[T, D]`.
    private func attention(qkv: UnsafeMutablePointer<Float>, queryBias: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>) {
        let d = configuration.modelSize, headWidth = d / configuration.heads, stride = 3 * d, t = length
        let kT = keys.pointer, s = scores.pointer, inverse = inverseSums.pointer
        for r in 0..<t {
            let q = qkv + r * stride
            for j in 0..<d { q[j] += queryBias[j] }
        }
        Self.transposeKeys(qkv + d, rows: t, columns: d, stride: stride, into: kT)
        for head in 0..<configuration.heads {
            let q = qkv + head * headWidth
            BLAS.gemm(m: t, n: t, k: headWidth, a: q, lda: stride, b: kT + head * headWidth * t, ldb: t, c: s, ldc: t)
            FastMath.unnormalizedSoftmax(s, rows: t, count: t, inverseSums: inverse)
            let o = output + head * headWidth
            BLAS.gemm(m: t, n: headWidth, k: t, a: s, lda: t, b: q + 2 * d, ldb: stride, c: o, ldc: d)
            for r in 0..<t {
                let row = o + r * d, scale = inverse[r]
                for j in 0..<headWidth { row[j] *= scale }
            }
        }
    }

    /// Copies the `rows × columns` block at `source` (row stride `stride`) into `target` as `columns × rows`,
    /// eight rows at a time: each column's eight values are gathered into one vector and stored at once.
    private static func transposeKeys(_ source: UnsafePointer<Float>, rows: Int, columns: Int, stride: Int,
                                      into target: UnsafeMutablePointer<Float>) {
        var r = 0
        while r + 8 <= rows {
            let row = source + r * stride
            for c in 0..<columns {
                let lanes = SIMD8<Float>(row[c], row[stride + c], row[2 * stride + c], row[3 * stride + c],
                                         row[4 * stride + c], row[5 * stride + c], row[6 * stride + c], row[7 * stride + c])
                UnsafeMutableRawPointer(target + c * rows + r).storeBytes(of: lanes, as: SIMD8<Float>.self)
            }
            r += 8
        }
        for r in r..<rows {
            for c in 0..<columns { target[c * rows + r] = source[r * stride + c] }
        }
    }

    /// `target = LN(source)` row by row (biased variance, ε = 1e-5, as `Tensor.layerNorm`), then
    /// `source += addend` in the same pass. Mean and variance come from one pass over the row
    /// (Σx and Σx² in eight lanes; var = E[x²] − mean², which loses nothing measurable for the
    /// residual stream's rows, whose mean is small against their spread).
    private static func layerNorm(_ source: UnsafeMutablePointer<Float>, into target: UnsafeMutablePointer<Float>, rows: Int,
                                  width: Int, gain: UnsafePointer<Float>, bias: UnsafePointer<Float>, thenAdd addend: UnsafePointer<Float>) {
        guard width % 8 == 0 else {
            for r in 0..<rows {
                let x = source + r * width, y = target + r * width
                let mean = FastMath.sum(x, width) / Float(width)
                for j in 0..<width { y[j] = x[j] - mean }
                let rstd = 1 / (FastMath.dot(y, y, width) / Float(width) + 1e-5).squareRoot()
                for j in 0..<width { y[j] = y[j] * rstd * gain[j] + bias[j]; x[j] += addend[j] }
            }
            return
        }
        for r in 0..<rows {
            let x = source + r * width, y = target + r * width
            let raw = UnsafeRawPointer(x)
            var sum = SIMD8<Float>.zero, squares = SIMD8<Float>.zero
            for v in 0..<(width / 8) {
                let lanes = raw.loadUnaligned(fromByteOffset: v * 32, as: SIMD8<Float>.self)
                sum += lanes
                squares = squares.addingProduct(lanes, lanes)
            }
            let mean = sum.sum() / Float(width)
            let variance = Swift.max(squares.sum() / Float(width) - mean * mean, 0)
            let rstd = 1 / (variance + 1e-5).squareRoot()
            for j in 0..<width { y[j] = (x[j] - mean) * rstd * gain[j] + bias[j]; x[j] += addend[j] }
        }
    }
}
