import Testing
@testable import Charts

/// Dense lines are drawn as their per-pixel envelope: every pixel column keeps its first, lowest, highest and last
/// point, so peaks survive, and gaps still split the line.
@Suite struct LineDecimationTests {
    @Test func sparseLinesAreDrawnWhole() {
        let x = (0..<100).map(Double.init), y = x.map { $0 * $0 }
        let runs = LineDecimation.runs(x: x, y: y, width: 100) { $0 }
        #expect(runs.count == 1 && runs[0].count == 100)
    }

    @Test func denseLinesKeepEveryColumnsExtremes() {
        // 1,000,000 samples over 100 pixels, with one spike in column 42.
        let x = (0..<1_000_000).map { Double($0) / 10_000 }
        var y = x.map { ($0 * 7).truncatingRemainder(dividingBy: 1) }
        y[420_123] = 50
        let runs = LineDecimation.runs(x: x, y: y, width: 100) { $0 }
        #expect(runs.count == 1)
        #expect(runs[0].count <= 4 * 100)
        #expect(runs[0].contains { $0.y == 50 }, "the spike survives")
        #expect(runs[0].first?.x == 0 && runs[0].last?.x == x.last, "the line still spans the data")
        #expect(zip(runs[0], runs[0].dropFirst()).allSatisfy { $0.x <= $1.x }, "points stay in order")
    }

    @Test func gapsSplitDenseLines() {
        let x = (0..<100_000).map { Double($0) / 1000 }
        var y = x
        y[50_000] = .nan
        let runs = LineDecimation.runs(x: x, y: y, width: 100) { $0 }
        #expect(runs.count == 2)
    }
}
