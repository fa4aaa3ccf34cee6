import BiomechIO
import Foundation

/// How a notebook run shares its output folder: one run of a notebook at a time (a lock per notebook in the folder),
/// the temporary files of a killed run removed by the next, and no symbolic link followed out of the folder.
enum OutputFolder {
    /// Takes the lock of notebook `name` in `output` (`.NAME.nmm-lock`), waiting while another run holds it.
    static func lock(_ output: URL, notebook name: String, progress: ProgressReporter) throws -> RunLock {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        return try RunLock(path: output.appendingPathComponent(".\(name).nmm-lock").path) { message in
            progress.isEnabled ? progress.status(message) : FileHandle.standardError.write(Data((message + "\n").utf8))
        }
    }

    /// Removes what a killed run of notebook `name` left: its reports' temporary files and the temporary files and
    /// folders under `output/name/` (safe under the notebook's lock), and cache entries half-written by a process
    /// that is gone.
    static func removeLeftovers(of name: String, in output: URL, cache: URL) {
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: output.path)) ?? []
        where (entry.hasPrefix(".\(name).html.") || entry.hasPrefix(".\(name).json.")) && entry.hasSuffix(".tmp") {
            try? manager.removeItem(at: output.appendingPathComponent(entry))
        }
        let files = output.appendingPathComponent(name)
        for entry in (try? manager.contentsOfDirectory(atPath: files.path)) ?? []
        where entry.contains(".tmp-") || entry.hasPrefix(temporaryPrefix) {
            try? manager.removeItem(at: files.appendingPathComponent(entry))
        }
        for entry in (try? manager.contentsOfDirectory(atPath: cache.path)) ?? [] where entry.hasPrefix(".") && entry.hasSuffix(".tmp") {
            let parts = entry.split(separator: ".")
            if parts.count >= 2, let pid = Int32(parts[parts.count - 2]), RunLock.isGone(pid) {
                try? manager.removeItem(at: cache.appendingPathComponent(entry))
            }
        }
    }

    /// The prefix of folders written whole under `output/name/` before they are renamed into place.
    static let temporaryPrefix = ".partial-"

    /// Throws when `url` exists as a symbolic link: nmm writes only into real folders inside the output folder, so a
    /// link planted there cannot send a notebook's files elsewhere.
    static func requireRealFolder(_ url: URL) throws {
        guard (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) == nil else {
            throw InputError(file: url.path, message: "is a symbolic link; nmm writes only into real folders inside the output folder (remove the link)")
        }
    }
}
