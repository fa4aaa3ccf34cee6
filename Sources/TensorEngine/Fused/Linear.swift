extension Tensor {
    /// Affine map of the last axis, `x·weight + bias`, in one GEMM that adds onto the copied bias.
    ///
    /// `x: [..., in]`, `weight: [in, out]`, `bias: [out]` (or `nil`) gives `[..., out]`.
    /// `activation` is applied in the same pass over the output (fused bias + GELU).
    public func linear(weight: Tensor, bias: Tensor?, activation: Activation = .identity) -> Tensor {
        let inputs = shape[rank - 1], outputs = weight.shape[1]
        precondition(weight.rank == 2 && weight.shape[0] == inputs, "linear: weight \(weight.shape) does not take \(shape)")
        precondition(bias == nil || bias!.shape == [outputs], "linear: bias must be [\(outputs)]")
        let rows = count / inputs
        let out = Tensor(uninitializedShape: Array(shape.dropLast()) + [outputs])
        let px = storage.pointer, pw = weight.storage.pointer, py = out.storage.pointer
        let record = Tensor.needsGraph(bias.map { [self, weight, $0] } ?? [self, weight])
        // The bias is copied into the output rows and the GEMM adds onto it (beta = 1): this replaces
        // the zeroing OpenBLAS would otherwise do for beta = 0, so the bias costs no extra pass.
        if let bias {
            for r in 0..<rows { (py + r * outputs).update(from: bias.storage.pointer, count: outputs) }
        }
        BLAS.gemm(m: rows, n: outputs, k: inputs, a: px, lda: inputs, b: pw, ldb: outputs, beta: bias == nil ? 0 : 1,
                  c: py, ldc: outputs)
        // When recording, the activation pass also stores its derivative for the backward pass.
        let derivative = record && activation != .identity ? TensorStorage(uninitializedCount: out.count) : nil
        activation.apply(py, count: out.count, derivative: derivative?.pointer)
        guard record else { return out }
        let parents = bias.map { [self, weight, $0] } ?? [self, weight]
        return out.recorded("linear", parents) { [self] g in
            var gradient = UnsafePointer(g)
            if let derivative {
                // The graph is released after backward, so the derivative buffer can take the product.
                let d = derivative.pointer
                for i in 0..<(rows * outputs) { d[i] *= g[i] }
                gradient = UnsafePointer(d)
            }
            if requiresGrad {
                let (gx, fresh) = gradientBuffer()
                BLAS.gemm(transposeB: true, m: rows, n: inputs, k: outputs, a: gradient, lda: outputs, b: pw, ldb: outputs,
                          beta: fresh ? 0 : 1, c: gx, ldc: inputs)
            }
            if weight.requiresGrad {
                let (gw, fresh) = weight.gradientBuffer()
                BLAS.gemm(transposeA: true, m: inputs, n: outputs, k: rows, a: px, lda: inputs, b: gradient, ldb: outputs,
                          beta: fresh ? 0 : 1, c: gw, ldc: outputs)
            }
            if let bias, bias.requiresGrad {
                let gb = bias.accumulatingGradient()
                for r in 0..<rows {
                    let row = gradient + r * outputs
                    for j in 0..<outputs { gb[j] += row[j] }
                }
            }
        }
    }
}

/// An element-wise function fused into `Tensor.linear`.
public enum Activation: Sendable, Equatable {
    /// No activation.
    case identity
    /// GELU, exact erf form.
    case gelu

    /// Applies the activation in place; with `derivative`, also stores the activation's derivative
    /// at each pre-activation value.
    func apply(_ values: UnsafeMutablePointer<Float>, count: Int, derivative: UnsafeMutablePointer<Float>?) {
        switch self {
        case .identity:
            break
        case .gelu:
            if let derivative {
                FastMath.geluWithDerivative(values, derivative, count)
            } else {
                FastMath.gelu(values, count)
            }
        }
    }
}
