import BiomechIO

extension SeriesSet {
    /// A series set holding the columns of a BiomechIO time series, labelled with what they measure.
    public init(_ series: TimeSeries, quantity: String, unit: String) {
        self.init(time: series.time,
                  channels: zip(series.labels, series.columns).map { Channel(name: $0, values: $1) },
                  quantity: quantity, unit: unit)
    }
}
