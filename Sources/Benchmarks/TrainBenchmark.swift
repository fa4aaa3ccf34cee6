import Foundation
import TensorEngine

/// Figures of one `nmm bench train` run.
public struct TrainBenchmarkResult: Sendable {
    public let threads: Int
    public let steps: Int
    public let stepsPerSecond: Double
    public let inferenceFramesPerSecond: Double
    /// Training GFLOP/s, counting 3 × the forward pass's GEMM and attention FLOPs per step.
    public let gflops: Double
    /// OpenBLAS sgemm 64³ throughput of `threads` concurrent streams, measured right after.
    public let sgemmPeakGFLOPs: Double
    /// Process CPU time per training step, all threads together (robust to a busy machine).
    public let cpuMillisecondsPerStep: Double
    /// Process CPU time per inferred frame, all threads together.
    public let cpuMicrosecondsPerInferenceFrame: Double
    public let firstLoss: Float
    public let lastLoss: Float
    /// The machine's 1-minute load average when the run ended (other processes compete for cores).
    public let loadAverage: Double

    public var windowsPerSecond: Double { stepsPerSecond * Double(NMMSmallWorkload.batch) }
}

/// Runs the nmm-small workload: 20 warm-up steps, `steps` timed training steps, then 20 timed
/// inference passes over 256 windows of 64 frames without gradients, then the sgemm peak.
public enum TrainBenchmark {
    static let inferenceWindows = 256
    static let inferencePasses = 20

    public static func run(threads: Int, steps: Int) -> TrainBenchmarkResult {
        let workload = NMMSmallWorkload(threads: threads)
        let firstLoss = workload.step()
        for _ in 0..<19 { workload.step() }
        let start = Date(), startCPU = processCPUSeconds()
        var lastLoss = firstLoss
        for _ in 0..<steps { lastLoss = workload.step() }
        let trainSeconds = Date().timeIntervalSince(start)
        let cpuPerStep = (processCPUSeconds() - startCPU) / Double(steps)

        var generator = Xoshiro256StarStar(seed: 42)
        let length = NMMSmallWorkload.length
        let windows = Tensor(normal: [inferenceWindows, length, NMMSmallWorkload.features], using: &generator)
        for _ in 0..<3 { workload.infer(windows) }
        let inferStart = Date(), inferStartCPU = processCPUSeconds()
        for _ in 0..<inferencePasses { workload.infer(windows) }
        let inferSeconds = Date().timeIntervalSince(inferStart)
        let inferCPU = processCPUSeconds() - inferStartCPU

        let stepsPerSecond = Double(steps) / trainSeconds
        let stepFLOPs = 3 * TransformerConfiguration.nmmSmall.forwardFLOPs(frames: NMMSmallWorkload.batch * length, length: length)
        return TrainBenchmarkResult(
            threads: threads, steps: steps, stepsPerSecond: stepsPerSecond,
            inferenceFramesPerSecond: Double(inferencePasses * inferenceWindows * length) / inferSeconds,
            gflops: stepFLOPs * stepsPerSecond / 1e9, sgemmPeakGFLOPs: SgemmPeak.measure(streams: threads),
            cpuMillisecondsPerStep: cpuPerStep * 1000,
            cpuMicrosecondsPerInferenceFrame: inferCPU * 1e6 / Double(inferencePasses * inferenceWindows * length), firstLoss: firstLoss, lastLoss: lastLoss, loadAverage: machineLoadAverage())
    }

    /// User + system CPU time of the whole process: unlike wall time, not inflated when other
    /// processes share the cores.
    private static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
