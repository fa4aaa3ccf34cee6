import TestSupport
import Charts
import Foundation
import Testing
@testable import Notebook

/// rajagopal-walk in a notebook as shipped: `load opensim` finds its layout, fits run on its one trial, and `plot emg`
/// draws each mapped muscle's EMG channel as the reference.
@Suite struct RealDataNotebookTests {
    static let walk = URL(fileURLWithPath: SharedData.walk)

    @Test(.needsSharedData)
    func rajagopalWalkLoadsFitsAndPlotsItsEMG() throws {
        let harness = try NotebookHarness()
        _ = try harness.write("soleus: soleus_r\ngastrocnemius: gasmed_r, gaslat_r\ngluteus_maximus: glmax1_r\n", named: "walk-map.txt")
        let run = try harness.run(try harness.write("""
            ```nmm
            walk = load opensim "\(Self.walk.path)" mapping: "walk-map.txt"
            so = fit so walk coordinates: [knee_angle_r, ankle_angle_r]
            plot emg so reference: walk muscles: [soleus_r, gasmed_r]
            ```
            """))
        let outcome = try #require(run.record.outcomes.first)
        #expect(!outcome.isFailure, "\(run.record.diagnostics)")
        let texts = outcome.outputs.compactMap { if case .text(let text) = $0.content { return text } else { return nil } }
        #expect(texts.first == "subject rajagopal-walk: 80 muscles, 1 trial (rajagopal-walk)")
        #expect(texts.contains { $0.contains("one trial in one folder; model subject_walk_scaled.osim") })
        let chart = try #require(outcome.outputs.compactMap { if case .figure(let chart as TimeSeriesChart, _) = $0.content { return chart } else { return nil } }.first)
        for panel in chart.panels {
            #expect(panel.series.map(\.name) == ["EMG", "so"], "\(panel.title): the fit is named as the notebook names it")
            #expect(panel.annotation.hasPrefix("r = "), "\(panel.title): the EMG is compared on the fit's time base")
        }
    }
}

/// `process emg` with MVC recordings, and fits of the processed subject reading its envelopes, not the folder's emg.sto.
@Suite struct ProcessedEMGFitTests {
    static let s01 = URL(fileURLWithPath: SharedData.s01)

    @Test(.needsSharedData)
    func fitsUseTheEnvelopesProcessEMGMade() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.write("""
            ```nmm
            data = load opensim "\(Self.s01.path)"
            env = process emg data mvc_from: ["\(Self.s01.path)/trial02/emg_raw.sto"]
            recorded = fit mse data train: [trial01] test: [trial03] coordinates: [r_elbow_flex] synergies: 2
            processed = fit mse env train: [trial01] test: [trial03] coordinates: [r_elbow_flex] synergies: 2
            ```
            """))
        let outcome = try #require(run.record.outcomes.first)
        #expect(!outcome.isFailure, "\(run.record.diagnostics)")
        let table = try #require(outcome.outputs.compactMap { if case .table(let table) = $0.content { return table } else { return nil } }.first)
        #expect(table.rows.count == 4)
        let metrics = outcome.outputs.compactMap { output -> [(String, Double?)]? in
            if case .metrics(_, let values) = output.content { return values } else { return nil }
        }
        let hidden = metrics.compactMap { values in values.first { $0.0 == "BRA excitation RMSE, trial mean" }?.1 ?? nil }
        #expect(hidden.count == 2 && hidden.first != hidden.last, "the two fits read different EMG")
    }
}
