import ArgumentParser
import Foundation
import Musculoskeletal

/// `nmm check-physics`: Feed a subject's true activations through the muscle model and compare torques and forces with OpenSim.
struct CheckPhysicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-physics",
        abstract: "Feed a subject's true activations through the muscle model and compare torques and forces with OpenSim.",
        discussion: """
        SUBJECT_DIR holds truth_model.osim and trial folders with truth_activation.sto, truth_force.sto, id.sto and \
        MuscleAnalysis_Length.sto / MuscleAnalysis_MomentArm_<coordinate>.sto (e.g. ../shared/data/arm26-lifting/S01). \
        The muscle model fits use (rigid or compliant tendons as --tendons says; by default as truth_model.osim's \
        ignore_tendon_compliance) turns the true activations into forces and a joint torque.
        """
    )

    @Argument(help: "Subject folder laid out like arm26-lifting/S01.")
    var subjectDir: String

    @Option(help: "Coordinate whose torque is compared with id.sto's <coordinate>_moment column.")
    var coordinate = "r_elbow_flex"

    @Option(help: "Tendons: rigid, compliant, or model (each muscle as truth_model.osim's ignore_tendon_compliance says).")
    var tendons: TendonCompliance = .model

    @Flag(help: "Print one JSON line {\"trials\": [{\"name\", \"r2\", \"rmse_pct_peak\", \"force_err_pct\", \"worst_muscle\"}, ...]}.")
    var json = false

    func run() throws {
        let results: [PhysicsCheckResult]
        do { results = try PhysicsCheck.run(subjectDirectory: subjectDir, coordinate: coordinate, tendons: tendons) } catch { throw Terminal.failure(error) }
        if json {
            struct Report: Encodable { var trials: [PhysicsCheckResult] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(Report(trials: results)), as: UTF8.self))
            return
        }
        print("trial      R²          RMSE (% peak)  worst force error (% peak)")
        for result in results {
            Terminal.out(result.name.padding(toLength: 10, withPad: " ", startingAt: 0)
                  + String(format: " %.7f   %8.4f       %8.4f  %@", result.r2, result.rmsePercentOfPeak,
                           result.forceErrorPercentOfPeak, result.worstMuscle))
        }
    }
}
