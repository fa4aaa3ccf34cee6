import BiomechIO
import Foundation

/// A folder of results (`nmm fit --output`, `nmm predict --output`) written whole: the results go to a temporary
/// folder beside it (`.NAME.nmm-partial-PID`) and take its place by rename only once every file is written, so a
/// killed or failed run leaves the old results or none, never a mix. The folder is claimed before the command's work
/// starts: one run at a time (a lock file `.NAME.nmm-lock` beside it; a second run waits), a killed run's leftovers
/// recovered, and a folder that holds anything but what the same command writes — or is a symbolic link — refused
/// before any work is done, never followed or deleted.
struct ResultFolder {
    /// The folder.
    let url: URL
    /// Held until the results are in place.
    private let lock: RunLock

    /// Claims the folder `path` for a command writing the entries `isResult` accepts.
    init(_ path: String, isResult: (String) -> Bool) throws {
        url = URL(fileURLWithPath: path).standardizedFileURL
        let manager = FileManager.default
        let parent = url.deletingLastPathComponent(), name = url.lastPathComponent
        try Self.attempt(parent, "cannot create the folder") { try manager.createDirectory(at: parent, withIntermediateDirectories: true) }
        lock = try RunLock(path: parent.appendingPathComponent(".\(name).nmm-lock").path) { Terminal.error($0) }
        // A killed run's leftovers (the lock says no run is live): a partial folder is dropped; previous results moved
        // aside are put back when the run died before the new ones took their place.
        for entry in ((try? manager.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        where entry.hasPrefix(".\(name).nmm-partial-") || entry.hasPrefix(".\(name).nmm-old-") {
            let leftover = parent.appendingPathComponent(entry)
            if entry.hasPrefix(".\(name).nmm-old-"), !manager.fileExists(atPath: url.path), (try? manager.moveItem(at: leftover, to: url)) != nil {
                continue
            }
            try? manager.removeItem(at: leftover)
        }
        try Self.checkReplaceable(url, isResult: isResult)
    }

    /// `<trial>_excitation.sto`, `_activation.sto`, `_force.sto`, `_torque.sto`: what both commands write per trial.
    static func isPrediction(_ entry: String) -> Bool {
        ["excitation", "activation", "force", "torque"].contains { entry.hasSuffix("_\($0).sto") }
    }

    /// Runs `body` to fill a temporary folder, then puts that folder in place of ``url``.
    func write(_ body: (URL) throws -> Void) throws {
        let manager = FileManager.default
        let parent = url.deletingLastPathComponent(), name = url.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let partial = parent.appendingPathComponent(".\(name).nmm-partial-\(pid)"), old = parent.appendingPathComponent(".\(name).nmm-old-\(pid)")
        do {
            try Self.attempt(partial, "cannot create a temporary folder") { try manager.createDirectory(at: partial, withIntermediateDirectories: false) }
            try body(partial)
            let replacing = manager.fileExists(atPath: url.path)
            if replacing { try Self.attempt(url, "cannot move the previous results aside") { try manager.moveItem(at: url, to: old) } }
            do {
                try Self.attempt(url, "cannot put the results in place") { try manager.moveItem(at: partial, to: url) }
            } catch {
                if replacing { try? manager.moveItem(at: old, to: url) }
                throw error
            }
            try? manager.removeItem(at: old)
        } catch {
            try? manager.removeItem(at: partial)
            throw error
        }
    }

    /// Throws unless `url` is absent, or a real folder holding only results of this command.
    private static func checkReplaceable(_ url: URL, isResult: (String) -> Bool) throws {
        let manager = FileManager.default
        guard (try? manager.destinationOfSymbolicLink(atPath: url.path)) == nil else {
            throw InputError(file: url.path, message: "is a symbolic link; give a real folder for the results")
        }
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw InputError(file: url.path, message: "is a file, not a folder for the results") }
        let entries = try Self.attempt(url, "cannot list the folder") { try manager.contentsOfDirectory(atPath: url.path) }
        if let foreign = entries.sorted().first(where: { !isResult($0) }) {
            throw InputError(file: url.path, message: "holds '\(foreign)', which this command does not write; results replace the "
                + "whole folder, so give a new or empty folder (or one this command wrote before)")
        }
    }

    /// Runs a file operation, reporting its failure in plain words with `path`.
    @discardableResult
    private static func attempt<T>(_ path: URL, _ what: String, _ operation: () throws -> T) throws -> T {
        do { return try operation() } catch { throw InputError(file: path.path, message: "\(what): \(FileProblem.reason(error))") }
    }
}
