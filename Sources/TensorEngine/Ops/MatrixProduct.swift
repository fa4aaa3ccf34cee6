extension Tensor {
    /// Matrix product over the last two axes.
    ///
    /// - `a: [..., m, k]` times `b: [k, n]` gives `[..., m, n]` (one GEMM over all leading rows).
    /// - `a: [..., m, k]` times `b: [..., k, n]` with equal leading axes is a batched product.
    public static func matmul(_ a: Tensor, _ b: Tensor) -> Tensor {
        precondition(a.rank >= 2 && b.rank >= 2, "matmul needs rank >= 2, got \(a.shape) and \(b.shape)")
        let m = a.shape[a.rank - 2], k = a.shape[a.rank - 1], n = b.shape[b.rank - 1]
        precondition(b.shape[b.rank - 2] == k, "matmul inner extents differ: \(a.shape) × \(b.shape)")
        let batchA = Array(a.shape.dropLast(2))
        let sharedB = b.rank == 2
        precondition(sharedB || Array(b.shape.dropLast(2)) == batchA, "matmul batch axes differ: \(a.shape) × \(b.shape)")
        let batches = batchA.reduce(1, *)
        let out = Tensor(uninitializedShape: batchA + [m, n])
        let pa = a.storage.pointer, pb = b.storage.pointer, pc = out.storage.pointer
        if sharedB {
            BLAS.gemm(m: batches * m, n: n, k: k, a: pa, lda: k, b: pb, ldb: n, c: pc, ldc: n)
        } else {
            for i in 0..<batches {
                BLAS.gemm(m: m, n: n, k: k, a: pa + i * m * k, lda: k, b: pb + i * k * n, ldb: n, c: pc + i * m * n, ldc: n)
            }
        }
        guard needsGraph(a, b) else { return out }
        return out.recorded("matmul", [a, b]) { g in
            if a.requiresGrad {
                let (ga, fresh) = a.gradientBuffer()
                let rows = sharedB ? batches : 1, loops = sharedB ? 1 : batches
                for i in 0..<loops {
                    // dA = dC · Bᵀ
                    BLAS.gemm(transposeB: true, m: rows * m, n: k, k: n, a: g + i * m * n, lda: n,
                              b: pb + (sharedB ? 0 : i * k * n), ldb: n, beta: fresh ? 0 : 1, c: ga + i * m * k, ldc: k)
                }
            }
            if b.requiresGrad {
                let (gb, fresh) = b.gradientBuffer()
                if sharedB {
                    // dB = Aᵀ · dC over all leading rows
                    BLAS.gemm(transposeA: true, m: k, n: n, k: batches * m, a: pa, lda: k, b: g, ldb: n,
                              beta: fresh ? 0 : 1, c: gb, ldc: n)
                } else {
                    for i in 0..<batches {
                        BLAS.gemm(transposeA: true, m: k, n: n, k: m, a: pa + i * m * k, lda: k, b: g + i * m * n, ldb: n,
                                  beta: fresh ? 0 : 1, c: gb + i * k * n, ldc: n)
                    }
                }
            }
        }
    }
}
