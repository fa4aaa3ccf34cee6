import Foundation

/// The folders a notebook may read: the project folder, the data roots the user named (`nmm run --data-root`, by
/// default ../shared/data beside the project), the notebook's own folder and the output folder.
///
/// Paths are compared after every symbolic link in them is resolved, so a link inside an allowed folder cannot lead
/// out of it. A refused path is named in the error; its content is never read, so it cannot reach a report.
struct ReadableRoots: Sendable {
    /// The allowed folders, resolved.
    let folders: [String]

    /// The folders `urls`, resolved through their own symbolic links (a data root may itself be a link).
    init(_ urls: [URL]) {
        var seen: [String] = []
        for url in urls {
            let path = Self.realPath(url.standardizedFileURL.path)
            if !seen.contains(path) { seen.append(path) }
        }
        folders = seen
    }

    /// `url` resolved through every symbolic link, if it lies inside one of the folders; nil otherwise.
    func admit(_ url: URL) -> URL? {
        let real = Self.realPath(url.standardizedFileURL.path)
        let inside = folders.contains { folder in real == folder || real.hasPrefix(folder == "/" ? "/" : folder + "/") }
        return inside ? URL(fileURLWithPath: real) : nil
    }

    /// The folders in words, for errors.
    var listing: String { folders.joined(separator: ", ") }

    /// `path` with every symbolic link resolved; the part that does not exist (yet) is appended as written.
    static func realPath(_ path: String) -> String {
        var existing = path
        var missing: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let head = String(cString: resolved)
                return missing.isEmpty ? head : (head == "/" ? "" : head) + "/" + missing.reversed().joined(separator: "/")
            }
            let parent = (existing as NSString).deletingLastPathComponent
            guard parent != existing, !parent.isEmpty else { return path }
            missing.append((existing as NSString).lastPathComponent)
            existing = parent
        }
    }
}
