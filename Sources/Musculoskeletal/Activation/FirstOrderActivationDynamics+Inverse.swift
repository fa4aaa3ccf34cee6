extension FirstOrderActivationDynamics {
    /// The excitation, held over one sample of `interval` (in `substeps` steps), that takes activation `from` to
    /// `to` — the inverse of `simulate`, by bisection on the step's monotone map. nil when no excitation in [0, 1]
    /// reaches `to` (the change is faster than the time constants allow).
    public func excitation(from start: T, to target: T, interval: T, substeps: Int = 1) -> T? {
        func reach(_ e: T) -> T {
            var a = start
            for _ in 0..<substeps { a = step(activation: a, excitation: e, interval: interval / T(substeps)).activation }
            return a
        }
        var low: T = 0, high: T = 1
        let tolerance = T.ulpOfOne * 8
        guard reach(low) <= target + tolerance, reach(high) >= target - tolerance else { return nil }
        for _ in 0..<200 where high - low > tolerance {
            let middle = (low + high) / 2
            if reach(middle) < target { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
