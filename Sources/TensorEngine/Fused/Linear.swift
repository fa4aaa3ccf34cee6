extension Tensor {
    /// Affine map of the last axis, `x·weight + bias`, in one GEMM with the bias added in place.
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
        if let bias {
            let pb = bias.storage.pointer
            for r in 0..<rows { (py + r * outputs).update(from: pb, count: outputs) }
        }
        BLAS.gemm(m: rows, n: outputs, k: inputs, a: px, lda: inputs, b: pw, ldb: outputs,
                  beta: bias == nil ? 0 : 1, c: py, ldc: outputs)
        // Pre-activation values are kept for the backward pass of a non-identity activation.
        let preActivation: TensorStorage?
        if activation == .identity {
            preActivation = nil
        } else {
            let kept = record ? TensorStorage(uninitializedCount: out.count) : nil
            if let kept { kept.pointer.update(from: py, count: out.count) }
            activation.apply(py, count: out.count)
            preActivation = kept
        }
        guard record else { return out }
        let parents = bias.map { [self, weight, $0] } ?? [self, weight]
        return out.recorded("linear", parents) { [self] g in
            var gradient = UnsafePointer(g)
            var scratch: TensorStorage?
            if let preActivation {
                let buffer = TensorStorage(uninitializedCount: rows * outputs)
                activation.backward(pre: preActivation.pointer, gradient: g, into: buffer.pointer, count: rows * outputs)
                scratch = buffer
                gradient = UnsafePointer(buffer.pointer)
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
            withExtendedLifetime(scratch) {}
        }
    }
}

/// An element-wise function fused into `Tensor.linear`.
public enum Activation: Sendable, Equatable {
    /// No activation.
    case identity
    /// GELU, exact erf form.
    case gelu

    func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .identity: break
        case .gelu: FastMath.gelu(values, values, count)
        }
    }

    /// `target = gradient · f'(pre)`.
    func backward(pre: UnsafePointer<Float>, gradient: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .identity: target.update(from: gradient, count: count)
        case .gelu: FastMath.geluBackward(pre, gradient, target, count)
        }
    }
}
