import Foundation
import Testing
@testable import Benchmarks

/// The `nmm bench io` workload on a small file.
@Suite struct StorageBenchmarkTests {
    @Test func writesParsesAndVerifiesAFileOfTheRequestedSize() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-bench-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try StorageBenchmark.run(megabytes: 1, runs: 2, folder: folder)
        #expect(result.bytes >= 1_000_000 && result.bytes < 1_100_000)
        #expect(result.columns == 40 && result.seconds.count == 2 && result.cpuSeconds.count == 2)
        #expect(result.megabytesPerSecond > 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty) // the file is removed
    }
}
