import Synchronization
import Testing
@testable import Notebook

@Suite struct ProgressReporterTests {
    final class Sink: Sendable {
        let text = Mutex("")
        func write(_ piece: String) { text.withLock { $0 += piece } }
    }

    @Test func drawsABarAndClearsItBeforeAStatusLine() {
        let sink = Sink()
        let progress = ProgressReporter(enabled: true, write: sink.write)
        progress.update(fraction: 0.5, message: "epoch 150/300")
        progress.status("ran cell 2/5")
        let text = sink.text.withLock { $0 }
        #expect(text == "\r\u{1B}[2K[############............]  50%  epoch 150/300" + "\r\u{1B}[2K" + "ran cell 2/5\n")
    }

    @Test func staysSilentWhenNotATerminal() {
        let sink = Sink()
        let progress = ProgressReporter(enabled: false, write: sink.write)
        progress.update(fraction: 1, message: "done")
        progress.status("ran")
        progress.clearBar()
        #expect(sink.text.withLock { $0 }.isEmpty)
    }
}
