import Testing
import TestSupport
@testable import Estimation

/// The spectral projected gradient method against problems whose minimisers are known in closed form, and against
/// the optimality (KKT) conditions of a box-constrained quadratic.
@Suite struct BoxConstrainedMinimizerTests {
    /// Σ (x_i − c_i)² with some c outside the box: the minimiser is c clamped to the box.
    @Test func aSeparableQuadraticEndsAtItsCentreClampedToTheBox() {
        let centre = [-0.5, 0.3, 1.7, 0.9, 2.5]
        let result = BoxConstrainedMinimizer(maximumIterations: 100).minimize(
            from: [0.5, 0.5, 0.5, 0.5, 0.5], lower: [0, 0, 0, 0, 0], upper: [1, 1, 1, 1, 2]) { x in
                (zip(x, centre).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }, zip(x, centre).map { 2 * ($0 - $1) })
            }
        for (x, expected) in zip(result.x, [0, 0.3, 1, 0.9, 2]) { #expect(close(x, expected, relative: 0, absolute: 1e-8), "\(result.x)") }
    }

    /// Rosenbrock's function: the unconstrained minimum (1, 1) inside the box, and (0.5, 0.25) when the box cuts x at 0.5.
    @Test func rosenbrockReachesItsMinimumInsideAndOnTheBox() {
        func rosenbrock(_ x: [Double]) -> (value: Double, gradient: [Double]) {
            let a = 1 - x[0], b = x[1] - x[0] * x[0]
            return (a * a + 100 * b * b, [-2 * a - 400 * x[0] * b, 200 * b])
        }
        let minimizer = BoxConstrainedMinimizer(maximumIterations: 5000, tolerance: 1e-10)
        let inside = minimizer.minimize(from: [-1.2, 1], lower: [-2, -2], upper: [2, 2], objective: rosenbrock)
        #expect(close(inside.x[0], 1, relative: 0, absolute: 1e-5) && close(inside.x[1], 1, relative: 0, absolute: 1e-5), "\(inside.x)")
        let cut = minimizer.minimize(from: [-1.2, 1], lower: [-2, -2], upper: [0.5, 2], objective: rosenbrock)
        #expect(close(cut.x[0], 0.5, relative: 0, absolute: 1e-8) && close(cut.x[1], 0.25, relative: 0, absolute: 1e-5), "\(cut.x)")
    }

    /// A random convex quadratic ½xᵀAx − bᵀx on [0, 1]ⁿ: at the result every free variable has a zero gradient, every
    /// variable at its lower bound a non-negative one and every variable at its upper bound a non-positive one.
    @Test func aConvexQuadraticSatisfiesTheOptimalityConditions() {
        let n = 12
        var state: UInt64 = 42
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
        let m = (0..<n).map { _ in (0..<n).map { _ in uniform() } }
        let a = (0..<n).map { i in (0..<n).map { j in (0..<n).reduce(0.0) { $0 + m[$1][i] * m[$1][j] } + (i == j ? 0.1 : 0) } }
        let b = (0..<n).map { _ in 3 * uniform() }
        func gradient(_ x: [Double]) -> [Double] { (0..<n).map { i in (0..<n).reduce(0.0) { $0 + a[i][$1] * x[$1] } - b[i] } }
        let result = BoxConstrainedMinimizer(maximumIterations: 10_000, tolerance: 1e-12).minimize(
            from: [Double](repeating: 0.5, count: n), lower: [Double](repeating: 0, count: n), upper: [Double](repeating: 1, count: n)) { x in
                let g = gradient(x)
                return ((0..<n).reduce(0.0) { $0 + 0.5 * x[$1] * (g[$1] - b[$1]) }, g)
            }
        let g = gradient(result.x)
        var atBounds = 0
        for i in 0..<n {
            let x = result.x[i]
            #expect(x >= 0 && x <= 1)
            if x < 1e-9 { #expect(g[i] >= -1e-6, "x\(i) at 0 with gradient \(g[i])"); atBounds += 1 }
            else if x > 1 - 1e-9 { #expect(g[i] <= 1e-6, "x\(i) at 1 with gradient \(g[i])"); atBounds += 1 }
            else { #expect(abs(g[i]) <= 1e-6, "free x\(i) = \(x) with gradient \(g[i])") }
        }
        #expect(atBounds > 0 && atBounds < n, "the test needs both free and bound variables (\(atBounds) of \(n) at bounds)")
    }
}
