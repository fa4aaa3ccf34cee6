/// Central finite difference of `f` at `x` with step `h`, the independent reference for analytic derivatives.
public func centralDifference(_ f: (Double) -> Double, at x: Double, step h: Double = 1e-6) -> Double {
    (f(x + h) - f(x - h)) / (2 * h)
}

/// The central finite difference of `f` at `x` along its `index`-th variable.
public func partialDerivative(_ f: ([Double]) -> Double, at x: [Double], index: Int, step h: Double = 1e-6) -> Double {
    centralDifference({ value in
        var moved = x
        moved[index] = value
        return f(moved)
    }, at: x[index], step: h)
}

/// |a − b| within `absolute` + `relative`·max(|a|, |b|).
public func close(_ a: Double, _ b: Double, relative: Double = 1e-6, absolute: Double = 1e-9) -> Bool {
    abs(a - b) <= absolute + relative * max(abs(a), abs(b))
}

/// Pearson's correlation coefficient of two equally long sequences, written out here as an independent reference
/// for the metrics nmm reports.
public func pearson(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count && x.count > 1, "pearson needs two equally long sequences")
    let meanX = x.reduce(0, +) / Double(x.count)
    let meanY = y.reduce(0, +) / Double(y.count)
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for (a, b) in zip(x, y) {
        sxy += (a - meanX) * (b - meanY)
        sxx += (a - meanX) * (a - meanX)
        syy += (b - meanY) * (b - meanY)
    }
    return sxy / (sxx * syy).squareRoot()
}

/// Root-mean-square difference of two equally long sequences.
public func rootMeanSquareError(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count && !x.isEmpty, "RMSE needs two equally long sequences")
    return (zip(x, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(x.count)).squareRoot()
}

/// Where two `[row][column]` tables first differ ("row 2, column 17: 0.31 vs 0.32"; or their shapes), nil when they are
/// equal: a failed comparison of long series then names the place instead of printing both.
public func firstDifference(_ a: [[Double]], _ b: [[Double]]) -> String? {
    guard a.count == b.count else { return "\(a.count) rows vs \(b.count)" }
    for (row, (x, y)) in zip(a, b).enumerated() {
        guard x.count == y.count else { return "row \(row): \(x.count) columns vs \(y.count)" }
        if let column = x.indices.first(where: { x[$0] != y[$0] }) { return "row \(row), column \(column): \(x[column]) vs \(y[column])" }
    }
    return nil
}
