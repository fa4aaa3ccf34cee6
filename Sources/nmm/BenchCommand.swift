import ArgumentParser

/// `nmm bench`: speed measurements (run them on a release build: `swift build -c release`).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure nmm's speed on its standard workloads (use a release build).",
        subcommands: [BenchIOCommand.self, BenchTrainCommand.self, BenchSOCommand.self]
    )
}
