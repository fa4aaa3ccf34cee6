import Foundation
import XCTest
@testable import Study

/// The local runner against a stand-in nmm (a shell script), so that resuming, retrying and the folder rules are
/// checked in seconds.
final class StudyRunTests: XCTestCase {
    private func setUp(_ study: TemporaryStudy, sleep: Double = 0) throws -> (StudyPlan, JobExecutor) {
        let plan = try StudyPlan.load(from: try study.write("plan.toml", TemporaryStudy.plan()))
        let executor = JobExecutor(nmm: try study.fakeNMM(sleep: sleep), folder: StudyFolder(path: study.root.appendingPathComponent("out").path))
        return (plan, executor)
    }

    private var quiet: ProgressPrinter { ProgressPrinter(handle: FileHandle.nullDevice) }

    func testRunsEveryJobOnceAndNeverAgain() throws {
        let study = try TemporaryStudy(); defer { study.remove() }
        let (plan, executor) = try setUp(study)
        XCTAssertTrue(LocalRunner(executor: executor, parallel: 3).run(plan.jobs, progress: quiet).isEmpty)
        XCTAssertEqual(study.calls.count, 12)
        XCTAssertEqual(Set(study.calls.map { $0.components(separatedBy: " --output ").last! }).count, 12, "one folder per job")
        for job in plan.jobs {
            let folder = executor.folder.job(job.id)
            for file in ["metrics.json", "job.json", "fit.log"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(job.id)/\(file)")
            }
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: executor.folder.subjectFolder(plan.subjects[1]).appendingPathComponent("subject.json").path))
        XCTAssertTrue(LocalRunner(executor: executor, parallel: 2).run(plan.jobs, progress: quiet).isEmpty)
        XCTAssertEqual(study.calls.count, 12, "a finished job is never run twice")
    }

    func testIncompleteOrStaleFoldersAreRunAgain() throws {
        let study = try TemporaryStudy(); defer { study.remove() }
        let (plan, executor) = try setUp(study)
        _ = LocalRunner(executor: executor, parallel: 2).run(plan.jobs, progress: quiet)
        let fm = FileManager.default
        // A folder without its job.json (as a crash between writing and renaming would leave, were it possible)...
        try fm.removeItem(at: executor.folder.job(plan.jobs[0].id).appendingPathComponent("job.json"))
        // ...one without metrics.json...
        try fm.removeItem(at: executor.folder.job(plan.jobs[1].id).appendingPathComponent("metrics.json"))
        // ...one that belongs to another version of the plan (other fit arguments)...
        let url = executor.folder.job(plan.jobs[2].id).appendingPathComponent("job.json")
        var record = try JSONDecoder().decode(JobRecord.self, from: Data(contentsOf: url))
        record.job.fitArguments.append("--steps=1")
        try record.writeJSON(to: url)
        // ...and an interrupted attempt in work/.
        try fm.createDirectory(at: executor.folder.work(plan.jobs[3].id).appendingPathComponent("fit"), withIntermediateDirectories: true)
        XCTAssertEqual(executor.folder.states(of: plan.jobs).filter { $0 == .finished }.count, 9)
        _ = LocalRunner(executor: executor, parallel: 2).run(plan.jobs, progress: quiet)
        XCTAssertEqual(study.calls.count, 12 + 3)
        XCTAssertFalse(fm.fileExists(atPath: executor.folder.work(plan.jobs[3].id).path), "interrupted attempts are cleared")
        XCTAssertEqual(executor.folder.states(of: plan.jobs), Array(repeating: .finished, count: 12))
    }

    func testAFailedFitIsRetriedOnceThenReportedWithItsError() throws {
        let study = try TemporaryStudy(); defer { study.remove() }
        let (plan, executor) = try setUp(study)
        let job = plan.jobs[0]
        try study.write("fail-once", "")
        XCTAssertEqual(executor.run(job), .finished(seconds: (try JobRecord.read(from: executor.folder.job(job.id))).wallSeconds))
        XCTAssertEqual(study.calls.count, 2, "failed once, then succeeded on the retry")
        XCTAssertEqual(try JobRecord.read(from: executor.folder.job(job.id)).attempt, 2)

        try study.write("fail-always", "")
        guard case .failed(let error) = executor.run(plan.jobs[1]) else { return XCTFail("a failing fit must fail") }
        XCTAssertEqual(study.calls.count, 4, "two attempts, no more")
        XCTAssertTrue(error.contains("status 3") && error.contains("always failing"), error)
        XCTAssertEqual(executor.folder.states(of: [plan.jobs[1]]), [.failed(error)])
        XCTAssertFalse(FileManager.default.fileExists(atPath: executor.folder.job(plan.jobs[1].id).path), "no folder for a failed job")
        XCTAssertTrue(FileManager.default.fileExists(atPath: executor.folder.failureLog(plan.jobs[1].id).path))

        let failures = LocalRunner(executor: executor, parallel: 2).run(Array(plan.jobs.prefix(3)), progress: quiet)
        XCTAssertEqual(failures.map(\.id), [plan.jobs[1].id, plan.jobs[2].id])
        try FileManager.default.removeItem(at: study.root.appendingPathComponent("fail-always"))
        XCTAssertTrue(LocalRunner(executor: executor, parallel: 2).run(Array(plan.jobs.prefix(3)), progress: quiet).isEmpty, "a later run retries failed jobs")
        XCTAssertNil(executor.folder.failureRecord(of: plan.jobs[1]))
    }

    func testProgressLineCountsAndEstimatesTimeLeft() {
        var progress = StudyProgress(total: 10, done: 4, failed: 1, runningSeconds: [5, 30], finishedSeconds: [], parallel: 2)
        XCTAssertEqual(progress.line, "4/10 done, 2 running, 1 failed, time left known after the first job")
        progress.finishedSeconds = [20, 20]
        // 3 pending × 20 s + (20 − 5) + 0 for the running ones, over 2 workers.
        XCTAssertEqual(progress.secondsLeft, 37.5)
        XCTAssertEqual(progress.line, "4/10 done, 2 running, 1 failed, about 38 s left")
        XCTAssertEqual(StudyProgress.duration(3 * 3600 + 125), "3 h 02 min")
    }

    func testSlurmScriptRunsOneTaskPerJobThroughNMMStudyTask() throws {
        let study = try TemporaryStudy(); defer { study.remove() }
        let (plan, executor) = try setUp(study)
        let array = SlurmArray(plan: plan, folder: executor.folder, nmm: URL(fileURLWithPath: "/opt/it's/nmm"))
        let script = array.script(for: Array(plan.jobs.prefix(2)))
        XCTAssertTrue(script.contains("jobs=('SIM01-nmm-s1' 'SIM01-nmm-s2')"), script)
        XCTAssertTrue(script.contains("exec '/opt/it'\\''s/nmm' study task '\(plan.file.path)' \"${jobs[$SLURM_ARRAY_TASK_ID]}\" --output '\(executor.folder.root.path)'"), script)
        let arguments = array.sbatchArguments(count: 2, resources: .init(partition: "short", time: "00:10:00", memory: "2G", cpus: 2))
        XCTAssertEqual(arguments.prefix(3), ["--parsable", "--array=0-1", "--job-name=nmm-test-study"])
        XCTAssertEqual(arguments.suffix(4), ["--partition=short", "--time=00:10:00", "--mem=2G", "--cpus-per-task=2"])
    }
}
