import Foundation
import XCTest
@testable import Study

final class StudyCollectTests: XCTestCase {
    /// Runs the 2-subject plan with the stand-in nmm (whose r is 0.8 / 0.6 / 0.4 for nmm / mse / so, plus 0.01 per
    /// subject number and 0.001 per seed) and collects it.
    private func collected(_ study: TemporaryStudy, subjects: Int = 2) throws -> (StudyPlan, StudyFolder, StudyResults) {
        let plan = try StudyPlan.load(from: try study.write("plan.toml", TemporaryStudy.plan(subjects: subjects)))
        let folder = StudyFolder(path: study.root.appendingPathComponent("out").path)
        _ = LocalRunner(executor: JobExecutor(nmm: try study.fakeNMM(), folder: folder), parallel: 2)
            .run(plan.jobs, progress: ProgressPrinter(handle: FileHandle.nullDevice))
        return (plan, folder, try StudyCollector.collect(plan: plan, folder: folder))
    }

    func testCellsAverageSeedsAndKeepOnlyHiddenMuscles() throws {
        let study = try TemporaryStudy(); defer { study.remove() }
        let (_, _, results) = try collected(study)
        XCTAssertEqual(results.jobs.finished, 12)
        XCTAssertEqual(Set(results.cells.filter { $0.quantity == .excitation }.map(\.name)), ["BRA", "TRImed"], "measured BIClong is no estimate")
        let bra = try XCTUnwrap(results.cells.first { $0.subject == "SIM02" && $0.name == "BRA" && $0.method == "mse" })
        XCTAssertEqual(bra.fits, 2)
        XCTAssertEqual(bra.values[.r] ?? 0, 0.6 + 0.02 + 0.0015, accuracy: 1e-12)
        XCTAssertEqual(bra.seedSD[.r] ?? 0, (0.001 * 0.001 / 2).squareRoot(), accuracy: 1e-12)
        let trimed = try XCTUnwrap(results.cells.first { $0.name == "TRImed" })
        XCTAssertNil(trimed.values[.r], "an undefined r stays undefined")
        XCTAssertEqual(trimed.values[.rmse], 0.2)
        let summary = try XCTUnwrap(results.summaries.first { $0.name == "BRA" && $0.method == "nmm" })
        XCTAssertEqual(summary.mean[.r] ?? 0, 0.8 + 0.015 + 0.0015, accuracy: 1e-12)
        XCTAssertEqual(summary.n["r"], 2)
        XCTAssertTrue(results.summaries.contains { $0.quantity == .torque && $0.name == "r_elbow_flex" })
    }

    func testPairedComparisonsPerHiddenMuscle() throws {
        let study = try TemporaryStudy(); defer { study.remove() }
        let (_, _, results) = try collected(study, subjects: 6)
        let nmmVersusSO = try XCTUnwrap(results.comparisons.first { $0.muscle == "BRA" && $0.metric == .r && $0.a == "nmm" && $0.b == "so" })
        XCTAssertEqual(nmmVersusSO.differences.count, 6)
        XCTAssertEqual(nmmVersusSO.hodgesLehmann.estimate ?? 0, 0.4, accuracy: 1e-12)
        XCTAssertEqual(nmmVersusSO.wilcoxon.p ?? 0, 0.03125, accuracy: 1e-12, "all six favour nmm: the exact p of n = 6")
        XCTAssertEqual(nmmVersusSO.favours, "nmm")
        XCTAssertEqual(results.comparisons.filter { $0.muscle == "BRA" }.count, 3 * 2, "three pairs × (r, RMSE)")
        XCTAssertTrue(results.comparisons.filter { $0.muscle == "BRA" && $0.metric == .rmse }.allSatisfy { $0.favours == nil }, "equal RMSE favours neither")
        XCTAssertTrue(results.comparisons.filter { $0.muscle == "TRImed" && $0.metric == .r }.isEmpty, "no pairs where r is undefined")
    }

    func testStudyJSONDoesNotDependOnRunOrderAndListsMissingJobs() throws {
        let study = try TemporaryStudy(); defer { study.remove() }
        let (plan, folder, results) = try collected(study)
        try results.write(to: folder.studyJSON)
        let first = try Data(contentsOf: folder.studyJSON)
        XCTAssertEqual(try StudyResults.read(from: folder.studyJSON), results)
        try FileManager.default.removeItem(at: folder.job(plan.jobs[5].id))
        _ = LocalRunner(executor: JobExecutor(nmm: try study.fakeNMM(), folder: folder), parallel: 1)
            .run(plan.jobs.reversed(), progress: ProgressPrinter(handle: FileHandle.nullDevice))
        let again = try StudyCollector.collect(plan: plan, folder: folder)
        var withoutTimes = again; withoutTimes.fitSeconds = results.fitSeconds
        XCTAssertEqual(withoutTimes, results)
        try again.write(to: folder.studyJSON)
        XCTAssertEqual(try Data(contentsOf: folder.studyJSON), first, "same fits, same bytes")
        try FileManager.default.removeItem(at: folder.job(plan.jobs[0].id))
        let partial = try StudyCollector.collect(plan: plan, folder: folder)
        XCTAssertEqual(partial.jobs.missing, [plan.jobs[0].id])
        XCTAssertEqual(partial.jobs.finished, 11)
    }

    func testReportIsSelfContainedEscapedAndShowsTablesAndCharts() throws {
        let study = try TemporaryStudy(); defer { study.remove() }
        var (_, _, results) = try collected(study, subjects: 6)
        results.title = "<script>alert(1)</script> & co"
        results.cells = results.cells.map { var cell = $0; if cell.name == "TRImed" { cell.name = "<b>TRI</b>" }; return cell }
        results.summaries = results.summaries.map { var s = $0; if s.name == "TRImed" { s.name = "<b>TRI</b>" }; return s }
        let html = StudyReport(results: results).html
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.contains("<b>TRI</b>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
        XCTAssertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        let withoutNamespace = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
        XCTAssertFalse(withoutNamespace.contains("://") || withoutNamespace.contains("src="), "nothing loaded from elsewhere")
        XCTAssertTrue(html.contains("Wilcoxon"))
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 4, "strip plots of r and RMSE for BRA and TRImed")
        XCTAssertTrue(html.contains("± 0.019"), "BRA's r: sd over the six subjects")
        XCTAssertTrue(html.contains("<td><strong>0.0313</strong></td>"), "p of the all-positive comparisons")
    }
}
