extension Trial {
    /// The trial with every channel on the kinematics' time base, cut to the span all channels
    /// cover (the overlap): kinematics keep their own samples inside it, the others are linearly
    /// interpolated onto those times. Raw EMG is only cut to the overlap and keeps its own rate,
    /// because interpolating a raw signal down aliases it: process it first, then call
    /// `resampled(onto: trial.time)`.
    public func aligned() -> Trial {
        let span = overlap()
        return placed(onto: kinematics.time.filter { $0 >= span.lowerBound - 1e-9 && $0 <= span.upperBound + 1e-9 }, span: span)
    }

    /// The trial with every channel linearly interpolated onto uniform times at `rate` Hz from the start
    /// of the overlap to its end; raw EMG is only cut to the overlap, as in `aligned()`.
    public func aligned(rate: Double) -> Trial {
        let span = overlap()
        return placed(onto: TimeSeries.uniformTimes(from: span.lowerBound, to: span.upperBound, rate: rate), span: span)
    }

    private func placed(onto time: [Double], span: ClosedRange<Double>) -> Trial {
        mappingSeries({ $0.time == time ? $0 : $0.resampled(onto: time) },
                      rawEMG: { raw in raw.selectingRows { $0 >= span.lowerBound && $0 <= span.upperBound } })
    }

    /// The trial with `transform` applied to every series but the raw EMG, and `rawTransform` to that.
    func mappingSeries(_ transform: (TimeSeries) -> TimeSeries, rawEMG rawTransform: (TimeSeries) -> TimeSeries) -> Trial {
        var mapped = self
        mapped.kinematics = transform(kinematics)
        mapped.inverseDynamics = inverseDynamics.map(transform)
        mapped.load = load.map(transform)
        mapped.emg = emg.map(transform)
        mapped.rawEMG = rawEMG.map(rawTransform)
        mapped.muscleAnalysis = muscleAnalysis.mapValues(transform)
        mapped.evaluationOnly = EvaluationData(series: evaluationOnly.series.mapValues(transform))
        return mapped
    }

    /// The time span covered by every series (raw EMG included), from the latest start to the earliest end.
    public func overlap() -> ClosedRange<Double> {
        let all = [kinematics, inverseDynamics, load, emg, rawEMG].compactMap { $0 } + Array(muscleAnalysis.values)
            + Array(evaluationOnly.series.values)
        let spans = all.compactMap { series -> (Double, Double)? in
            guard let first = series.time.first, let last = series.time.last else { return nil }
            return (first, last)
        }
        let start = spans.map(\.0).max() ?? 0
        let end = spans.map(\.1).min() ?? 0
        return start <= end ? start...end : start...start
    }
}

extension TimeSeries {
    /// The rows whose time satisfies `keep`.
    public func selectingRows(where keep: (Double) -> Bool) -> TimeSeries {
        let rows = time.indices.filter { keep(time[$0]) }
        return TimeSeries(time: rows.map { time[$0] }, labels: labels, columns: columns.map { column in rows.map { column[$0] } },
                          inDegrees: inDegrees)
    }
}
