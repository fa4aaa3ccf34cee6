import Testing
@testable import TensorEngine

/// Compares the gradients `backward()` gives with central finite differences.
///
/// The function's output `y` is reduced to the scalar `L = Σ wᵢ·yᵢ` with fixed pseudo-random
/// weights `w`, so every output element's gradient is exercised. Finite differences perturb each
/// input element by ±`epsilon` and sum `L` in Double; Float32 rounding then contributes about
/// 1e-7·|L|/ε, well under the tolerance `absolute + relative·|g|`.
func expectGradientsMatch(_ inputs: [Tensor], epsilon: Float = 1e-2, absolute: Double = 2e-3, relative: Double = 2e-2,
                          sourceLocation: SourceLocation = #_sourceLocation, _ function: ([Tensor]) -> Tensor) {
    var generator = Xoshiro256StarStar(seed: 99)
    let probe = Tensor.withoutGradients { function(inputs) }
    let weights = Tensor(uniform: probe.shape, lower: -1, upper: 1, using: &generator)
    for input in inputs { input.zeroGrad() }
    (function(inputs) * weights).sum().backward()

    func weightedSum() -> Double {
        let y = Tensor.withoutGradients { function(inputs) }
        var total = 0.0
        for i in 0..<y.count { total += Double(y.storage.pointer[i]) * Double(weights.storage.pointer[i]) }
        return total
    }
    for (index, input) in inputs.enumerated() where input.requiresGrad {
        guard let analytic = input.grad?.scalars else {
            Issue.record("input \(index) received no gradient", sourceLocation: sourceLocation)
            continue
        }
        var worst = 0.0
        for j in 0..<input.count {
            let saved = input.storage.pointer[j]
            input.storage.pointer[j] = saved + epsilon
            let plus = weightedSum()
            input.storage.pointer[j] = saved - epsilon
            let minus = weightedSum()
            input.storage.pointer[j] = saved
            let numeric = (plus - minus) / (2 * Double(epsilon))
            let error = abs(numeric - Double(analytic[j]))
            let allowed = absolute + relative * max(abs(numeric), abs(Double(analytic[j])))
            worst = max(worst, error / allowed)
            if error > allowed {
                Issue.record("input \(index) element \(j): backward \(analytic[j]) vs finite difference \(numeric)",
                             sourceLocation: sourceLocation)
                return
            }
        }
        #expect(worst <= 1, sourceLocation: sourceLocation)
    }
}

/// A tensor of the given shape with values uniform in `range`, requiring gradients.
func variable(_ shape: [Int], _ range: ClosedRange<Float> = -1...1, seed: UInt64 = 1) -> Tensor {
    var generator = Xoshiro256StarStar(seed: seed)
    return Tensor(uniform: shape, lower: range.lowerBound, upper: range.upperBound, using: &generator, requiresGrad: true)
}
