import ArgumentParser
import BiomechIO
import Foundation
import Musculoskeletal

/// `nmm simulate`: write a synthetic arm subject with known truth, laid out like arm26-lifting/S01.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write a simulated arm subject (kinematics, load, torques, geometry, EMG and the truth) as an OpenSim-style folder.",
        discussion: """
        The built-in two-link arm with arm26's six muscles does ten trials like arm26-lifting/S01 (curls with 0-5 kg, \
        cable push-downs at 15, 30, 45 N, a curl with 2.5 kg). Everything follows from --seed. \
        `nmm check-physics OUTPUT_DIR` verifies the result is self-consistent.
        """
    )

    @Argument(help: "Folder to write (created if missing).")
    var outputDir: String

    @Option(help: "Seed of every random choice.")
    var seed: UInt64 = 1

    @Option(help: "Subject name recorded in subject.json.")
    var name = "SIM01"

    func run() throws {
        let subject = ArmSimulator(seed: seed).subject(name: name)
        do {
            try subject.write(to: outputDir)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: outputDir, message: "cannot write the subject folder: \(FileProblem.reason(error))")
        }
        Terminal.out("wrote \(subject.trials.count) trials of \(name) (seed \(seed)) to \(outputDir)")
    }
}
