import Foundation
import XCTest
@testable import Study

final class StudyStatisticsTests: XCTestCase {
    /// scipy.stats.wilcoxon(d) (scipy 1.17, two-sided, zero_method="wilcox", method="auto": exact without ties or
    /// zeros, the permutation method with them), statistic and p pasted.
    func testWilcoxonMatchesScipyReferences() {
        let references: [([Double], Double, Double)] = [
            ([0.12, -0.03, 0.25, 0.08, 0.31, 0.05], 1, 0.0625),
            ([1, 2, 3, -4, 5, 6, -7, 8], 11, 0.3828125),
            ([0.1, 0.1, -0.1, 0.2, 0.3, 0.0], 2, 0.25),
            ([-1, -2, -3, -4, -5, -6], 0, 0.03125),
            ([0.5, -0.2, 0.3, -0.1, 0.4, 0.6, 0.7, -0.3, 0.8, 0.9, 1.0, -0.05], 10.5, 0.02197265625),
        ]
        for (d, statistic, p) in references {
            let test = WilcoxonSignedRank(differences: d)
            XCTAssertEqual(test.statistic, statistic, "\(d)")
            XCTAssertEqual(test.p ?? -1, p, accuracy: 1e-12, "\(d)")
        }
        XCTAssertNil(WilcoxonSignedRank(differences: [0, 0]).p, "no non-zero difference: no test")
    }

    /// The same against scipy run now on random samples (3 to 13 pairs, some with ties and zeros), when python3
    /// with scipy is on this machine.
    func testWilcoxonMatchesScipyOnRandomSamples() throws {
        var generator = SystemRandomNumberGenerator()
        let samples = (0..<40).map { i -> [Double] in
            (0..<(3 + i % 11)).map { _ in i % 3 == 0 ? Double(Int.random(in: -3...3, using: &generator)) : Double.random(in: -1...1.5, using: &generator) }
        }.filter { $0.contains { $0 != 0 } }
        let script = "import json,sys\nfrom scipy.stats import wilcoxon\nprint(json.dumps([[float(r.statistic), float(r.pvalue)] for r in (wilcoxon(d) for d in json.load(sys.stdin))]))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input; process.standardOutput = output; process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw XCTSkip("python3 is not available: \(error)") }
        input.fileHandleForWriting.write(try JSONEncoder().encode(samples))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let scipy = try? JSONDecoder().decode([[Double]].self, from: data) else {
            throw XCTSkip("python3 with scipy is not available")
        }
        for (d, reference) in zip(samples, scipy) {
            let test = WilcoxonSignedRank(differences: d)
            XCTAssertEqual(test.statistic, reference[0], accuracy: 1e-9, "\(d)")
            XCTAssertEqual(test.p ?? -1, reference[1], accuracy: 1e-9, "\(d)")
        }
    }

    func testHodgesLehmannIntervalIsExact() {
        // Six pairs: k = 1, the interval spans all Walsh averages, coverage 1 − 2/64.
        let six = HodgesLehmann(differences: [0.12, -0.03, 0.25, 0.08, 0.31, 0.05])
        XCTAssertEqual(six.low, -0.03)
        XCTAssertEqual(six.high, 0.31)
        XCTAssertEqual(six.confidence ?? 0, 62.0 / 64, accuracy: 1e-12)
        // Median of the 21 Walsh averages, counted by hand: 11th smallest.
        let d = [0.12, -0.03, 0.25, 0.08, 0.31, 0.05]
        var walsh: [Double] = []
        for i in 0..<6 { for j in i..<6 { walsh.append((d[i] + d[j]) / 2) } }
        XCTAssertEqual(six.estimate, walsh.sorted()[10])
        // Ten pairs: the signed-rank table's two-sided 5 % critical value is 8, so k = 9.
        XCTAssertEqual(HodgesLehmann.rankOfBound(n: 10, level: 0.95), 9)
        XCTAssertEqual(HodgesLehmann.rankOfBound(n: 5, level: 0.95), 0, "five pairs cannot reach 95 %")
        XCTAssertNil(HodgesLehmann(differences: [1, 2, 3, 4, 5]).low)
        XCTAssertEqual(HodgesLehmann(differences: [1, 2, 3, 4, 5]).estimate, 3)
    }

    func testDescriptive() {
        XCTAssertEqual(Descriptive.mean([1, 2, 6]), 3)
        XCTAssertEqual(Descriptive.sd([2, 4, 4, 4, 5, 5, 7, 9]) ?? 0, 2.138089935, accuracy: 1e-9)
        XCTAssertNil(Descriptive.sd([1]))
        XCTAssertEqual(Descriptive.median([4, 1, 3, 2]), 2.5)
    }
}
