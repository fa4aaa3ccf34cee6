import Benchmarks
import ArgumentParser
import BiomechIO
import Estimation
import Foundation
import Musculoskeletal

/// `nmm bench so`: static optimisation's solve time per trial, against OpenSim 4.6's.
struct BenchSOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "so",
        abstract: "Benchmark: static optimisation on a subject's trials (solve time per trial, frames/s, speed-up over OpenSim).",
        discussion: """
            Reads and assembles the trials first (not timed), then solves each trial's static optimisation \
            (Estimation's StaticOptimization: generic model, rigid tendons unless --tendons says otherwise, one reserve per \
            coordinate) once untimed, then \
            times --repetitions rounds over all trials, and prints the median and worst solve time per trial, frames per second at the \
            median, and the speed-up over OpenSim 4.6, which takes about \
            \(StaticOptimizationBenchmark.openSimSecondsPer1001Frames) s for one 1001-frame arm26 trial on this \
            machine (scaled by frame count). Use a release build: swift build -c release.
            """
    )

    @Argument(help: "Subject folder laid out like arm26-lifting/S01 (model.osim, trial folders).")
    var subject: String = "../shared/data/arm26-lifting/S01"

    @Option(help: "Trials, comma-separated (default: every trial* folder of the subject).")
    var trials: String?

    @Option(help: "Coordinates whose torques are met, comma-separated (default: every unlocked coordinate of model.osim).")
    var coordinates: String?

    @Option(help: "Timed rounds over all trials (after one untimed warm-up round).")
    var repetitions: Int = 20

    @Option(help: "Tendons: rigid (as OpenSim's static optimisation takes them), compliant, or model (as model.osim says).")
    var tendons: TendonCompliance = .rigid

    @Flag(help: "Print exactly one JSON line.")
    var json = false

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1") }
    }

    func run() throws {
        let result: StaticOptimizationBenchmarkResult
        do {
            result = try StaticOptimizationBenchmark.run(subject: subject, trials: try trials.map(commaSeparated) ?? trialFolders(),
                                                         coordinates: coordinates.map(commaSeparated), repetitions: repetitions,
                                                         tendons: tendons)
        } catch let error as EstimationError {
            throw ValidationError(error.message)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
            return
        }
        print(String(format: "static optimisation of %@: %d muscles, coordinates %@; median and worst of %d solves, trials read in %.3f s (not timed)",
                     result.subject, result.muscles.count, result.coordinates.joined(separator: ", "), result.repetitions, result.loadSeconds))
        print("trial      frames   median ms   worst ms    frames/s   vs OpenSim")
        for trial in result.trials {
            print(trial.name.padding(toLength: 10, withPad: " ", startingAt: 0)
                + String(format: " %6d  %10.3f %10.3f %11.0f %10.0fx", trial.frames, trial.medianSeconds * 1000, trial.worstSeconds * 1000,
                         trial.framesPerSecond, trial.speedupOverOpenSim))
        }
        print(String(format: "all:       %d frames at %.0f frames/s; slowest trial %.3f ms per 1001 frames; %.0fx OpenSim 4.6 (%.1f s per 1001-frame arm26 trial)",
                     result.totalFrames, result.framesPerSecond, result.worstMedianSecondsPer1001Frames * 1000, result.speedupOverOpenSim,
                     result.openSimSecondsPer1001Frames))
        print(String(format: "machine:   load average %.2f", result.loadAverage))
    }

    /// The subject's `trial*` folders, sorted (a folder without any is a usage error).
    private func trialFolders() throws -> [String] {
        do { return try Subject.trialFolderNames(in: subject) } catch let error as InputError {
            throw ValidationError("\(error.file): \(error.message)")
        }
    }
}
