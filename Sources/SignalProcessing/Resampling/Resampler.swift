import BiomechIO

/// Puts a signal onto another time base by linear interpolation, low-pass filtering it first when the new
/// time base is coarser (anti-aliasing), so that content above the new Nyquist frequency is removed rather
/// than folded back onto lower frequencies.
///
/// The anti-aliasing filter is a zero-phase Butterworth low-pass at `cutoffFraction` of the new Nyquist
/// frequency. A signal that is already band-limited far below it (an EMG envelope at 6 Hz going to 100 Hz)
/// passes through essentially unchanged. Interpolation holds the first and last values for new times
/// that lie within half a sample outside the signal's time range, and rejects times further out.
public struct Resampler: Sendable, Hashable {
    /// The order of the anti-aliasing Butterworth low-pass.
    public var antiAliasingOrder: Int
    /// The anti-aliasing cut-off as a fraction of the new Nyquist frequency, in (0, 1).
    public var cutoffFraction: Double

    /// Creates a resampler; by default a 4th-order low-pass at 80 % of the new Nyquist frequency.
    public init(antiAliasingOrder: Int = 4, cutoffFraction: Double = 0.8) {
        precondition(cutoffFraction > 0 && cutoffFraction < 1, "cutoffFraction must lie in (0, 1)")
        self.antiAliasingOrder = antiAliasingOrder
        self.cutoffFraction = cutoffFraction
    }

    /// `signal`, sampled at `time` (seconds, uniform when the new time base is coarser), at the times `newTime`.
    /// - Throws: ``SignalProcessingError`` for mismatched lengths, times that do not increase, irregular sampling
    ///   where a filter is needed, or new times outside the signal's time range.
    public func resample(_ signal: [Double], time: [Double], onto newTime: [Double]) throws -> [Double] {
        guard signal.count == time.count else {
            throw SignalProcessingError.lengthMismatch(what: "signal samples for its times", expected: time.count, actual: signal.count)
        }
        let series = TimeSeries(time: time, labels: ["signal"], columns: [signal])
        return try resample(series, onto: newTime).columns[0]
    }

    /// Every column of `series` at the times `newTime`; the labels and units are kept.
    public func resample(_ series: TimeSeries, onto newTime: [Double]) throws -> TimeSeries {
        guard !series.time.isEmpty else { throw SignalProcessingError.emptyInput("the signal to resample") }
        try requireIncreasing(series.time)
        try requireIncreasing(newTime)
        try requireInside(newTime, of: series.time)
        guard let cutoff = antiAliasingCutoff(from: series.time, to: newTime) else {
            return series.resampled(onto: newTime)
        }
        guard let rate = series.sampleRate else {
            throw SignalProcessingError.nonUniformSampling("a signal that is downsampled (anti-aliasing filter)")
        }
        let lowPass = try ButterworthFilter(order: antiAliasingOrder, band: .lowPass(cutoff: cutoff), sampleRate: rate)
        var filtered = series
        filtered.columns = try series.columns.map { try lowPass.filtfilt($0) }
        return filtered.resampled(onto: newTime)
    }

    /// The anti-aliasing cut-off in hertz when `newTime` is sampled more coarsely than `time`, nil otherwise.
    private func antiAliasingCutoff(from time: [Double], to newTime: [Double]) -> Double? {
        guard time.count >= 2, newTime.count >= 2 else { return nil }
        let interval = (time[time.count - 1] - time[0]) / Double(time.count - 1)
        let newInterval = (newTime[newTime.count - 1] - newTime[0]) / Double(newTime.count - 1)
        guard newInterval > interval * (1 + 1e-9) else { return nil }
        return cutoffFraction * 0.5 / newInterval
    }
}

/// Throws unless `time` strictly increases.
func requireIncreasing(_ time: [Double]) throws {
    for index in time.indices.dropFirst() where !(time[index] > time[index - 1]) {
        throw SignalProcessingError.timeNotIncreasing(index: index)
    }
}

/// Throws unless every new time lies within the signal's time range, widened by half a sample interval
/// (so that a time base that ends a rounding error or half a sample beyond the signal is accepted).
private func requireInside(_ newTime: [Double], of time: [Double]) throws {
    let first = time[0], last = time[time.count - 1]
    let slack = time.count >= 2 ? 0.5 * (last - first) / Double(time.count - 1) : 0
    if let outside = newTime.first(where: { $0 < first - slack || $0 > last + slack }) {
        throw SignalProcessingError.timeOutsideRange(time: outside, range: first...last)
    }
}
