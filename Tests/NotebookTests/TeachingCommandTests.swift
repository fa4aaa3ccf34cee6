import Charts
import Foundation
import Testing
@testable import Notebook

/// The teaching plots: key points of OpenSim 4.6's DeGrooteFregly2016Muscle curves and activation dynamics.
@Suite struct TeachingCommandTests {
    func run(_ code: String) throws -> NotebookHarness.Run {
        let harness = try NotebookHarness()
        return try harness.run(try harness.write("```nmm\n\(code)\n```\n"))
    }

    func tables(_ run: NotebookHarness.Run) -> [DataTable] {
        run.record.outcomes.flatMap(\.outputs).compactMap { if case .table(let table) = $0.content { return table } else { return nil } }
    }

    func value(_ table: DataTable, row: Int, column: Int) -> Double {
        if case .number(let value) = table.rows[row][column] { return value }
        return .nan
    }

    @Test func forceLengthPassesThroughItsKeyPoints() throws {
        let run = try run("plot force-length activations: [1, 0.5]")
        #expect(!run.record.failed)
        let table = try #require(tables(run).first)
        #expect(abs(value(table, row: 2, column: 1) - 1) < 1e-12, "active force is 1 at the optimal length")
        // Passive at l = 1: (1 − e^{4(0.2−1)/0.6}) / (e^4 − e^{4(0.2−1)/0.6}), OpenSim's formula worked by hand.
        let offset = exp(4 * (0.2 - 1) / 0.6)
        #expect(abs(value(table, row: 2, column: 2) - (1 - offset) / (exp(4) - offset)) < 1e-12)
        #expect(run.html.contains("total (a = 0.5)"))
    }

    @Test func forceVelocityIsZeroAtMaximumShorteningAndOneWhenIsometric() throws {
        let table = try #require(tables(try run("plot force-velocity")).first)
        #expect(abs(value(table, row: 0, column: 1)) < 1e-9)
        #expect(abs(value(table, row: 3, column: 1) - 1) < 1e-9)
        #expect(value(table, row: 6, column: 1) > 1.5, "lengthening resists with more than isometric force")
    }

    @Test func activationRisesTowardsTheExcitationAndErrorsPointAtBadValues() throws {
        let good = try run("plot activation activation-times: [0.01, 0.04] pulse: [0.1, 0.5]")
        #expect(!good.record.failed)
        let figure = good.record.outcomes.flatMap(\.outputs).compactMap { output -> TimeSeriesChart? in
            if case .figure(let chart, _) = output.content { return chart as? TimeSeriesChart } else { return nil }
        }.first
        let series = try #require(figure?.panels.first?.series)
        #expect(series.map(\.name) == ["excitation", "activation, τa = 0.01 s", "activation, τa = 0.04 s"])
        for activation in series.dropFirst() {
            let during = Array(activation.y[100..<500])
            #expect(zip(during, during.dropFirst()).allSatisfy { $0 <= $1 + 1e-15 }, "rises monotonically during the pulse")
            #expect(during.last ?? 0 > 0.99 && during.last ?? 2 <= 1, "reaches the excitation, never above it")
            #expect(activation.y.last ?? 1 < 0.05, "decays after the pulse")
        }
        #expect(series[1].y[130] > series[2].y[130], "a shorter time constant activates faster")
        let bad = try run("plot activation activation-times: [0.01, 4]")
        #expect(bad.record.diagnostics.first?.message == "a time constant is between 0.001 and 1 s")
        #expect(bad.record.diagnostics.first?.location.column == 42)
        let pulse = try run("plot activation pulse: [0.5, 0.2]")
        #expect(pulse.record.diagnostics.first?.message.contains("[on, off]") == true)
    }

    /// With a steep switch (b = 1000) R is 1/(τa·(½ + 1.5a)) while rising to e = 1 and (½ + 1.5a)/τd while falling to
    /// e = 0, so the 10–90 % times have closed forms: rise τa·(2·ln 9 − 1.2) from ∫(½ + 1.5a)/(1 − a) da, fall
    /// 2τd·ln(9·0.65/1.85) from ∫da/(a·(½ + 1.5a)). The named plot's times must match them; with OpenSim's
    /// default b = 0.1 rise and fall take about equally long (0.06 s and 0.053 s), with b = 10 the fall is the slower;
    /// a 20 ms burst at half excitation never lifts activation to it.
    @Test func activationRiseAndFallTimesMatchTheClosedFormsOfASteepSwitch() throws {
        let (tauA, tauD) = (0.015, 0.06)
        let rise = tauA * (2 * log(9.0) - 1.2), fall = 2 * tauD * log(9 * 0.65 / 1.85)
        let steep = try run("""
            pulse = plot activation activation-times: [\(tauA)] deactivation-time: \(tauD) smoothing: 1000
            expect pulse.curve1.rise > \(rise * 0.99)
            expect pulse.curve1.rise < \(rise * 1.01)
            expect pulse.curve1.fall > \(fall * 0.99)
            expect pulse.curve1.fall < \(fall * 1.01)
            expect pulse.curve1.peak <= 1
            expect pulse.curve1.activation_time == \(tauA)
            """)
        #expect(!steep.record.failed, "\(steep.record.diagnostics)")
        let ratios = try run("""
            soft = plot activation smoothing: 0.1
            sharp = plot activation smoothing: 10
            expect soft.curve1.fall > 0.045
            expect soft.curve1.fall < 0.065
            expect soft.curve1.rise > 0.05
            expect soft.curve1.rise < 0.07
            expect sharp.curve1.fall > 0.1
            expect sharp.curve1.rise < 0.05
            burst = plot activation level: 0.5 pulse: [0.1, 0.12] duration: 0.4
            expect burst.curve1.peak < 0.5
            """)
        #expect(!ratios.record.failed, "\(ratios.record.diagnostics)")
        let bad = try run("plot activation smoothing: 0")
        #expect(bad.record.diagnostics.first?.message == "the smoothing b is above 0 and at most 1000")
    }
}
