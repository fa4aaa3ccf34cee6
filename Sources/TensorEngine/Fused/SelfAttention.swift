extension Tensor {
    /// Multi-head scaled dot-product self-attention, fused: for every sequence `b` and head `h`,
    /// `softmax(Q·Kᵀ/√d)·V` with batched GEMMs reading the packed projections in place.
    ///
    /// `self` is the packed query/key/value projection `[B, T, 3·D]`: columns `0..<D` are the
    /// queries, `D..<2D` the keys, `2D..<3D` the values, each split into `heads` consecutive blocks
    /// of `d = D/heads` columns (PyTorch's `in_proj` layout). The result is `[B, T, D]` with the
    /// heads side by side, ready for the output projection. No mask, no dropout.
    public func selfAttention(heads: Int) -> Tensor {
        precondition(rank == 3 && shape[2] % (3 * heads) == 0, "selfAttention needs [B, T, 3·D] with D divisible by heads, got \(shape)")
        let batch = shape[0], length = shape[1], width = shape[2] / 3, headWidth = width / heads
        let scale = 1 / Float(headWidth).squareRoot()
        let out = Tensor(uninitializedShape: [batch, length, width])
        let record = Tensor.needsGraph(self)
        let squares = length * length
        let probabilities = TensorStorage(uninitializedCount: (record ? batch * heads : 1) * squares)
        let qkv = storage.pointer, po = out.storage.pointer, stride = 3 * width
        let transposed = TensorStorage(uninitializedCount: headWidth * length)
        for b in 0..<batch {
            for h in 0..<heads {
                let p = probabilities.pointer + (record ? (b * heads + h) * squares : 0)
                let q = qkv + b * length * stride + h * headWidth
                Tensor.transposeBlock(q + width, rows: length, columns: headWidth, stride: stride, into: transposed.pointer)
                BLAS.gemm(m: length, n: length, k: headWidth, alpha: scale,
                          a: q, lda: stride, b: transposed.pointer, ldb: length, c: p, ldc: length)
                for row in 0..<length { FastMath.softmax(p + row * length, length) }
                BLAS.gemm(m: length, n: headWidth, k: length, a: p, lda: length, b: q + 2 * width, ldb: stride,
                          c: po + b * length * width + h * headWidth, ldc: width)
            }
        }
        guard record else { return out }
        return out.recorded("selfAttention", [self]) { [self] g in
            let (gqkv, fresh) = gradientBuffer()
            let beta: Float = fresh ? 0 : 1
            let scratch = TensorStorage(uninitializedCount: squares + headWidth * length)
            let dp = scratch.pointer, vT = scratch.pointer + squares
            for b in 0..<batch {
                for h in 0..<heads {
                    let p = probabilities.pointer + (b * heads + h) * squares
                    let q = qkv + b * length * stride + h * headWidth, k = q + width, v = q + 2 * width
                    let dq = gqkv + b * length * stride + h * headWidth, dk = dq + width, dv = dq + 2 * width
                    let dOut = g + b * length * width + h * headWidth
                    // dV = Pᵀ·dO ; dP = dO·Vᵀ
                    BLAS.gemm(transposeA: true, m: length, n: headWidth, k: length, a: p, lda: length, b: dOut, ldb: width,
                              beta: beta, c: dv, ldc: stride)
                    Tensor.transposeBlock(v, rows: length, columns: headWidth, stride: stride, into: vT)
                    BLAS.gemm(m: length, n: length, k: headWidth, a: dOut, lda: width, b: vT, ldb: length, c: dp, ldc: length)
                    // dS = P ⊙ (dP − rowsum(dP ⊙ P)), scaled by 1/√d for the score scaling
                    for row in 0..<length {
                        let pr = p + row * length, dr = dp + row * length
                        let dot = FastMath.dot(pr, dr, length)
                        for j in 0..<length { dr[j] = pr[j] * (dr[j] - dot) * scale }
                    }
                    // dQ = dS·K ; dK = dSᵀ·Q
                    BLAS.gemm(m: length, n: headWidth, k: length, a: dp, lda: length, b: k, ldb: stride,
                              beta: beta, c: dq, ldc: stride)
                    BLAS.gemm(transposeA: true, m: length, n: headWidth, k: length, a: dp, lda: length, b: q, ldb: stride,
                              beta: beta, c: dk, ldc: stride)
                }
            }
        }
    }

    /// Copies a `rows × columns` block with row stride `stride` into `target` as `columns × rows`.
    /// OpenBLAS multiplies by an explicit transpose (`NN`) about 1.5× faster than by the transposed
    /// operand (`NT`) at the attention's inner extent of 16, which more than pays for the copy.
    static func transposeBlock(_ source: UnsafePointer<Float>, rows: Int, columns: Int, stride: Int,
                               into target: UnsafeMutablePointer<Float>) {
        for r in 0..<rows {
            let row = source + r * stride
            for c in 0..<columns { target[c * rows + r] = row[c] }
        }
    }
}
