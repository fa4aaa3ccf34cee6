import Foundation

/// The project a notebook belongs to, which decides where its reports go when `--output` is not given.
///
/// The nearest folder at or above the notebook's own that holds an `Output` folder, a `.git` or a `Package.swift`; the
/// notebook's folder when none does. So `nmm run Notebooks/quickstart.md` writes to the project's Output/ from any
/// working folder, not to an Output/ wherever the command happened to be typed.
public enum NotebookProject {
    /// The project folder of the notebook at `notebook`.
    public static func folder(of notebook: URL) -> URL {
        let start = notebook.standardizedFileURL.deletingLastPathComponent()
        var folder = start
        let manager = FileManager.default
        while true {
            for marker in ["Output", ".git", "Package.swift"] where manager.fileExists(atPath: folder.appendingPathComponent(marker).path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            guard parent.path != folder.path, !parent.path.isEmpty else { return start }
            folder = parent
        }
    }
}
