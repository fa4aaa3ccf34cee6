/// The quadratic program of static optimisation, solved exactly:
///
///     minimise ½ Σ_i w_i x_i²   subject to   C x = b,   l ≤ x ≤ u
///
/// with weights w_i > 0, a few equality rows (one per coordinate) and many bounded variables (muscles, plus
/// unbounded reserve actuators that keep it feasible).
///
/// Method: an active-set Newton iteration on the dual. For multipliers λ the box-constrained minimiser of the
/// Lagrangian is x(λ) = clamp(W⁻¹Cᵀλ, l, u) (stationarity and complementarity hold by construction), so only
/// C x(λ) = b remains: a piecewise-linear equation in λ. Each step fixes the active set (the clamped variables),
/// solves the m×m system (C_F W_F⁻¹ C_Fᵀ) Δλ = b − C x(λ) over the free variables F exactly, and backtracks on
/// the concave dual function q(λ) so the iteration cannot cycle. When the active set stops changing the step is
/// exact, so the solution satisfies the KKT conditions to rounding error. Warm-started from the previous
/// frame's λ, a frame takes one or two steps.
public struct BoundedLeastNormProblem: Sendable {
    /// `constraints[row][variable]`.
    public var constraints: [[Double]]
    /// Right-hand side, one per row.
    public var target: [Double]
    /// Cost weights w_i > 0.
    public var weights: [Double]
    /// Lower bounds (may be −∞).
    public var lower: [Double]
    /// Upper bounds (may be +∞).
    public var upper: [Double]

    /// A problem; the shapes must agree (a programmer error otherwise).
    public init(constraints: [[Double]], target: [Double], weights: [Double], lower: [Double], upper: [Double]) {
        let n = weights.count
        precondition(constraints.count == target.count && constraints.allSatisfy { $0.count == n }, "constraint shape")
        precondition(lower.count == n && upper.count == n && weights.allSatisfy { $0 > 0 }, "bounds and positive weights")
        self.constraints = constraints; self.target = target; self.weights = weights; self.lower = lower; self.upper = upper
    }

    /// The solution and the multipliers (for warm starts), or nil when the rows cannot be met within the bounds.
    public func solve(warmStart: [Double]? = nil, tolerance: Double = 1e-10, maxIterations: Int = 100) -> (x: [Double], multipliers: [Double])? {
        let m = target.count, n = weights.count
        var lambda = warmStart ?? [Double](repeating: 0, count: m)
        let scale = 1 + target.reduce(0) { max($0, abs($1)) }
        var x = primal(lambda)
        for _ in 0..<maxIterations {
            let residual = self.residual(x)
            if residual.reduce(0, { max($0, abs($1)) }) <= tolerance * scale { return (x, lambda) }
            // Newton matrix over the free variables.
            var matrix = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
            for i in 0..<n where x[i] > lower[i] && x[i] < upper[i] {
                for r in 0..<m where constraints[r][i] != 0 {
                    for s in 0..<m { matrix[r][s] += constraints[r][i] * constraints[s][i] / weights[i] }
                }
            }
            // A variable sitting exactly on a bound that the step would free is handled by the next iteration;
            // a tiny ridge keeps the system solvable when every variable of a row is clamped.
            for r in 0..<m { matrix[r][r] += 1e-12 * (1 + matrix[r][r]) }
            guard let step = Self.solveLinear(matrix, residual) else { return nil }
            // Exact line search on the concave, piecewise-quadratic dual along the Newton direction.
            guard let t = exactStep(lambda, step) else { return nil }  // the dual is unbounded: infeasible
            lambda = zip(lambda, step).map { $0 + t * $1 }
            x = primal(lambda)
        }
        let final = residual(x).reduce(0) { max($0, abs($1)) }
        return final <= 1e-6 * scale ? (x, lambda) : nil
    }

    /// x(λ) = clamp(W⁻¹Cᵀλ, l, u).
    func primal(_ lambda: [Double]) -> [Double] {
        weights.indices.map { i in
            var v = 0.0
            for r in lambda.indices { v += constraints[r][i] * lambda[r] }
            return min(max(v / weights[i], lower[i]), upper[i])
        }
    }

    /// The t > 0 maximising q(λ + tΔ): the root of q'(t) = Δᵀ(b − C x(λ + tΔ)), which is piecewise linear and
    /// non-increasing in t, found exactly by walking its breakpoints (where a variable reaches a bound).
    /// Nil when q' stays positive for every t (the dual is unbounded, so C x = b is infeasible within the bounds).
    func exactStep(_ lambda: [Double], _ direction: [Double]) -> Double? {
        let n = weights.count
        var v = [Double](repeating: 0, count: n), d = v
        for i in 0..<n {
            for r in lambda.indices { v[i] += constraints[r][i] * lambda[r]; d[i] += constraints[r][i] * direction[r] }
            v[i] /= weights[i]; d[i] /= weights[i]
        }
        let cTb = zip(direction, target).reduce(0) { $0 + $1.0 * $1.1 }
        // q'(t) = Δᵀb − Σ_i w_i d_i x_i(t), with x_i(t) = clamp(v_i + t d_i, l_i, u_i).
        func slope(_ t: Double) -> Double {
            var s = cTb
            for i in 0..<n { s -= weights[i] * d[i] * min(max(v[i] + t * d[i], lower[i]), upper[i]) }
            return s
        }
        var breakpoints: [Double] = []
        for i in 0..<n where d[i] != 0 {
            for bound in [lower[i], upper[i]] where bound.isFinite {
                let t = (bound - v[i]) / d[i]
                if t > 0 { breakpoints.append(t) }
            }
        }
        breakpoints.sort()
        var t0 = 0.0, s0 = slope(0)
        if s0 <= 0 { return 0 }
        for t1 in breakpoints {
            let s1 = slope(t1)
            if s1 <= 0 { return t0 + (t1 - t0) * s0 / (s0 - s1) }  // s0 > 0 ≥ s1: the root is in this segment
            t0 = t1; s0 = s1
        }
        // Past the last breakpoint q' is linear: extrapolate its root if it decreases.
        let s1 = slope(t0 + 1)
        return s1 < s0 ? t0 + s0 / (s0 - s1) : nil
    }

    /// b − C x.
    func residual(_ x: [Double]) -> [Double] {
        target.indices.map { r in target[r] - zip(constraints[r], x).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// The dual function at λ with x = x(λ).
    func dual(_ lambda: [Double], _ x: [Double]) -> Double {
        let cost = zip(weights, x).reduce(0) { $0 + 0.5 * $1.0 * $1.1 * $1.1 }
        return cost + zip(lambda, residual(x)).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Gaussian elimination with partial pivoting for the small m×m Newton system.
    static func solveLinear(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var a = a, b = b
        let n = b.count
        for col in 0..<n {
            guard let pivot = (col..<n).max(by: { abs(a[$0][col]) < abs(a[$1][col]) }), abs(a[pivot][col]) > 1e-300 else { return nil }
            a.swapAt(col, pivot); b.swapAt(col, pivot)
            for row in (col + 1)..<n {
                let f = a[row][col] / a[col][col]
                if f == 0 { continue }
                for k in col..<n { a[row][k] -= f * a[col][k] }
                b[row] -= f * b[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var s = b[row]
            for k in (row + 1)..<n { s -= a[row][k] * x[k] }
            x[row] = s / a[row][row]
        }
        return x
    }
}
