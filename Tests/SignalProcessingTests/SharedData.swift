import Foundation

/// Paths of the shared reference data (../shared/data beside the package root), read-only.
enum SharedData {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// ../shared/data/arm26-lifting/S01
    static let s01 = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/arm26-lifting/S01").path

    /// ../shared/data/rajagopal-walk
    static let walk = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/rajagopal-walk").path

    /// A file of trial `number` (1–10) of S01.
    static func s01Trial(_ number: Int, _ name: String) -> String {
        String(format: "%@/trial%02d/%@", s01, number, name)
    }
}

/// Pearson's correlation coefficient of two equally long sequences.
func pearson(_ x: [Double], _ y: [Double]) -> Double {
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
func rootMeanSquareError(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count && !x.isEmpty, "RMSE needs two equally long sequences")
    return (zip(x, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(x.count)).squareRoot()
}
