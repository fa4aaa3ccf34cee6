/// Minimises a smooth function over a box, lower ≤ x ≤ upper, by the spectral projected gradient method
/// (Birgin, Martínez & Raydan, SIAM J. Optim. 10, 2000, algorithm SPG2): steps along the projected gradient with
/// Barzilai–Borwein step lengths and a non-monotone Armijo line search over the last `memory` values. It needs only
/// values and gradients, keeps every iterate inside the box, and is deterministic.
public struct BoxConstrainedMinimizer: Sendable {
    /// Iterations at most.
    public var maximumIterations: Int
    /// Stop when the projected gradient step's largest component is below this.
    public var tolerance: Double
    /// Function values the line search compares against (1: a monotone search).
    public var memory = 10
    /// Sufficient-decrease constant of the Armijo condition.
    public var sufficientDecrease = 1e-4
    /// Bounds of the spectral step length.
    public var stepLengths = 1e-10...1e10

    /// A minimiser; see the properties.
    public init(maximumIterations: Int, tolerance: Double = 1e-9) {
        self.maximumIterations = maximumIterations; self.tolerance = tolerance
    }

    /// Where the search ended, its value and the iterations and function evaluations it took.
    public struct Result: Sendable {
        public var x: [Double]
        public var value: Double
        public var iterations: Int
        public var evaluations: Int
    }

    /// Minimises `objective` (value and gradient at x) from `start` projected onto [lower, upper].
    public func minimize(from start: [Double], lower: [Double], upper: [Double],
                         objective: ([Double]) -> (value: Double, gradient: [Double])) -> Result {
        precondition(start.count == lower.count && start.count == upper.count, "start and bounds must have one value per variable")
        func project(_ x: [Double]) -> [Double] { x.indices.map { min(max(x[$0], lower[$0]), upper[$0]) } }
        var x = project(start)
        var (value, gradient) = objective(x)
        var evaluations = 1
        var recent = [value]
        var step = clampedStep(1 / max(largest(projectedStep(x, gradient, 1, project)), 1e-300))
        var iteration = 0
        while iteration < maximumIterations {
            if largest(projectedStep(x, gradient, 1, project)) < tolerance { break }
            iteration += 1
            let direction = projectedStep(x, gradient, step, project)
            let slope = zip(gradient, direction).reduce(0) { $0 + $1.0 * $1.1 }
            let reference = recent.max()!
            var fraction = 1.0
            var trial = zip(x, direction).map { $0 + $1 }
            var trialValue = objective(trial)
            evaluations += 1
            while trialValue.value > reference + sufficientDecrease * fraction * slope, fraction > 1e-12 {
                // Safeguarded quadratic interpolation of the value along the direction.
                let quadratic = -slope * fraction * fraction / (2 * (trialValue.value - value - fraction * slope))
                fraction = quadratic >= 0.1 * fraction && quadratic <= 0.9 * fraction ? quadratic : fraction / 2
                trial = zip(x, direction).map { $0 + fraction * $1 }
                trialValue = objective(trial)
                evaluations += 1
            }
            let s = zip(trial, x).map { $0 - $1 }, y = zip(trialValue.gradient, gradient).map { $0 - $1 }
            let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }, ss = s.reduce(0) { $0 + $1 * $1 }
            step = sy > 0 ? clampedStep(ss / sy) : stepLengths.upperBound
            (x, value, gradient) = (trial, trialValue.value, trialValue.gradient)
            recent.append(value)
            if recent.count > memory { recent.removeFirst() }
        }
        return Result(x: x, value: value, iterations: iteration, evaluations: evaluations)
    }

    private func projectedStep(_ x: [Double], _ gradient: [Double], _ step: Double, _ project: ([Double]) -> [Double]) -> [Double] {
        zip(project(zip(x, gradient).map { $0 - step * $1 }), x).map { $0 - $1 }
    }

    private func largest(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }

    private func clampedStep(_ step: Double) -> Double { min(max(step, stepLengths.lowerBound), stepLengths.upperBound) }
}
