import Foundation

/// Runs a study's unfinished jobs on this machine, `parallel` at a time, with a progress line.
public struct LocalRunner: Sendable {
    /// Runs each job.
    public let executor: JobExecutor
    /// Jobs at a time.
    public let parallel: Int

    /// A runner.
    public init(executor: JobExecutor, parallel: Int) {
        self.executor = executor; self.parallel = max(parallel, 1)
    }

    /// Runs every job of `jobs` that has not finished and returns the failures (id and error), in the plan's order.
    /// Interrupted attempts of an earlier run are cleared first; the caller holds the ``StudyLock``.
    public func run(_ jobs: [StudyJob], progress printer: ProgressPrinter) -> [(id: String, error: String)] {
        executor.folder.clearInterruptedAttempts()
        let todo = jobs.filter { executor.folder.finishedRecord(of: $0) == nil }
        let state = RunState(progress: StudyProgress(total: jobs.count, done: jobs.count - todo.count, failed: 0, runningSeconds: [],
                                                     finishedSeconds: [], parallel: parallel), todo: todo)
        printer.show(state.snapshot().line, event: true)
        let group = DispatchGroup()
        for _ in 0..<min(parallel, todo.count) {
            let worker = Thread { [executor] in
                while let job = state.next() {
                    printer.show(state.snapshot().line, event: false)
                    let outcome = executor.run(job)
                    if case .failed(let error) = outcome { printer.note("\(job.id) failed: \(error)") }
                    state.finish(job, outcome)
                    printer.show(state.snapshot().line, event: true)
                }
                group.leave()
            }
            group.enter()
            worker.start()
        }
        while group.wait(timeout: .now() + 1) == .timedOut {
            printer.show(state.snapshot().line, event: false)
        }
        printer.finish()
        return state.failures(in: jobs)
    }
}

/// The queue and counts the workers share.
private final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var progress: StudyProgress
    private var queue: [StudyJob]
    private var started: [String: Date] = [:]
    private var failed: [String: String] = [:]

    init(progress: StudyProgress, todo: [StudyJob]) {
        self.progress = progress
        queue = todo.reversed()
    }

    func next() -> StudyJob? {
        lock.lock(); defer { lock.unlock() }
        guard let job = queue.popLast() else { return nil }
        started[job.id] = Date()
        return job
    }

    func finish(_ job: StudyJob, _ outcome: JobExecutor.Outcome) {
        lock.lock(); defer { lock.unlock() }
        started[job.id] = nil
        switch outcome {
        case .finished(let seconds):
            progress.done += 1
            progress.finishedSeconds.append(seconds)
        case .failed(let error):
            progress.failed += 1
            failed[job.id] = error
        }
    }

    func snapshot() -> StudyProgress {
        lock.lock(); defer { lock.unlock() }
        var current = progress
        current.runningSeconds = started.values.map { Date().timeIntervalSince($0) }
        return current
    }

    func failures(in jobs: [StudyJob]) -> [(id: String, error: String)] {
        lock.lock(); defer { lock.unlock() }
        return jobs.compactMap { job in failed[job.id].map { (job.id, $0) } }
    }
}
