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

    @Option(help: ArgumentHelp("Largest exponent p of the subject's recruitment criterion Σ w·aᵖ, drawn from [2, P]: 2 is static optimisation's sum of squares, 3 the sum of cubes, larger p shares effort ever more alike (the min/max criterion as p grows).", valueName: "P"))
    var maxCriterionExponent = 3.0

    @Option(help: ArgumentHelp("Largest standard deviation (log units) of the slow wander of the brachialis's share of elbow flexion, drawn from [0, S] per subject (forearm rotation, which the arm lacks, moves flexion between biceps and brachialis).", valueName: "S"))
    var brachialisWander = 0.0

    func validate() throws {
        guard maxCriterionExponent.isFinite, (2...20).contains(maxCriterionExponent) else {
            throw ValidationError("--max-criterion-exponent is a number from 2 to 20, not \(maxCriterionExponent)")
        }
        guard brachialisWander.isFinite, (0...1).contains(brachialisWander) else {
            throw ValidationError("--brachialis-wander is a number from 0 to 1, not \(brachialisWander)")
        }
    }

    func run() throws {
        var simulator = ArmSimulator(seed: seed)
        simulator.recruitmentExponent = 2...maxCriterionExponent
        simulator.brachialisWander = 0...brachialisWander
        let subject = simulator.subject(name: name)
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
