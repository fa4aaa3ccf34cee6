import Foundation

/// Counts of a running study and the time left, as one line: `12/48 done, 2 running, 1 failed, about 6 min left`.
public struct StudyProgress: Sendable, Equatable {
    /// Jobs in the study.
    public var total: Int
    /// Finished jobs (before this run and in it).
    public var done: Int
    /// Jobs that failed in this run (every attempt).
    public var failed: Int
    /// Seconds each running job has run so far.
    public var runningSeconds: [Double]
    /// Wall seconds of the jobs this run finished.
    public var finishedSeconds: [Double]
    /// Jobs run side by side.
    public var parallel: Int

    /// Jobs neither finished, failed nor running.
    public var pending: Int { max(total - done - failed - runningSeconds.count, 0) }

    /// Seconds left: the pending jobs and the rest of the running ones at the mean duration of this run's finished
    /// jobs, shared among `parallel` workers; nil until a job has finished.
    public var secondsLeft: Double? {
        guard !finishedSeconds.isEmpty else { return nil }
        let mean = finishedSeconds.reduce(0, +) / Double(finishedSeconds.count)
        let work = Double(pending) * mean + runningSeconds.reduce(0) { $0 + max(mean - $1, 0) }
        return work / Double(max(parallel, 1))
    }

    /// The progress line.
    public var line: String {
        var text = "\(done)/\(total) done, \(runningSeconds.count) running, \(failed) failed"
        if done + failed == total {
            text += ", finished"
        } else if let left = secondsLeft {
            text += ", about \(Self.duration(left)) left"
        } else {
            text += ", time left known after the first job"
        }
        return text
    }

    /// `45 s`, `7 min`, `1 h 05 min`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 90 { return "\(s) s" }
        if s < 5400 { return "\((s + 30) / 60) min" }
        return String(format: "%d h %02d min", s / 3600, (s % 3600 + 30) / 60)
    }
}

/// Prints progress lines: rewritten in place on a terminal, one plain line per change otherwise (logs, Slurm, CI).
public final class ProgressPrinter: @unchecked Sendable {
    private let handle: FileHandle
    private let isTerminal: Bool
    private var last = ""
    private let lock = NSLock()

    /// Prints to standard error.
    public init(handle: FileHandle = .standardError) {
        self.handle = handle
        isTerminal = isatty(handle.fileDescriptor) == 1
    }

    /// Shows `line`. A terminal shows every line; plain output only lines of an `event` (a job started, finished or
    /// failed), not the clock's ticks.
    public func show(_ line: String, event: Bool) {
        lock.lock(); defer { lock.unlock() }
        if isTerminal {
            handle.write(Data("\r\u{1B}[K\(line)".utf8))
        } else if event, line != last {
            handle.write(Data("\(line)\n".utf8))
        }
        last = line
    }

    /// A message on its own line (a failed job), keeping the progress line below it on a terminal.
    public func note(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        handle.write(Data(((isTerminal ? "\r\u{1B}[K" : "") + message + "\n").utf8))
        if isTerminal { handle.write(Data(last.utf8)) }
    }

    /// Ends the progress line on a terminal.
    public func finish() {
        lock.lock(); defer { lock.unlock() }
        if isTerminal { handle.write(Data("\n".utf8)) }
    }
}
