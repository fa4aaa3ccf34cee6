import Benchmarks
import Musculoskeletal
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
            2-layer pre-LN Transformer, d_model 64, 4 heads, FF 128, rigid-tendon DeGroote muscle torque by \
            Musculoskeletal's MuscleSystem (the forces and backward pass every fit trains with) with OpenSim's constants — the reference's active \
            force-length b11 differs, 0.8145 against OpenSim's 0.8151 — and Adam) and inference on 256 windows \
            without gradients (TransformerEncoder.predict, Float32). Use a release build: swift build -c release. \
            Wall-clock figures drop when other processes use the cores; the CPU time per step and the \
            load average printed beside them tell whether that happened.
            """
    )

    @Option(help: "Worker threads (data-parallel shards of the batch, two per thread); OpenBLAS runs one thread inside each.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount >= 2 ? 2 : 1

    @Option(help: "Timed training steps (after 20 warm-up steps).")
    var steps: Int = 200

    @Flag(help: "Print exactly one JSON line.")
    var json = false

    func validate() throws {
        guard [1, 2, 4, 8, 16].contains(threads) else {
            throw ValidationError("--threads must be 1, 2, 4, 8 or 16 (two shards per thread must divide the batch of 32)")
        }
        guard steps > 0 else { throw ValidationError("--steps must be positive") }
    }

    func run() throws {
        let r = TrainBenchmark.run(threads: threads, steps: steps)
        if json {
            let fields: [(String, String)] = [
                ("steps_per_s", f(r.stepsPerSecond)), ("windows_per_s", f(r.windowsPerSecond)),
                ("infer_frames_per_s", f(r.inferenceFramesPerSecond)), ("gflops", f(r.gflops)),
                ("sgemm_peak_gflops", f(r.sgemmPeakGFLOPs)), ("cpu_ms_per_step", f(r.cpuMillisecondsPerStep)),
                ("cpu_us_per_infer_frame", f(r.cpuMicrosecondsPerInferenceFrame, 2)),
                ("threads", "\(r.threads)"), ("steps", "\(r.steps)"), ("loss_first", f(Double(r.firstLoss), 4)),
                ("loss_last", f(Double(r.lastLoss), 4)), ("load_average", f(r.loadAverage, 2)),
            ]
            print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
        } else {
            print("nmm-small (B=32, T=64, F=7, d_model 64, 4 heads, FF 128, 2 pre-LN layers, DeGroote torque), \(r.threads) thread(s)")
            print("training:   \(f(r.stepsPerSecond)) steps/s, \(f(r.windowsPerSecond)) windows/s over \(r.steps) steps "
                + "(loss \(f(Double(r.firstLoss), 4)) → \(f(Double(r.lastLoss), 4))); \(f(r.cpuMillisecondsPerStep)) ms CPU per step, all threads")
            print("inference:  \(f(r.inferenceFramesPerSecond)) frames/s (256 windows × 64 frames, no gradients); "
                + "\(f(r.cpuMicrosecondsPerInferenceFrame, 2)) µs CPU per frame, all threads")
            print("throughput: \(f(r.gflops)) GFLOP/s in training beside OpenBLAS sgemm 64³ peak \(f(r.sgemmPeakGFLOPs)) GFLOP/s "
                + "(\(r.threads) stream(s), same run)")
            print("machine:    load average \(f(r.loadAverage, 2)); \(BLAS.configuration)")
        }
    }

    private func f(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
}
