/// A table of samples on one time base (time in seconds, columns by label).
///
/// Values are stored exactly as the file gave them: `inDegrees` records what the file said, and
/// `inRadians()` converts the rotational columns when it is true.
public struct TimeSeries: Sendable, Equatable, Codable {
    /// Sample times in seconds, strictly increasing.
    public var time: [Double]
    /// Column labels, without the time column.
    public var labels: [String]
    /// The samples: `columns[c][row]` belongs to `labels[c]` at `time[row]`.
    public var columns: [[Double]]
    /// Whether rotational values are in degrees, as the file's `inDegrees` header said.
    public var inDegrees: Bool

    /// Creates a series; every column must have one value per time (a programmer error otherwise).
    public init(time: [Double], labels: [String], columns: [[Double]], inDegrees: Bool = false) {
        precondition(labels.count == columns.count, "TimeSeries: \(labels.count) labels for \(columns.count) columns")
        for column in columns {
            precondition(column.count == time.count, "TimeSeries: a column has \(column.count) values for \(time.count) times")
        }
        self.time = time
        self.labels = labels
        self.columns = columns
        self.inDegrees = inDegrees
    }

    /// The number of samples (rows).
    public var rowCount: Int { time.count }

    /// The values of the column labelled `label`, or nil when there is none.
    public func column(_ label: String) -> [Double]? {
        guard let index = labels.firstIndex(of: label) else { return nil }
        return columns[index]
    }

    /// The sampling rate in Hz when the samples are uniformly spaced (within 0.1 % of the mean
    /// interval, which tolerates times printed with few decimals), nil otherwise or with < 2 rows.
    public var sampleRate: Double? {
        guard time.count >= 2 else { return nil }
        let meanInterval = (time[time.count - 1] - time[0]) / Double(time.count - 1)
        guard meanInterval > 0 else { return nil }
        for row in 1..<time.count where abs(time[row] - time[row - 1] - meanInterval) > 1e-3 * meanInterval {
            return nil
        }
        return 1 / meanInterval
    }

    /// A copy keeping only the listed columns, in the order given (labels that are absent are skipped).
    public func selecting(_ wanted: [String]) -> TimeSeries {
        let indices = wanted.compactMap { labels.firstIndex(of: $0) }
        return TimeSeries(time: time, labels: indices.map { labels[$0] }, columns: indices.map { columns[$0] },
                          inDegrees: inDegrees)
    }
}
