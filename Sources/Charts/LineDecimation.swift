/// Reduces a dense line to what a plot can show: per pixel column its first, lowest, highest and last point, in
/// order. A line through those covers the same pixels as one through every point (the min/max envelope a screen
/// draws), so a chart of 20 million samples stays a few kilobytes; the full data stay in the notebook's JSON and
/// .sto files.
struct LineDecimation {
    /// Lines with at most this many points per pixel of plot width are drawn whole.
    static let pointsPerPixel = 4

    /// The runs of finite points of `(x, y)` (a non-finite value ends a run), each decimated to at most four points
    /// per pixel column when the line has more than ``pointsPerPixel`` points per pixel of `width`; `column` gives a
    /// point's pixel column.
    static func runs(x: [Double], y: [Double], width: Double, column: (Double) -> Double) -> [[(x: Double, y: Double)]] {
        let dense = Double(min(x.count, y.count)) > Double(pointsPerPixel) * max(width, 1)
        var runs: [[(x: Double, y: Double)]] = []
        var run: [(x: Double, y: Double)] = []
        var bucket = Bucket()
        func endRun() {
            bucket.flush(into: &run)
            if !run.isEmpty { runs.append(run) }
            run = []
        }
        for (xValue, yValue) in zip(x, y) {
            guard xValue.isFinite, yValue.isFinite else { endRun(); continue }
            guard dense else { run.append((xValue, yValue)); continue }
            let pixel = column(xValue).rounded(.down)
            if pixel != bucket.pixel { bucket.flush(into: &run); bucket.pixel = pixel }
            bucket.add((xValue, yValue))
        }
        endRun()
        return runs
    }

    /// The points of one pixel column seen so far.
    private struct Bucket {
        var pixel = Double.nan
        var first: (x: Double, y: Double)?, last: (x: Double, y: Double)?
        var lowest: (index: Int, point: (x: Double, y: Double))?, highest: (index: Int, point: (x: Double, y: Double))?
        var count = 0

        mutating func add(_ point: (x: Double, y: Double)) {
            if first == nil { first = point }
            last = point
            if point.y < lowest?.point.y ?? .infinity { lowest = (count, point) }
            if point.y > highest?.point.y ?? -.infinity { highest = (count, point) }
            count += 1
        }

        /// Appends the column's first, lowest, highest and last points in their order, and empties it.
        mutating func flush(into run: inout [(x: Double, y: Double)]) {
            guard let first, let last, let lowest, let highest else { return }
            var indexed = [(0, first), (count - 1, last), lowest, highest]
            indexed.sort { $0.0 < $1.0 }
            var previous = -1
            for (index, point) in indexed where index != previous {
                run.append(point)
                previous = index
            }
            self = Bucket()
        }
    }
}
