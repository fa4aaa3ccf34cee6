import Foundation

/// The output folder of a study and what its files say about each job.
///
/// Layout: `jobs/ID/` holds a finished job only (the fit's output, `fit.log` and `job.json`, moved there in one
/// rename once the fit succeeded); `work/ID/` an attempt in progress; `failed/ID.json` and `failed/ID.log` the last
/// failure; `subjects/NAME/` the simulated subjects; `slurm/` batch scripts and task logs; `study.json` and
/// `study.html` what `collect` writes.
public struct StudyFolder: Sendable {
    /// The folder (absolute).
    public let root: URL

    /// A study folder at `path` (made when first written).
    public init(path: String) {
        root = URL(fileURLWithPath: path).standardizedFileURL
    }

    /// Where a finished job lives.
    public func job(_ id: String) -> URL { root.appendingPathComponent("jobs").appendingPathComponent(id) }
    /// Where a job's attempt runs.
    public func work(_ id: String) -> URL { root.appendingPathComponent("work").appendingPathComponent(id) }
    /// The record of a job's last failure.
    public func failure(_ id: String) -> URL { root.appendingPathComponent("failed").appendingPathComponent("\(id).json") }
    /// The log of a job's last failed attempt.
    public func failureLog(_ id: String) -> URL { root.appendingPathComponent("failed").appendingPathComponent("\(id).log") }
    /// Batch scripts, task logs and the last submission.
    public var slurm: URL { root.appendingPathComponent("slurm") }
    /// `study.json`.
    public var studyJSON: URL { root.appendingPathComponent("study.json") }
    /// `study.html`.
    public var studyHTML: URL { root.appendingPathComponent("study.html") }

    /// The folder a subject's fits read: its own folder, or the study's copy of a simulated subject.
    public func subjectFolder(_ subject: StudySubject) -> URL {
        switch subject.source {
        case .folder(let path): return URL(fileURLWithPath: path)
        case .simulated: return root.appendingPathComponent("subjects").appendingPathComponent(subject.name)
        }
    }

    /// The record of a finished job, if its folder holds one for exactly this job (same fit arguments): a folder
    /// left by another version of the plan does not count.
    public func finishedRecord(of job: StudyJob) -> JobRecord? {
        guard let record = try? JobRecord.read(from: self.job(job.id)), record.job == job,
              FileManager.default.fileExists(atPath: self.job(job.id).appendingPathComponent("metrics.json").path) else { return nil }
        return record
    }

    /// The last failure of a job, if it has one and has not finished since.
    public func failureRecord(of job: StudyJob) -> FailureRecord? {
        guard finishedRecord(of: job) == nil, let data = FileManager.default.contents(atPath: failure(job.id).path) else { return nil }
        return try? JSONDecoder().decode(FailureRecord.self, from: data)
    }

    /// Every job's state, in the plan's order.
    public func states(of jobs: [StudyJob]) -> [JobState] {
        jobs.map { job in
            if finishedRecord(of: job) != nil { return .finished }
            if let failure = failureRecord(of: job) { return .failed(failure.error) }
            return .pending
        }
    }
}

/// Where a job stands according to the study folder.
public enum JobState: Sendable, Equatable {
    /// Its output is complete.
    case finished
    /// Its last run failed (every attempt), with this error.
    case failed(String)
    /// Not run yet, or interrupted.
    case pending
}

/// `jobs/ID/job.json`: the job a finished folder belongs to, written last before the folder is moved into place.
public struct JobRecord: Sendable, Codable, Equatable {
    /// The job as planned.
    public var job: StudyJob
    /// The attempt that succeeded (1 or 2).
    public var attempt: Int
    /// Wall-clock seconds of that attempt.
    public var wallSeconds: Double
    /// The machine it ran on.
    public var host: String

    enum CodingKeys: String, CodingKey {
        case job, attempt, wallSeconds = "wall_seconds", host
    }

    static func read(from folder: URL) throws -> JobRecord {
        try JSONDecoder().decode(JobRecord.self, from: Data(contentsOf: folder.appendingPathComponent("job.json")))
    }
}

/// `failed/ID.json`: why a job's last run failed.
public struct FailureRecord: Sendable, Codable, Equatable {
    /// The job's id.
    public var id: String
    /// Attempts made.
    public var attempts: Int
    /// The fit's exit status and last lines of output.
    public var error: String
    /// The machine it ran on.
    public var host: String
}

extension Encodable {
    /// Pretty, key-sorted JSON written to a temporary file and renamed over `url`: readers see the old file or the new.
    func writeJSON(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}
