import TestSupport
import Foundation
import Testing
@testable import Estimation

/// Bad requests get errors that say what to fix; a static-optimisation request runs end to end.
@Suite(.needsSharedData)
struct FitRequestTests {
    func request(_ method: any EstimationMethod, measured: [String] = ["BIClong"], train: [String] = ["trial01"],
                 test: [String] = ["trial03"], directory: String = SharedData.s01) -> FitRequest {
        FitRequest(subjectDirectory: directory, method: method, measured: measured, train: train, test: test,
                   coordinates: ["r_elbow_flex"], seed: 1)
    }

    func message(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let error as EstimationError { return error.message } catch { return "\(error)" }
    }

    @Test func errorsNameWhatIsWrong() {
        #expect(message { _ = try request(NMMMethod(), train: []).run() }?.contains("--train") == true)
        #expect(message { _ = try request(StaticOptimizationMethod(), test: ["trial99"]).run() }?.contains("trial99") == true)
        #expect(message { _ = try request(StaticOptimizationMethod(), directory: "/nonexistent").run() }?.contains("/nonexistent/model.osim") == true)
        #expect(message { _ = try request(SynergyExtrapolationMethod(), measured: ["XYZ"]).run() }?.contains("'XYZ'") == true)
    }

    /// Without measured muscles, a method that needs them takes every muscle with an EMG channel that crosses the coordinates.
    @Test func measuredMusclesDefaultToThoseWithEMG() throws {
        let outcome = try request(SynergyExtrapolationMethod(), measured: []).run()
        #expect(outcome.measured == ["TRIlong", "TRIlat", "BIClong", "BICshort"])
        #expect(outcome.report.excitation["BIClong"]?.measured == true && outcome.report.excitation["BRA"]?.measured == false)
    }

    @Test func staticOptimizationReportFollowsTheSchema() throws {
        let outcome = try request(StaticOptimizationMethod(), measured: [], train: []).run()
        #expect(outcome.report.method == "so" && outcome.report.test == ["trial03"])
        #expect(Set(outcome.report.excitation.keys) == ["TRIlong", "TRIlat", "TRImed", "BIClong", "BICshort", "BRA"])
        #expect(outcome.report.torque["r_elbow_flex"]!.trialMean.r2! > 0.999)
        let force = try #require(outcome.report.parameters["BRA"]?["max_isometric_force"])
        #expect(force.generic == force.fitted && force.truth != nil)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-fit-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try outcome.predictions[0].write(to: directory)
        #expect(FileManager.default.fileExists(atPath: directory + "/trial03_excitation.sto"))
    }
}
