import Foundation
import Testing

/// `nmm bench io` on a small file: it runs and reports a parse rate.
@Suite(.timeLimit(.minutes(2)))
struct BenchIOTests {
    @Test func smallRunPrintsMegabytesPerSecond() throws {
        let result = try NMMExecutable.run(["bench", "io", "--megabytes", "2", "--runs", "1"])
        #expect(result.exited(with: 0), "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("parsed 2.0 MB (") == true, "\(result.stdout)")
        let rateLine = try #require(lines.first { $0.contains(" MB/s") })
        let rate = try #require(Double(rateLine.prefix { $0 != " " }), "\(rateLine)")
        #expect(rate > 0 && rate.isFinite)
    }
}
