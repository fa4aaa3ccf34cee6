import Testing
import Foundation
import SeededRandom
@testable import Charts

/// Expected ticks worked out by hand from Heckbert's algorithm (Graphics Gems, 1990): range = nicenum(max - min,
/// round: false), step = nicenum(range / (n - 1), round: true), domain widened to multiples of step.
@Suite struct NiceScaleTests {
    @Test func unitIntervalGetsStepsOfTwoTenths() {
        let scale = NiceScale(minimum: 0, maximum: 1)
        #expect(scale.step == 0.2)
        #expect(scale.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(scale.ticks.map(scale.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func emgViewRangeMatchesMatplotlibStep() {
        // matplotlib labelled 0.3 … 0.6 (step 0.1) for this range; the loose domain adds 0.2 and 0.7.
        let scale = NiceScale(minimum: 0.22, maximum: 0.62)
        #expect(scale.step == 0.1)
        #expect(scale.ticks == [0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    }

    @Test func negativeToPositiveRangeWidensOutwards() {
        let scale = NiceScale(minimum: -3.7, maximum: 12.1)
        #expect(scale.step == 5)
        #expect(scale.lower == -5)
        #expect(scale.upper == 15)
        #expect(scale.ticks.map(scale.label) == ["-5", "0", "5", "10", "15"])
    }

    @Test func constantSeriesStillGetsAnAxis() {
        let scale = NiceScale(minimum: 1000, maximum: 1000)
        #expect(scale.lower == 900)
        #expect(scale.upper == 1100)
        #expect(scale.step == 50)
        let zero = NiceScale(minimum: 0, maximum: 0)
        #expect(zero.lower < 0 && zero.upper > 0)
    }

    @Test func stepsAreAlwaysOneTwoOrFiveTimesAPowerOfTen() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<500 {
            let a = Double.random(in: -1e4..<1e4, using: &generator) * pow(10, Double.random(in: -6..<3, using: &generator))
            let b = a + Double.random(in: 1e-6..<1e5, using: &generator)
            let scale = NiceScale(minimum: a, maximum: b, tickCount: 2 + Int(Double.random(in: 0..<8, using: &generator)))
            let mantissa = scale.step / pow(10, log10(scale.step).rounded(.down))
            #expect([1, 2, 5, 10].contains { abs(mantissa - Double($0)) < 1e-9 }, "step \(scale.step)")
            #expect(scale.lower <= a && scale.upper >= b)
            #expect(scale.ticks.count >= 2 && scale.ticks.count <= 12)
        }
    }

    @Test func ticksHaveNoFloatingPointNoise() {
        let scale = NiceScale(minimum: 0.1, maximum: 0.7)
        for tick in scale.ticks {
            #expect(scale.label(tick).count <= 4, "label \(scale.label(tick))")
        }
        #expect(scale.ticks == [0, 0.2, 0.4, 0.6, 0.8])
    }

    @Test func nonFiniteValuesAreIgnored() {
        let scale = NiceScale(covering: [.nan, 2, .infinity, 4])
        #expect(scale.lower <= 2 && scale.upper >= 4 && scale.upper < 10)
    }
}
