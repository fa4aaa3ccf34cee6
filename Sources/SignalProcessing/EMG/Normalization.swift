import BiomechIO

/// How EMG envelopes are scaled to the 0–1 range of muscle excitation: one value per channel, which divides
/// that channel in every trial of the subject (a per-trial value would make trials incomparable and turn a
/// light trial's noise into full excitation).
public enum Normalization: Sendable, Hashable {
    /// Each channel divided by its largest value over all the trials processed together.
    case peak
    /// Each channel divided by the envelope value of its maximum voluntary contraction, given per channel label.
    case maximumVoluntaryContraction([String: Double])

    /// The normalisation value of one channel, whose samples over several trials are `segments`.
    /// - Throws: ``SignalProcessingError`` if the value is not positive and finite, or an MVC value is missing.
    public func value(forChannel channel: String, segments: [[Double]]) throws -> Double {
        let value: Double
        switch self {
        case .peak:
            value = segments.lazy.compactMap { $0.max() }.max() ?? 0
        case .maximumVoluntaryContraction(let values):
            guard let given = values[channel] else { throw SignalProcessingError.missingChannel(channel) }
            value = given
        }
        guard value.isFinite, value > 0 else { throw SignalProcessingError.invalidNormalizer(channel: channel, value: value) }
        return value
    }

    /// One value per channel label over all `trials` together; every trial must have the same channels.
    public func values(for trials: [TimeSeries]) throws -> [String: Double] {
        guard let labels = trials.first?.labels else { throw SignalProcessingError.emptyInput("the trials to normalise") }
        var values = [String: Double]()
        for label in labels {
            let segments = try trials.map { trial -> [Double] in
                guard let column = trial.column(label) else { throw SignalProcessingError.missingChannel(label) }
                return column
            }
            values[label] = try value(forChannel: label, segments: segments)
        }
        return values
    }
}

extension TimeSeries {
    /// Every column divided by its channel's value in `values` (from ``Normalization/values(for:)``).
    /// - Throws: ``SignalProcessingError/missingChannel(_:)`` for a column without a value.
    public func normalized(by values: [String: Double]) throws -> TimeSeries {
        var scaled = self
        for (index, label) in labels.enumerated() {
            guard let value = values[label] else { throw SignalProcessingError.missingChannel(label) }
            scaled.columns[index] = columns[index].map { $0 / value }
        }
        return scaled
    }
}
