import BiomechIO

/// Raw surface EMG to normalised excitation-like envelopes, the classical chain:
/// band-pass (20–450 Hz: removes movement artefact and high-frequency noise), full-wave rectification,
/// linear envelope (6 Hz low-pass), optional electromechanical delay, resampling onto the kinematics' time
/// base, and normalisation with one value per channel for the whole subject.
///
/// ```swift
/// let pipeline = EMGPipeline()
/// let result = try pipeline.process(raws, onto: kinematics.map(\.time))
/// // result.envelopes[trial] holds 0–1 envelopes; result.normalizers the value per channel
/// ```
public struct EMGPipeline: Sendable, Hashable {
    /// The band-pass applied to the raw signal.
    public var bandPass: FilterBand
    /// The order of the band-pass Butterworth filter (2·order poles, applied forward and backward).
    public var bandPassOrder: Int
    /// Rectification and low-pass.
    public var envelope: LinearEnvelope
    /// The electromechanical delay in seconds (0 for none): the envelope at t is the EMG of t − delay.
    public var electromechanicalDelay: Double
    /// How the envelopes are scaled to 0–1.
    public var normalization: Normalization
    /// How envelopes go onto another time base.
    public var resampler: Resampler

    /// Creates a pipeline; the defaults are a 4th-order 20–450 Hz band-pass, a 4th-order 6 Hz envelope,
    /// no delay and peak normalisation over all trials.
    public init(
        bandPass: FilterBand = .bandPass(low: 20, high: 450), bandPassOrder: Int = 4,
        envelope: LinearEnvelope = LinearEnvelope(), electromechanicalDelay: Double = 0,
        normalization: Normalization = .peak, resampler: Resampler = Resampler()
    ) {
        self.bandPass = bandPass
        self.bandPassOrder = bandPassOrder
        self.envelope = envelope
        self.electromechanicalDelay = electromechanicalDelay
        self.normalization = normalization
        self.resampler = resampler
    }

    /// What ``process(_:onto:)`` returns.
    public struct Result: Sendable, Equatable {
        /// One series of normalised envelopes per trial, in the order given.
        public var envelopes: [TimeSeries]
        /// The normalisation value of each channel (in the raw signal's units), shared by all trials.
        public var normalizers: [String: Double]
    }

    /// The envelope of one raw channel sampled at `sampleRate` hertz: band-pass, rectify, low-pass, delay.
    /// Not normalised.
    public func envelope(of raw: [Double], sampleRate: Double) throws -> [Double] {
        let filter = try ButterworthFilter(order: bandPassOrder, band: bandPass, sampleRate: sampleRate)
        let amplitude = try envelope.apply(to: try filter.filtfilt(raw), sampleRate: sampleRate)
        return electromechanicalDelay == 0 ? amplitude : try delayed(amplitude, by: electromechanicalDelay, sampleRate: sampleRate)
    }

    /// The envelopes of every channel of one trial's raw EMG, on `newTime` when it is given (for instance
    /// the kinematics' or a processed-EMG file's time base), on the raw time base otherwise. Not normalised.
    /// - Throws: ``SignalProcessingError`` when the raw EMG is not uniformly sampled or a step cannot run.
    public func envelopes(of raw: TimeSeries, onto newTime: [Double]? = nil) throws -> TimeSeries {
        guard let rate = raw.sampleRate else { throw SignalProcessingError.nonUniformSampling("raw EMG") }
        var result = raw
        result.columns = try raw.columns.map { try envelope(of: $0, sampleRate: rate) }
        guard let newTime else { return result }
        // The anti-aliasing low-pass can ring slightly below zero again; an envelope stays non-negative.
        var resampled = try resampler.resample(result, onto: newTime)
        resampled.columns = resampled.columns.map(clippedAtZero)
        return resampled
    }

    /// The normalised envelopes of all the trials of one subject: each trial processed by
    /// ``envelopes(of:onto:)`` (onto `timeBases[i]` for trial i when given), then every channel divided by one
    /// value computed over all trials together.
    public func process(_ trials: [TimeSeries], onto timeBases: [[Double]]? = nil) throws -> Result {
        if let timeBases, timeBases.count != trials.count {
            throw SignalProcessingError.lengthMismatch(what: "time bases for the trials", expected: trials.count, actual: timeBases.count)
        }
        let unscaled = try trials.indices.map { try envelopes(of: trials[$0], onto: timeBases?[$0]) }
        let normalizers = try normalization.values(for: unscaled)
        return Result(envelopes: try unscaled.map { try $0.normalized(by: normalizers) }, normalizers: normalizers)
    }
}
