extension TimeSeries {
    /// The series linearly interpolated onto `newTime` (seconds, increasing), to put channels of
    /// different rates on one time base. Times outside `time`'s range take the first or last
    /// sample (no extrapolation); pick `newTime` inside the overlap to avoid that.
    public func resampled(onto newTime: [Double]) -> TimeSeries {
        let newColumns: [[Double]]
        if time.isEmpty {
            newColumns = columns.map { _ in [Double](repeating: .nan, count: newTime.count) }
        } else {
            let weights = newTime.map(interpolationWeight)
            newColumns = columns.map { column in
                weights.map { w in w.fraction == 0 ? column[w.lower] : column[w.lower] + w.fraction * (column[w.lower + 1] - column[w.lower]) }
            }
        }
        return TimeSeries(time: newTime, labels: labels, columns: newColumns, inDegrees: inDegrees)
    }

    /// The index of the sample at or before `t` and the fraction of the way to the next one.
    private func interpolationWeight(at t: Double) -> (lower: Int, fraction: Double) {
        let last = time.count - 1
        if !(t > time[0]) { return (0, 0) }
        if t >= time[last] { return (last, 0) }
        var low = 0, high = last // time[low] < t < time[high]
        while high - low > 1 {
            let middle = (low + high) / 2
            if time[middle] <= t { low = middle } else { high = middle }
        }
        return (low, (t - time[low]) / (time[low + 1] - time[low]))
    }

    /// Uniform times covering `start...end` at `rate` Hz (the last time is at or before `end`).
    public static func uniformTimes(from start: Double, to end: Double, rate: Double) -> [Double] {
        precondition(rate > 0, "uniformTimes: rate must be positive")
        guard end >= start else { return [] }
        let count = Int(((end - start) * rate * (1 + 1e-12)).rounded(.down)) + 1
        return (0..<count).map { start + Double($0) / rate }
    }
}
