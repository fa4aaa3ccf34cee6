import Foundation

extension StudyFolder {
    /// Ends the fits a killed run left behind on this machine (their `work/ID/pid` names them; a process is ended
    /// only if its command line still names that attempt's folder) and removes every unfinished attempt, so a resumed
    /// run starts those jobs afresh. Call it only while holding the ``StudyLock``.
    public func clearInterruptedAttempts() {
        let work = root.appendingPathComponent("work")
        let fm = FileManager.default
        for id in (try? fm.contentsOfDirectory(atPath: work.path)) ?? [] {
            let attempt = work.appendingPathComponent(id)
            if let line = try? String(contentsOf: attempt.appendingPathComponent("pid"), encoding: .utf8) {
                let parts = line.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", maxSplits: 2).map(String.init)
                if parts.count == 3, parts[0] == JobExecutor.host, let pid = Int32(parts[1]),
                   let commandLine = fm.contents(atPath: "/proc/\(pid)/cmdline"),
                   String(decoding: commandLine, as: UTF8.self).contains(parts[2]) {
                    kill(pid, SIGKILL)
                }
            }
            try? fm.removeItem(at: attempt)
        }
    }
}

/// An exclusive lock on a study folder (`.lock`, flock(2)): one `nmm study run` at a time; the system drops it
/// when its holder dies, so a killed run never blocks the next.
public final class StudyLock {
    private let descriptor: Int32

    /// Takes the lock or throws, naming the folder.
    public init(_ folder: StudyFolder) throws {
        try FileManager.default.createDirectory(at: folder.root, withIntermediateDirectories: true)
        let path = folder.root.appendingPathComponent(".lock").path
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else { throw StudyRunError("cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw StudyRunError("another nmm study run is using \(folder.root.path); wait for it to finish")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
