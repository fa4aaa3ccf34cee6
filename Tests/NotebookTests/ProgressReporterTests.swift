import Foundation
import Synchronization
import Testing
@testable import Notebook

@Suite struct ProgressReporterTests {
    final class Sink: Sendable {
        let text = Mutex("")
        func write(_ piece: String) { text.withLock { $0 += piece } }
    }

    /// A clock the test moves by hand.
    final class Clock: Sendable {
        let now = Mutex(Date(timeIntervalSince1970: 0))
        func advance(_ seconds: Double) { now.withLock { $0 += seconds } }
        func read() -> Date { now.withLock { $0 } }
    }

    @Test func drawsABarWithTimesAndClearsItBeforeAStatusLine() {
        let sink = Sink(), clock = Clock()
        let progress = ProgressReporter(style: .bar, clock: clock.read, write: sink.write)
        progress.begin("fit nmm")
        clock.advance(10)
        progress.report("nmm: step 100/400", fraction: 0.25)
        progress.status("ran cell 2/5")
        let text = sink.text.withLock { $0 }
        #expect(text == "fit nmm\n" + "nmm: step 100/400\n"
            + "\r\u{1B}[2K[######..................]  25%  fit nmm  10 s elapsed, about 30 s left"
            + "\r\u{1B}[2K" + "ran cell 2/5\n")
    }

    @Test func printsPlainLinesWithTimesWhenNotATerminal() {
        let sink = Sink(), clock = Clock()
        let progress = ProgressReporter(style: .lines, clock: clock.read, write: sink.write)
        progress.begin("fit nmm")
        clock.advance(2)
        progress.update(fraction: 0.1, message: "too soon for another line")
        clock.advance(4)
        progress.update(fraction: 0.5, message: "halfway")
        progress.report("nmm: step 300/400", fraction: 0.75)
        progress.clearBar()
        #expect(sink.text.withLock { $0 } == "fit nmm\n" + " 50%  halfway  (6 s elapsed, about 6 s left)\n"
            + "nmm: step 300/400  (6 s elapsed, about 2 s left)\n")
        #expect(!sink.text.withLock { $0 }.contains("\u{1B}"), "no escape sequences in a log")
    }

    @Test func staysSilentWhenAsked() {
        let sink = Sink()
        let progress = ProgressReporter(style: .silent, write: sink.write)
        progress.begin("x")
        progress.update(fraction: 1, message: "done")
        progress.report("step 1/2", fraction: 0.5)
        progress.status("ran")
        progress.clearBar()
        #expect(sink.text.withLock { $0 }.isEmpty)
    }

    @Test func readsTheFractionOfAStepLine() {
        #expect(ProgressReporter.fraction(in: "nmm: step 100/400  emg 0.01") == 0.25)
        #expect(ProgressReporter.fraction(in: "mse: iteration 100, loss 0.2") == nil)
        #expect(ProgressReporter.fraction(in: "nmm: early stop at step 300") == nil)
    }
}
