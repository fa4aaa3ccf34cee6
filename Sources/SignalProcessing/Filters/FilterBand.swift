/// The pass band of a low-, high- or band-pass filter, in hertz.
public enum FilterBand: Sendable, Hashable {
    /// Passes frequencies below `cutoff`.
    case lowPass(cutoff: Double)
    /// Passes frequencies above `cutoff`.
    case highPass(cutoff: Double)
    /// Passes frequencies between `low` and `high`.
    case bandPass(low: Double, high: Double)

    /// The cut-off frequencies in hertz, ascending.
    public var cutoffs: [Double] {
        switch self {
        case .lowPass(let cutoff), .highPass(let cutoff): return [cutoff]
        case .bandPass(let low, let high): return [low, high]
        }
    }

    /// Checks that every cut-off lies strictly between 0 and the Nyquist frequency and that a band is not empty.
    func validate(sampleRate: Double) throws {
        guard sampleRate.isFinite, sampleRate > 0 else { throw SignalProcessingError.invalidSampleRate(sampleRate) }
        let valid = cutoffs.allSatisfy { $0.isFinite && $0 > 0 && $0 < sampleRate / 2 }
        let ordered = zip(cutoffs, cutoffs.dropFirst()).allSatisfy { $0 < $1 }
        guard valid, ordered else { throw SignalProcessingError.invalidCutoff(cutoffs: cutoffs, sampleRate: sampleRate) }
    }
}
