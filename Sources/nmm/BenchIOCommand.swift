import ArgumentParser

/// `nmm io`: Benchmark: parse a generated .sto of at least 50 MB and print MB/s.
struct BenchIOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "io",
        abstract: "Benchmark: parse a generated .sto of at least 50 MB and print MB/s."
    )

    func run() throws {
        throw ValidationError("`io` is not implemented yet")
    }
}
