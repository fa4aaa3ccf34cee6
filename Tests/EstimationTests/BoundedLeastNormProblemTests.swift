import Testing
@testable import Estimation

/// The QP solver against independent references: the closed-form least-norm solution when no bound is active,
/// and a brute-force search over active sets (every variable free, at its lower or at its upper bound) otherwise.
@Suite struct BoundedLeastNormProblemTests {
    @Test func unconstrainedBoundsGiveTheLeastNormSolution() throws {
        // min ½|x|² s.t. [1 2 3]·x = 7  →  x = cᵀ·7/|c|²
        let p = BoundedLeastNormProblem(constraints: [[1, 2, 3]], target: [7], weights: [1, 1, 1],
                                        lower: [-10, -10, -10], upper: [10, 10, 10])
        let x = try #require(p.solve()).x
        for (xi, ci) in zip(x, [1.0, 2, 3]) { #expect(abs(xi - ci * 7 / 14) < 1e-10) }
    }

    @Test func agreesWithBruteForceOverActiveSets() throws {
        var generator = SplitMix(seed: 42)
        for _ in 0..<200 {
            let n = 5, m = Int(generator.next() % 2) + 1
            let c = (0..<m).map { _ in (0..<n).map { _ in generator.uniform(-1, 1) } }
            let b = (0..<m).map { _ in generator.uniform(-0.8, 0.8) }
            let w = (0..<n).map { _ in generator.uniform(0.5, 2) }
            let p = BoundedLeastNormProblem(constraints: c, target: b, weights: w,
                                            lower: [Double](repeating: 0, count: n), upper: [Double](repeating: 1, count: n))
            let reference = bruteForce(p)
            let solved = p.solve()
            #expect((solved == nil) == (reference == nil))
            if let solved, let reference {
                for (a, e) in zip(solved.x, reference) { #expect(abs(a - e) < 1e-8) }
            }
        }
    }

    /// Enumerates every assignment of variables to {free, lower, upper}, solves the equality-constrained
    /// least-norm problem over the free ones, keeps feasible candidates and returns the cheapest.
    func bruteForce(_ p: BoundedLeastNormProblem) -> [Double]? {
        let n = p.weights.count, m = p.target.count
        var best: (cost: Double, x: [Double])? = nil
        var code = 0
        while code < Int(pow(3.0, Double(n))) {
            var state = code, x = [Double](repeating: 0, count: n), free: [Int] = []
            for i in 0..<n {
                switch state % 3 { case 0: free.append(i); case 1: x[i] = p.lower[i]; default: x[i] = p.upper[i] }
                state /= 3
            }
            code += 1
            let rhs = (0..<m).map { r in p.target[r] - (0..<n).reduce(0.0) { $0 + p.constraints[r][$1] * x[$1] } }
            var gram = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
            for i in free { for r in 0..<m { for s in 0..<m { gram[r][s] += p.constraints[r][i] * p.constraints[s][i] / p.weights[i] } } }
            guard let lambda = BoundedLeastNormProblem.solveLinear(gram, rhs), lambda.allSatisfy(\.isFinite) else { continue }
            for i in free { x[i] = (0..<m).reduce(0.0) { $0 + p.constraints[$1][i] * lambda[$1] } / p.weights[i] }
            guard free.allSatisfy({ x[$0] >= -1e-12 && x[$0] <= 1 + 1e-12 }) else { continue }
            guard p.residual(x).allSatisfy({ abs($0) < 1e-9 }) else { continue }
            let cost = zip(p.weights, x).reduce(0.0) { $0 + 0.5 * $1.0 * $1.1 * $1.1 }
            if best == nil || cost < best!.cost - 1e-15 { best = (cost, x) }
        }
        return best?.x
    }
}

/// A small deterministic generator for test inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * Double(next() >> 11) / Double(1 << 53) }
}

import Foundation
