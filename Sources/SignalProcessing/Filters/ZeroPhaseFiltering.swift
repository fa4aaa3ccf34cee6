/// A linear time-invariant digital filter that can start from the steady state of a constant input,
/// which is all forward-backward (zero-phase) filtering needs.
public protocol LinearFilter: Sendable {
    /// The default number of samples added at each end before zero-phase filtering (scipy's default `padlen`).
    var defaultPadLength: Int { get }

    /// Filters `signal` forward in time, starting from the state the filter would have reached after
    /// an infinitely long constant input equal to `steadyStateInput` (scipy: `zi = lfilter_zi · x0`).
    func filter(_ signal: [Double], steadyStateInput: Double) -> [Double]
}

extension LinearFilter {
    /// Zero-phase filtering: forward, then backward, as `scipy.signal.filtfilt` / `sosfiltfilt` with
    /// `padtype='odd'` and `method='pad'`.
    ///
    /// The signal is first extended at each end by `padLength` samples reflected through the end value
    /// (odd extension, 2·x[0] − x[k]), which keeps the level and slope continuous; each pass starts
    /// from the steady state of its first sample, so a constant signal passes through unchanged.
    /// The magnitude response is the filter's squared and the phase is zero.
    ///
    /// - Parameter padLength: samples of odd extension at each end; `nil` takes ``defaultPadLength``.
    /// - Throws: ``SignalProcessingError/signalTooShort(length:padLength:)`` when the signal is not longer
    ///   than the padding (the same condition on which scipy raises), and
    ///   ``SignalProcessingError/nonFiniteSample(index:value:)`` for a NaN or infinite sample.
    public func filtfilt(_ signal: [Double], padLength: Int? = nil) throws -> [Double] {
        let edge = padLength ?? defaultPadLength
        precondition(edge >= 0, "padLength must not be negative")
        guard signal.count > edge else {
            throw SignalProcessingError.signalTooShort(length: signal.count, padLength: edge)
        }
        if let index = signal.firstIndex(where: { !$0.isFinite }) {
            throw SignalProcessingError.nonFiniteSample(index: index, value: signal[index])
        }
        guard !signal.isEmpty else { return [] }
        let extended = oddExtension(signal, edge: edge)
        var output = filter(extended, steadyStateInput: extended[0])
        output.reverse()
        output = filter(output, steadyStateInput: output[0])
        output.reverse()
        return Array(output[edge..<(edge + signal.count)])
    }
}

/// `signal` with `edge` samples at each end reflected through the end values (scipy's `odd_ext`).
func oddExtension(_ signal: [Double], edge: Int) -> [Double] {
    guard edge > 0 else { return signal }
    let first = signal[0]
    let last = signal[signal.count - 1]
    let head = (1...edge).reversed().map { 2 * first - signal[$0] }
    let tail = (1...edge).map { 2 * last - signal[signal.count - 1 - $0] }
    return head + signal + tail
}
