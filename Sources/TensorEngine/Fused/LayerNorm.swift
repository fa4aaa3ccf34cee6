extension Tensor {
    /// Layer normalisation over the last axis, `(x − mean)/√(var + ε)·gain + bias`, with the
    /// biased variance as PyTorch's `nn.LayerNorm`. `gain` and `bias` have the last axis's extent.
    public func layerNorm(gain: Tensor, bias: Tensor, epsilon: Float = 1e-5) -> Tensor {
        let width = shape[rank - 1]
        precondition(gain.shape == [width] && bias.shape == [width], "layerNorm gain/bias must be [\(width)]")
        let rows = count / width
        let out = Tensor(uninitializedShape: shape)
        let record = Tensor.needsGraph(self, gain, bias)
        let normalized = record ? TensorStorage(uninitializedCount: count) : nil
        let inverseDeviation = record ? TensorStorage(uninitializedCount: rows) : nil
        let px = storage.pointer, py = out.storage.pointer, pg = gain.storage.pointer, pb = bias.storage.pointer
        for r in 0..<rows {
            let x = px + r * width, y = py + r * width
            let mean = FastMath.sum(x, width) / Float(width)
            for j in 0..<width { y[j] = x[j] - mean }
            let rstd = 1 / (FastMath.dot(y, y, width) / Float(width) + epsilon).squareRoot()
            if let normalized, let inverseDeviation {
                let h = normalized.pointer + r * width
                for j in 0..<width { h[j] = y[j] * rstd; y[j] = h[j] * pg[j] + pb[j] }
                inverseDeviation.pointer[r] = rstd
            } else {
                for j in 0..<width { y[j] = y[j] * rstd * pg[j] + pb[j] }
            }
        }
        guard record, let normalized, let inverseDeviation else { return out }
        return out.recorded("layerNorm", [self, gain, bias]) { [self] g in
            let gg = gain.requiresGrad ? gain.accumulatingGradient() : nil
            let gb = bias.requiresGrad ? bias.accumulatingGradient() : nil
            let gx = requiresGrad ? gradientBuffer() : nil
            let scratch = TensorStorage(uninitializedCount: width)
            for r in 0..<rows {
                let h = normalized.pointer + r * width, gy = g + r * width
                if let gg, let gb {
                    for j in 0..<width { gg[j] += gy[j] * h[j]; gb[j] += gy[j] }
                } else {
                    if let gg { for j in 0..<width { gg[j] += gy[j] * h[j] } }
                    if let gb { for j in 0..<width { gb[j] += gy[j] } }
                }
                guard let gx else { continue }
                let dh = scratch.pointer
                for j in 0..<width { dh[j] = gy[j] * pg[j] }
                let meanGradient = FastMath.sum(dh, width) / Float(width)
                let meanProjection = FastMath.dot(dh, h, width) / Float(width)
                let rstd = inverseDeviation.pointer[r]
                let target = gx.pointer + r * width
                if gx.fresh {
                    for j in 0..<width { target[j] = rstd * (dh[j] - meanGradient - h[j] * meanProjection) }
                } else {
                    for j in 0..<width { target[j] += rstd * (dh[j] - meanGradient - h[j] * meanProjection) }
                }
            }
        }
    }
}
