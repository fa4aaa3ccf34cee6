import ArgumentParser

/// `nmm train`: Benchmark: the nmm-small training workload (steps/s, inference frames/s, GFLOP/s).
struct BenchTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Benchmark: the nmm-small training workload (steps/s, inference frames/s, GFLOP/s)."
    )

    func run() throws {
        throw ValidationError("`train` is not implemented yet")
    }
}
