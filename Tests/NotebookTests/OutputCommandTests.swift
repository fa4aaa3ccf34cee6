import Foundation
import Testing
import Estimation
@testable import Notebook

@Suite struct OutputCommandTests {
    /// Reference values from numpy: `1 - sum((y-x)**2)/sum((x-mean(x))**2)` and `corrcoef(x, y)[0, 1]`.
    @Test func fitStatisticsMatchNumpy() {
        let fit = SignalMetrics.finitePairs(reference: [1, 2, 3, 4, 5, .nan], estimate: [1.1, 1.9, 3.2, 3.8, 5.3, 2])
        #expect(abs(fit.r2! - 0.981) < 1e-12)
        #expect(abs(fit.r! - 0.992405248250204) < 1e-12)
        #expect(fit.annotation == "R² = 0.981, r = 0.992")
        #expect(SignalMetrics.finitePairs(reference: [1, 2, 3], estimate: [2, 2, 2]).annotation == "R² = 0, r = —")
    }

    @Test func saveWritesAStorageFileOnlyInsideTheOutputFolder() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.write("""
            ```nmm
            a = sine frequencies: [1] names: [x] rate: 10
            save a "a.sto"
            ```

            ```nmm
            save a "../escape.sto"
            ```

            ```nmm
            save a "a.csv"
            ```
            """, named: "saving.md"))
        let file = harness.output.appendingPathComponent("saving/a.sto")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("a\nversion=1\nnRows=11\nnColumns=2\n"))
        #expect(text.contains("time\tx\n"))
        #expect(run.record.outcomes.map(\.isFailure) == [false, true, true])
        #expect(!FileManager.default.fileExists(atPath: harness.directory.appendingPathComponent("escape.sto").path))
        #expect(!FileManager.default.fileExists(atPath: harness.output.appendingPathComponent("escape.sto").path))
    }

    @Test func scatterComparesSharedChannels() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.write("""
            ```nmm
            truth = sine frequencies: [1, 2] names: [BRA, TRImed]
            nmm = sine frequencies: [1, 2] names: [BRA, TRImed] amplitude: 0.9
            plot scatter nmm against: truth
            plot scatter nmm against: truth channels: [BRA, BIClong]
            ```
            """))
        #expect(run.record.diagnostics.first?.message.contains("'BIClong' is not a channel of both series") == true)
        #expect(run.record.diagnostics.first?.location.column == 49)
        #expect(run.html.contains("Excitation") == false)
        #expect(run.html.contains("R² = 0.99, r = 1"))
    }
}
