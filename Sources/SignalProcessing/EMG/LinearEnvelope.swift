/// The linear envelope of an EMG signal: full-wave rectification, then a zero-phase Butterworth low-pass
/// (classically about 6 Hz), which estimates the signal's amplitude as it changes with muscle excitation.
///
/// An envelope is an amplitude, but a low-pass filter rings a little after sharp changes and can dip below
/// zero where the rectified signal is near zero; those samples are set to 0 so that downstream steps that
/// need non-negative data (normalisation, non-negative matrix factorisation) can rely on it.
public struct LinearEnvelope: Sendable, Hashable {
    /// The low-pass cut-off in hertz.
    public var cutoff: Double
    /// The order of the Butterworth low-pass (applied forward and backward, so its effect on the magnitude is doubled).
    public var order: Int

    /// Creates an envelope detector; the defaults are the common 6 Hz, 4th order.
    public init(cutoff: Double = 6, order: Int = 4) {
        self.cutoff = cutoff
        self.order = order
    }

    /// The envelope of `signal` sampled at `sampleRate` hertz.
    /// - Throws: ``SignalProcessingError`` for a cut-off at or above Nyquist or a signal shorter than the filter's padding.
    public func apply(to signal: [Double], sampleRate: Double) throws -> [Double] {
        let lowPass = try ButterworthFilter(order: order, band: .lowPass(cutoff: cutoff), sampleRate: sampleRate)
        return clippedAtZero(try lowPass.filtfilt(fullWaveRectified(signal)))
    }
}

/// `signal` with negative samples set to 0: an amplitude cannot be negative, but a low-pass filter's ringing can
/// take it below zero near sharp changes.
func clippedAtZero(_ signal: [Double]) -> [Double] {
    signal.map { max($0, 0) }
}
