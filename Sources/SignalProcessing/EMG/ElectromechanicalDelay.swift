import BiomechIO

/// `signal` delayed by `delay` seconds on its own time base: y(t) = x(t − delay), by linear interpolation
/// between samples, holding the first value where t − delay falls before the start (and the last value for a
/// negative delay past the end).
///
/// Use it for the electromechanical delay: EMG precedes the force it causes by roughly 10–100 ms, so the
/// excitation that drives a muscle model at time t is the EMG envelope of time t − delay.
public func delayed(_ signal: [Double], by delay: Double, sampleRate: Double) throws -> [Double] {
    guard sampleRate.isFinite, sampleRate > 0 else { throw SignalProcessingError.invalidSampleRate(sampleRate) }
    let time = signal.indices.map { Double($0) / sampleRate }
    return TimeSeries(time: time, labels: ["signal"], columns: [signal]).delayed(by: delay).columns[0]
}

extension TimeSeries {
    /// Every column delayed by `delay` seconds on the same time base (see ``delayed(_:by:sampleRate:)``).
    public func delayed(by delay: Double) -> TimeSeries {
        var shifted = resampled(onto: time.map { $0 - delay })
        shifted.time = time
        return shifted
    }
}
