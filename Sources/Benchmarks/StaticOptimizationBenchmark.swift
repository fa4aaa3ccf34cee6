import BiomechIO
import Estimation
import Foundation
import Musculoskeletal

/// Figures of one `nmm bench so` run. Times are solve times only: the trials are read and assembled before timing.
public struct StaticOptimizationBenchmarkResult: Encodable, Sendable {
    /// One trial's solve times over the repetitions.
    public struct Trial: Encodable, Sendable {
        public let name: String
        public let frames: Int
        public let medianSeconds: Double
        public let worstSeconds: Double
        /// Frames per second at the median time.
        public let framesPerSecond: Double
        /// OpenSim's time for this many frames over the median time.
        public let speedupOverOpenSim: Double

        enum CodingKeys: String, CodingKey {
            case name, frames
            case medianSeconds = "median_s", worstSeconds = "worst_s", framesPerSecond = "frames_per_s"
            case speedupOverOpenSim = "speedup_vs_opensim"
        }
    }

    public let subject: String
    public let coordinates: [String]
    public let muscles: [String]
    public let repetitions: Int
    public let trials: [Trial]
    public let totalFrames: Int
    /// All frames over the sum of the trials' median times.
    public let framesPerSecond: Double
    /// The slowest trial's median time per 1001 frames.
    public let worstMedianSecondsPer1001Frames: Double
    /// OpenSim's time for all frames over the sum of the median times.
    public let speedupOverOpenSim: Double
    public let openSimSecondsPer1001Frames: Double
    /// Seconds to read and assemble every trial (not part of the solve times).
    public let loadSeconds: Double
    /// The machine's 1-minute load average when the run ended (other processes compete for cores).
    public let loadAverage: Double

    enum CodingKeys: String, CodingKey {
        case subject, coordinates, muscles, repetitions, trials
        case totalFrames = "total_frames", framesPerSecond = "frames_per_s", speedupOverOpenSim = "speedup_vs_opensim"
        case worstMedianSecondsPer1001Frames = "worst_median_s_per_1001_frames"
        case openSimSecondsPer1001Frames = "opensim_s_per_1001_frames", loadSeconds = "load_s", loadAverage = "load_average"
    }
}

/// Times Estimation's static optimisation (the generic model, as `nmm fit --method so` runs it) on a subject's trials.
public enum StaticOptimizationBenchmark {
    /// OpenSim 4.6's static optimisation of one 1001-frame arm26 trial on this machine takes about 2–3 s (issue 5).
    public static let openSimSecondsPer1001Frames = 2.5

    /// Reads `trials` of `subject` for `coordinates` (nil: every unlocked coordinate of its model.osim) with the
    /// tendons `tendons` chooses (default rigid, as OpenSim's static optimisation takes them), solves every trial once
    /// untimed (warm-up), then `repetitions` timed rounds over all trials, so that a busy moment of the machine
    /// spreads over the trials instead of landing on one.
    public static func run(subject: String, trials: [String], coordinates: [String]?, repetitions: Int,
                           tendons: TendonCompliance = .rigid) throws -> StaticOptimizationBenchmarkResult {
        let clock = ContinuousClock()
        let loadStart = clock.now
        let coordinates = try coordinates ?? OSimFile.read((subject as NSString).appendingPathComponent("model.osim")).coordinates
            .filter { !$0.locked }.map(\.name)
        let data = try SubjectData.load(directory: subject, trialNames: trials, coordinates: coordinates, tendons: tendons)
        let loadSeconds = (clock.now - loadStart).seconds
        let optimization = StaticOptimization(system: data.system)
        let selected = trials.compactMap { data.trials[$0] }
        for trial in selected { _ = try optimization.solve(trial) }
        var times = [[Double]](repeating: [], count: selected.count)
        for _ in 0..<repetitions {
            for (index, trial) in selected.enumerated() {
                let start = clock.now
                _ = try optimization.solve(trial)
                times[index].append((clock.now - start).seconds)
            }
        }
        let results = zip(selected, times).map { trial, times in
            let sorted = times.sorted(), middle = sorted.count / 2
            let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            return StaticOptimizationBenchmarkResult.Trial(
                name: trial.name, frames: trial.frameCount, medianSeconds: median, worstSeconds: sorted[sorted.count - 1],
                framesPerSecond: Double(trial.frameCount) / median, speedupOverOpenSim: openSimSeconds(frames: trial.frameCount) / median)
        }
        let totalFrames = results.map(\.frames).reduce(0, +), totalMedian = results.map(\.medianSeconds).reduce(0, +)
        return StaticOptimizationBenchmarkResult(
            subject: subject, coordinates: coordinates, muscles: data.system.muscleNames, repetitions: repetitions, trials: results,
            totalFrames: totalFrames, framesPerSecond: Double(totalFrames) / totalMedian,
            worstMedianSecondsPer1001Frames: results.map { $0.medianSeconds * 1001 / Double($0.frames) }.max() ?? 0,
            speedupOverOpenSim: openSimSeconds(frames: totalFrames) / totalMedian,
            openSimSecondsPer1001Frames: openSimSecondsPer1001Frames, loadSeconds: loadSeconds, loadAverage: machineLoadAverage())
    }

    /// OpenSim's time for `frames` frames at ``openSimSecondsPer1001Frames``.
    static func openSimSeconds(frames: Int) -> Double { openSimSecondsPer1001Frames * Double(frames) / 1001 }
}
