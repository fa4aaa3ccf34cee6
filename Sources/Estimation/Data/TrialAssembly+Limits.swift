extension TrialAssembly {
    /// The uniform rates (Hz) signals may be resampled to: surface EMG is band-limited to ~500 Hz, and 10 kHz keeps a
    /// minute-long trial to 600,000 frames.
    public static let sampleRates: ClosedRange<Double> = 1...10_000
    /// Frames a trial may have once resampled (80 MB per channel of Doubles).
    public static let maximumFrames = 10_000_000

    /// Throws unless `rate` is a finite rate inside ``sampleRates`` that gives a trial spanning `seconds` at most
    /// ``maximumFrames`` frames; checked before any signal is resampled.
    static func checkSampleRate(_ rate: Double, seconds: Double, trial directory: String) throws {
        guard rate.isFinite, sampleRates.contains(rate) else {
            throw EstimationError("sample rate \(rate) Hz: expected a rate from \(Int(sampleRates.lowerBound)) to \(Int(sampleRates.upperBound)) Hz")
        }
        guard seconds * rate <= Double(maximumFrames) else {
            throw EstimationError("\(directory): \(seconds) s at \(rate) Hz would be more than \(maximumFrames) frames; choose a lower rate")
        }
    }
}
