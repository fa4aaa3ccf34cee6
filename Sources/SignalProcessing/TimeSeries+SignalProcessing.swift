import BiomechIO

/// The signal-processing steps applied to every column of a uniformly sampled ``TimeSeries``.
extension TimeSeries {
    /// Every column zero-phase filtered by a Butterworth filter designed for this series' sample rate.
    /// - Throws: ``SignalProcessingError`` for irregular sampling, a bad design, or too few samples.
    public func filtered(order: Int, band: FilterBand) throws -> TimeSeries {
        let filter = try ButterworthFilter(order: order, band: band, sampleRate: try uniformSampleRate())
        return try mappingColumns { try filter.filtfilt($0) }
    }

    /// Every column full-wave rectified.
    public func rectified() -> TimeSeries {
        var result = self
        result.columns = columns.map(fullWaveRectified)
        return result
    }

    /// Every column's linear envelope (rectification and low-pass; see ``LinearEnvelope``).
    public func linearEnvelope(_ envelope: LinearEnvelope = LinearEnvelope()) throws -> TimeSeries {
        let rate = try uniformSampleRate()
        return try mappingColumns { try envelope.apply(to: $0, sampleRate: rate) }
    }

    /// The sample rate, or an error naming the problem when the samples are not uniformly spaced.
    private func uniformSampleRate() throws -> Double {
        guard let rate = sampleRate else { throw SignalProcessingError.nonUniformSampling("the series") }
        return rate
    }

    /// A copy with `transform` applied to every column.
    private func mappingColumns(_ transform: ([Double]) throws -> [Double]) rethrows -> TimeSeries {
        var result = self
        result.columns = try columns.map(transform)
        return result
    }
}
