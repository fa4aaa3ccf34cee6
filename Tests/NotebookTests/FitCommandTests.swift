import Charts
import Foundation
import Testing
@testable import Notebook

/// The fit, table and plot commands on a small simulated subject (known truth), end to end.
@Suite struct FitCommandTests {
    static let notebook = """
        ```nmm
        \(NotebookHarness.simulatedArmSplit)
        so = fit so sets coordinates: [r_elbow_flex]
        mse = fit mse sets coordinates: [r_elbow_flex] synergies: 2
        nmm = fit nmm sets coordinates: [r_elbow_flex] steps: 20 seed: 3
        ```

        ```nmm
        table metrics [nmm, mse, so]
        table parameters nmm
        plot emg nmm compare: [mse, so] reference: data
        plot torque nmm compare: [mse, so] reference: data
        plot parameters nmm
        plot loss nmm
        ```

        ```nmm
        plot loss so
        ```

        ```nmm
        bad = fit nmm data train: [trial01] test: [trial2]
        ```
        """

    @Test func fitsAreCachedTabledAndPlotted() throws {
        let harness = try NotebookHarness()
        let url = try harness.write(Self.notebook, named: "fits.md")
        let first = try harness.run(url)
        let statuses = first.record.outcomes.map(\.isFailure)
        #expect(statuses == [false, false, true, true], "\(first.record.diagnostics)")
        #expect(first.record.outcomes[0].cacheMisses == 3)

        // Tables: hidden muscles BRA and TRImed in the metrics; truth present in the parameters.
        let tables = first.record.outcomes[1].outputs.compactMap { if case .table(let table) = $0.content { return table } else { return nil } }
        // One test trial: no ± sd or n columns, and the title names the trial.
        #expect(tables.map(\.title) == ["Excitation on the test trials, trial02 (r only where the reference varies)",
                                         "Joint torque on the test trials, trial02 (R² only where the reference varies)",
                                         "Personalised parameters (nmm)"])
        #expect(tables[0].columns == ["muscle", "EMG", "nmm r", "nmm RMSE", "mse r", "mse RMSE", "so r", "so RMSE"])
        let hidden = tables[0].rows.filter { $0[1] == .text("hidden") }.map { $0[0] }
        #expect(hidden == [.text("BRA"), .text("TRImed")])
        #expect(tables[2].columns.last == "truth")
        #expect(first.html.components(separatedBy: "<figure id=").count - 1 == 4)
        #expect(first.html.contains("TRImed (hidden)"))

        // Charts: legends name the fits as the notebook does; the loss has a log axis, distinct colours, a continuous
        // validation line and a marker at the step the fit kept; hidden muscles' strengths are marked as such.
        let charts = first.record.outcomes[1].outputs.compactMap { if case .figure(let chart, _) = $0.content { return chart } else { return nil } }
        let emg = try #require(charts[0] as? TimeSeriesChart)
        #expect(emg.panels.map(\.title) == ["TRImed (hidden)", "BRA (hidden)"])
        #expect(emg.panels[0].series.map(\.name) == ["truth", "nmm", "mse", "so"])
        let torque = try #require(charts[1] as? TimeSeriesChart)
        #expect(torque.panels[0].series.map(\.name) == ["inverse dynamics", "nmm", "mse", "so"])
        let strengths = try #require(charts[2] as? ParameterBarChart)
        #expect(strengths.bars.map(\.label).filter { $0.hasSuffix("(hidden)") } == ["BRA (hidden)", "TRImed (hidden)"])
        let loss = try #require(charts[3] as? TimeSeriesChart).panels[0]
        #expect(loss.yScale == .logarithmic)
        #expect(Set(loss.series.map(\.role.style.color)).count == loss.series.count, "each term its own colour")
        let validation = try #require(loss.series.first { $0.name == "validation" })
        #expect(validation.y.allSatisfy(\.isFinite) && validation.y.count >= 1, "drawn through the steps that have it")
        let kept = try #require(loss.markers.first)
        #expect(kept.y == validation.y.min())
        #expect(kept.name == "kept (step \(Int(kept.x)))")

        // Metrics in the JSON report.
        let metrics = try #require(first.json["metrics"] as? [[String: Any]])
        #expect(metrics.map { $0["title"] as? String } == ["so metrics", "mse metrics", "nmm metrics"])
        let values = try #require(metrics[2]["values"] as? [String: Any])
        #expect(values["BRA excitation r, trial mean"] is Double || values["BRA excitation r, trial mean"] is NSNull)

        // Errors in place.
        #expect(first.record.diagnostics[0].message.contains("only 'fit nmm' trains"))
        #expect(first.record.diagnostics[1].message.contains("has no trial 'trial2'; did you mean 'trial02'?"))

        // A second run recomputes nothing and gives the same numbers.
        let second = try harness.run(url)
        #expect(second.record.outcomes[0].cacheHits == 3 && second.record.outcomes[0].cacheMisses == 0)
        let again = try #require(second.json["metrics"] as? [[String: Any]])
        #expect((again[2]["values"] as? NSDictionary) == (metrics[2]["values"] as? NSDictionary))
    }

    /// Two fits of one method with different `measured:` lists: legends and columns carry the notebook's names, each fit
    /// its own colour, and panels and the table say which fit had which muscle's EMG.
    @Test func fitsAreNamedAndTheirMeasuredListsHonoured() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.write("""
            ```nmm
            \(NotebookHarness.simulatedArmSplit)
            mse_a = fit mse sets coordinates: [r_elbow_flex] measured: [BIClong, BICshort, TRIlong, TRIlat] synergies: 2
            mse_b = fit mse sets coordinates: [r_elbow_flex] measured: [BIClong, TRIlong, TRIlat] synergies: 2
            plot emg mse_a compare: [mse_b] reference: data muscles: [BICshort, BRA]
            table metrics [mse_a, mse_b]
            ```
            """, named: "named.md"))
        #expect(!run.record.failed, "\(run.record.diagnostics)")
        let outputs = run.record.outcomes[0].outputs
        let chart = try #require(outputs.compactMap { if case .figure(let chart as TimeSeriesChart, _) = $0.content { return chart } else { return nil } }.first)
        #expect(chart.panels.map(\.title) == ["BICshort (EMG input; hidden from mse_b)", "BRA (hidden)"])
        let names = chart.panels[1].series.map(\.name)
        #expect(names == ["truth", "mse_a", "mse_b"])
        #expect(chart.panels[1].series[1].role.style != chart.panels[1].series[2].role.style, "two fits of one method are told apart")
        let table = try #require(outputs.compactMap { if case .table(let table) = $0.content { return table } else { return nil } }.first)
        let emg = { (muscle: String) in table.rows.first { $0[0] == .text(muscle) }?[1] }
        #expect(emg("BICshort") == .text("measured by mse_a"))
        #expect(emg("BIClong") == .text("measured"))
        #expect(emg("BRA") == .text("hidden"))
    }

    /// A chart's note says what the table says: no r where the reference barely varies (the table's "—").
    @Test func chartNotesFollowTheTablesActivityRule() {
        let flat = (0..<100).map { 0.05 + 0.01 * sin(Double($0) / 10) }
        let moving = (0..<100).map { 0.3 + 0.2 * sin(Double($0) / 10) }
        #expect(FitPlotSupport.annotation(reference: flat, estimate: moving, label: "nmm") == "r — (nmm: the reference barely varies)")
        #expect(FitPlotSupport.annotation(reference: moving, estimate: moving, label: "nmm") == "r = 1 (nmm)")
    }

    /// `per: trial` gives one row per muscle and test trial, `pooled: yes` labelled pooled columns, columns named after
    /// the notebook's variables; anything else for `per:` is an error at the option.
    @Test func metricsPerTrialAndPooledAreLabelled() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.write("""
            ```nmm
            \(NotebookHarness.simulatedArmSplit)
            static_opt = fit so sets coordinates: [r_elbow_flex]
            table metrics [static_opt] per: trial pooled: yes
            ```

            ```nmm
            table metrics [static_opt] per: week
            ```
            """, named: "per-trial.md"))
        let tables = run.record.outcomes[0].outputs.compactMap { if case .table(let table) = $0.content { return table } else { return nil } }
        let excitation = try #require(tables.first)
        #expect(excitation.columns == ["muscle", "EMG", "trial", "static_opt r", "static_opt RMSE", "static_opt active",
                                       "static_opt r pooled", "static_opt RMSE pooled"])
        #expect(excitation.title.hasSuffix("per trial"))
        #expect(run.record.diagnostics.first?.message.contains("per: takes 'trial'") == true)
    }
}
