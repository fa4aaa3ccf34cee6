/// Scales all gradients down so that their global L2 norm is at most `maxNorm` (as PyTorch's
/// `clip_grad_norm_`), and returns the norm they had before clipping. Parameters without a
/// gradient are skipped.
@discardableResult
public func clipGradientNorm(_ parameters: [Tensor], maxNorm: Float) -> Float {
    var squares: Double = 0
    for parameter in parameters {
        guard let gradient = parameter.gradStorage else { continue }
        for i in 0..<gradient.count { squares += Double(gradient.pointer[i] * gradient.pointer[i]) }
    }
    let norm = Float(squares.squareRoot())
    guard norm > maxNorm else { return norm }
    let scale = maxNorm / (norm + 1e-6)
    for parameter in parameters {
        guard let gradient = parameter.gradStorage else { continue }
        for i in 0..<gradient.count { gradient.pointer[i] *= scale }
    }
    return norm
}
