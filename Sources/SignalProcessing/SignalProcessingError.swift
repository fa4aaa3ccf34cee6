/// What went wrong when a signal-processing step was given arguments it cannot work with.
///
/// Every case carries the offending value and says what was expected, so a notebook or
/// command-line user can correct the call without reading the source.
public enum SignalProcessingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A filter order below 1.
    case invalidFilterOrder(Int)
    /// A sample rate that is not a positive finite number.
    case invalidSampleRate(Double)
    /// Cut-off frequencies outside 0 < f < Nyquist, or a band whose low edge is not below its high edge.
    case invalidCutoff(cutoffs: [Double], sampleRate: Double)
    /// A filter met a NaN or infinite sample, which would spread over the whole output.
    case nonFiniteSample(index: Int, value: Double)
    /// A zero-phase filter needs more samples than its edge padding (scipy's `padlen`).
    case signalTooShort(length: Int, padLength: Int)
    /// Two sequences that must have the same length do not.
    case lengthMismatch(what: String, expected: Int, actual: Int)
    /// A time vector that does not strictly increase at `index`.
    case timeNotIncreasing(index: Int)
    /// A step that needs uniformly sampled data (a filter) got samples at irregular times.
    case nonUniformSampling(String)
    /// Resampling was asked for a time outside the signal's time range.
    case timeOutsideRange(time: Double, range: ClosedRange<Double>)
    /// A normalisation value that is not a positive finite number (a zero peak, or a bad MVC value).
    case invalidNormalizer(channel: String, value: Double)
    /// A named channel that the data does not contain.
    case missingChannel(String)
    /// A matrix entry that must not be negative (non-negative matrix factorisation).
    case negativeEntry(row: Int, column: Int, value: Double)
    /// A factorisation rank outside 1...min(rows, columns).
    case invalidRank(rank: Int, rows: Int, columns: Int)
    /// An empty input where at least one sample, channel or trial is needed.
    case emptyInput(String)

    public var description: String {
        switch self {
        case .invalidFilterOrder(let order):
            return "filter order must be at least 1, got \(order)"
        case .invalidSampleRate(let rate):
            return "sample rate must be a positive number of hertz, got \(rate)"
        case .invalidCutoff(let cutoffs, let rate):
            let list = cutoffs.map { "\($0)" }.joined(separator: ", ")
            return "cut-off frequencies [\(list)] Hz must lie strictly between 0 and the Nyquist frequency "
                + "\(rate / 2) Hz (sample rate \(rate) Hz), a band's low edge below its high edge"
        case .nonFiniteSample(let index, let value):
            return "sample \(index) is \(value); filtering needs finite samples (fill or trim the gap first)"
        case .signalTooShort(let length, let padLength):
            return "the signal has \(length) samples; zero-phase filtering needs more than its padding of "
                + "\(padLength) samples (use a lower filter order or a longer signal)"
        case .lengthMismatch(let what, let expected, let actual):
            return "\(what): expected \(expected) values, got \(actual)"
        case .timeNotIncreasing(let index):
            return "time must strictly increase, but it does not at sample \(index)"
        case .nonUniformSampling(let what):
            return "\(what) must be sampled at a constant rate, but its time steps vary"
        case .timeOutsideRange(let time, let range):
            return "time \(time) s lies outside the signal's time range \(range.lowerBound)...\(range.upperBound) s"
        case .invalidNormalizer(let channel, let value):
            return "channel \(channel): normalisation value must be a positive finite number, got \(value)"
        case .missingChannel(let name):
            return "no channel named \(name)"
        case .negativeEntry(let row, let column, let value):
            return "non-negative matrix factorisation needs non-negative data, but row \(row), column \(column) is \(value)"
        case .invalidRank(let rank, let rows, let columns):
            return "factorisation rank must be between 1 and \(min(rows, columns)) for a \(rows) x \(columns) matrix, got \(rank)"
        case .emptyInput(let what):
            return "\(what) must not be empty"
        }
    }
}
