import BiomechIO

extension EMGPipeline {
    /// The normalisation value of each channel from recordings of maximum voluntary contractions (or of a whole
    /// session, for peak normalisation): the largest value of its envelope over all of them. A channel several
    /// recordings share takes the largest; a channel whose envelope is never positive is left out.
    public func maximumEnvelopes(of recordings: [TimeSeries]) throws -> [String: Double] {
        var values: [String: Double] = [:]
        for raw in recordings {
            let envelopes = try envelopes(of: raw)
            for (label, column) in zip(envelopes.labels, envelopes.columns) { values[label] = max(values[label] ?? 0, column.max() ?? 0) }
        }
        return values.filter { $0.value > 0 && $0.value.isFinite }
    }
}
