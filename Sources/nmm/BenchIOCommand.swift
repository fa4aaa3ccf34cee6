import Benchmarks
import ArgumentParser
import BiomechIO
import Foundation

/// `nmm bench io`: Benchmark: parse a generated .sto of at least 50 MB and print MB/s.
struct BenchIOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "io",
        abstract: "Benchmark: parse a generated .sto of at least 50 MB and print MB/s.",
        discussion: """
        Writes the file to a temporary folder, reads it, parses it from memory several times (two threads, as every \
        large file is read) and prints the best rate in MB (10^6 bytes) per wall-clock second, with MB per CPU second \
        beside it (the rate one core gives when the machine is shared). Use a release build: \
        swift build -c release && .build/release/nmm bench io
        """
    )

    @Option(help: "Size of the generated file in MB (10^6 bytes).")
    var megabytes: Double = 50

    @Option(help: "Timed parses; the fastest counts.")
    var runs: Int = 3

    func validate() throws {
        guard megabytes > 0, megabytes <= 10_000 else { throw ValidationError("--megabytes must be in (0, 10000]") }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        let result = try StorageBenchmark.run(megabytes: megabytes, runs: runs, folder: NSTemporaryDirectory())
        let cpu = result.cpuSeconds.map { String(format: "%.3f", $0) }.joined(separator: ", ")
        let wall = result.seconds.map { String(format: "%.3f", $0) }.joined(separator: ", ")
        print(String(format: "parsed %.1f MB (%d rows x %d columns + time) %d times, two threads", Double(result.bytes) / 1e6,
                     result.rows, result.columns, result.cpuSeconds.count))
        print("wall-clock seconds: \(wall); CPU seconds (both threads): \(cpu)")
        print(String(format: "%.0f MB/s (best run, wall clock; %.0f MB per CPU second)", result.megabytesPerSecond,
                     result.megabytesPerCPUSecond))
    }
}
