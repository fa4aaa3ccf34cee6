import ArgumentParser
import Foundation
import TensorEngine

/// `nmm bench train`: the nmm-small training workload (steps/s, inference frames/s, GFLOP/s).
struct BenchTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Benchmark: the nmm-small training workload (steps/s, inference frames/s, GFLOP/s).",
        discussion: """
            Runs the workload of ../shared/bench/torch_reference.py (B=32 windows of T=64 frames, \
            2-layer pre-LN Transformer, d_model 64, 4 heads, FF 128, DeGroote muscle torque, Adam) \
            and inference on 256 windows without gradients. Use a release build: swift build -c release.
            """
    )

    @Option(help: "Worker threads (data-parallel halves of the batch); OpenBLAS runs one thread inside each.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount >= 2 ? 2 : 1

    @Option(help: "Timed training steps (after 20 warm-up steps).")
    var steps: Int = 200

    @Flag(help: "Print exactly one JSON line.")
    var json = false

    func validate() throws {
        guard [1, 2, 4, 8, 16, 32].contains(threads) else { throw ValidationError("--threads must divide 32: 1, 2, 4, 8, 16 or 32") }
        guard steps > 0 else { throw ValidationError("--steps must be positive") }
    }

    func run() throws {
        BLAS.threadCount = 1
        let workload = NMMSmallWorkload(threads: threads)
        let firstLoss = workload.step()
        for _ in 0..<19 { workload.step() }
        let start = Date(), startCPU = processCPUSeconds()
        var lastLoss = firstLoss
        for _ in 0..<steps { lastLoss = workload.step() }
        let trainSeconds = Date().timeIntervalSince(start)
        let cpuPerStep = (processCPUSeconds() - startCPU) / Double(steps)

        var generator = Xoshiro256StarStar(seed: 42)
        let inferenceBatch = 256, length = NMMSmallWorkload.length
        let windows = (0..<threads).map { _ in
            Tensor(normal: [inferenceBatch / threads, length, NMMSmallWorkload.features], using: &generator)
        }
        for _ in 0..<3 { workload.infer(windows) }
        let passes = 20
        let inferStart = Date()
        for _ in 0..<passes { workload.infer(windows) }
        let inferSeconds = Date().timeIntervalSince(inferStart)

        let peak = SgemmPeak.measure(streams: threads)
        let stepsPerSecond = Double(steps) / trainSeconds
        let framesPerSecond = Double(passes * inferenceBatch * length) / inferSeconds
        // Training FLOPs counted as 3 × the forward GEMM/attention FLOPs (backward ≈ 2 × forward).
        let stepFLOPs = 3 * TransformerConfiguration.nmmSmall.forwardFLOPs(frames: NMMSmallWorkload.batch * length, length: length)
        let gflops = stepFLOPs * stepsPerSecond / 1e9
        if json {
            let fields: [(String, String)] = [
                ("steps_per_s", format(stepsPerSecond)), ("windows_per_s", format(stepsPerSecond * Double(NMMSmallWorkload.batch))),
                ("infer_frames_per_s", format(framesPerSecond)), ("gflops", format(gflops)),
                ("sgemm_peak_gflops", format(peak)), ("cpu_ms_per_step", format(cpuPerStep * 1000)), ("threads", "\(threads)"), ("steps", "\(steps)"),
                ("loss_first", format(Double(firstLoss))), ("loss_last", format(Double(lastLoss))),
            ]
            print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
        } else {
            print("nmm-small (B=32, T=64, F=7, d_model 64, 4 heads, FF 128, 2 pre-LN layers, DeGroote torque), \(threads) thread(s)")
            print("training:   \(format(stepsPerSecond)) steps/s, \(format(stepsPerSecond * 32)) windows/s (\(steps) steps, loss \(format(Double(firstLoss))) → \(format(Double(lastLoss)))); \(format(cpuPerStep * 1000)) ms CPU per step over all threads")
            print("inference:  \(format(framesPerSecond)) frames/s (256 windows × 64 frames, no gradients)")
            print("throughput: \(format(gflops)) GFLOP/s achieved in training; OpenBLAS sgemm 64³ peak \(format(peak)) GFLOP/s (\(threads) stream(s))")
            print("OpenBLAS:   \(BLAS.configuration)")
        }
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// User + system CPU time of the whole process: unlike wall time, not inflated when other
    /// processes share the cores.
    private func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
