import Foundation

/// What a running command may use besides its arguments: where files are, the record of the files it
/// reads (hashed into cache keys and listed in the report), and the progress bar.
public final class CommandContext {
    /// The folder of the notebook; relative paths in a notebook are relative to it.
    public let notebookDirectory: URL
    /// The folder the report is written to (e.g. Output/); commands that save files write inside it.
    public let outputDirectory: URL
    /// The notebook's file name without extension; files a notebook saves go to `outputDirectory/notebookName/`.
    public let notebookName: String
    /// The nmm version and build (``RunOptions/buildStamp``), for commands that stamp what they write: what a command
    /// wrote is reused only by the build that wrote it.
    public let buildStamp: String
    /// Whether work saved by an earlier run may be reused (false for `--no-cache`).
    public let reusesSavedWork: Bool
    /// The terminal progress bar; call ``ProgressReporter/update(fraction:message:)`` in long loops.
    public let progress: ProgressReporter
    /// The hashes of every input read so far in this run, by display path.
    private(set) var inputs: [String: String] = [:]
    /// The display paths read by the command that is running now.
    private(set) var currentInputs: [String] = []
    /// The folders the notebook may read.
    let readableRoots: ReadableRoots
    /// The largest file a notebook reads or hashes (256 MiB); a larger one is refused before it is read.
    static let maximumFileBytes = 256 << 20
    /// The most files a folder it reads may hold.
    static let maximumFolderFiles = 100_000

    init(notebookDirectory: URL, notebookName: String, outputDirectory: URL, buildStamp: String, reusesSavedWork: Bool,
         progress: ProgressReporter, readableRoots: ReadableRoots) {
        self.readableRoots = readableRoots
        self.buildStamp = buildStamp
        self.reusesSavedWork = reusesSavedWork
        self.notebookDirectory = notebookDirectory
        self.notebookName = notebookName
        self.outputDirectory = outputDirectory
        self.progress = progress
    }

    /// The file `path` names (absolute as given, otherwise relative to the notebook's folder), resolved through its
    /// symbolic links; an error at `argument` when it lies outside the folders the notebook may read.
    public func resolve(_ path: String, for invocation: Invocation, argument: String? = nil) throws -> URL {
        let written = path.hasPrefix("/") ? URL(fileURLWithPath: path) : notebookDirectory.appendingPathComponent(path)
        guard let url = readableRoots.admit(written) else {
            throw invocation.error("'\(path)' is outside the folders this notebook may read (\(readableRoots.listing)); "
                + "name its folder with `nmm run --data-root DIR`", at: argument)
        }
        return url
    }

    /// Where a notebook may write the file `name`: inside `outputDirectory/notebookName/`, never elsewhere —
    /// a name with a folder part or `..` is an error at `argument`.
    public func outputFile(_ name: String, for invocation: Invocation, argument: String) throws -> URL {
        guard !name.isEmpty, !name.contains("/"), !name.contains("\\"), name != ".", name != ".." else {
            throw invocation.error("give a plain file name such as \"prediction.sto\"; files are saved in \(outputDirectory.lastPathComponent)/\(notebookName)/", at: argument)
        }
        let folder = outputDirectory.appendingPathComponent(notebookName)
        try OutputFolder.requireRealFolder(folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    /// Reads the file at `path` (see ``resolve(_:)``) and records its hash; a missing or unreadable file is
    /// an error at `argument` of the invocation.
    public func read(_ path: String, for invocation: Invocation, argument: String? = nil) throws -> Data {
        let url = try resolve(path, for: invocation, argument: argument)
        try checkSize(of: url, named: path, for: invocation, argument: argument)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw invocation.error("cannot read '\(path)' (looked for \(url.path)): \(missingReason(url))", at: argument)
        }
        recordInput(displayPath: path, sha256: SHA256.hex(data))
        return data
    }

    /// Records the hash of a file or of every file inside a folder (for readers that open files themselves).
    /// Returns the combined hash; a missing path is an error at `argument` of the invocation. A folder's files are
    /// listed under `shownAs` (default `path`), e.g. a folder the run wrote itself under its place in the output folder.
    @discardableResult
    public func recordInput(_ path: String, shownAs: String? = nil, for invocation: Invocation, argument: String? = nil) throws -> String {
        let url = try resolve(path, for: invocation, argument: argument)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw invocation.error("cannot find '\(path)' (looked for \(url.path))", at: argument)
        }
        guard isDirectory.boolValue else {
            _ = try read(path, for: invocation, argument: argument)
            return inputs[path] ?? ""
        }
        let files = (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted()
        guard files.count <= Self.maximumFolderFiles else {
            throw invocation.error("'\(path)' holds \(files.count) files; a notebook reads folders of at most \(Self.maximumFolderFiles)", at: argument)
        }
        var combined = SHA256()
        for file in files {
            let shown = ((shownAs ?? path) as NSString).appendingPathComponent(file)
            guard let fileURL = readableRoots.admit(url.appendingPathComponent(file)) else {
                throw invocation.error("'\(shown)' is a symbolic link that leads outside the folders this notebook may read; nmm does not follow it", at: argument)
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: fileURL.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            try checkSize(of: fileURL, named: shown, for: invocation, argument: argument)
            guard let data = FileManager.default.contents(atPath: fileURL.path) else { continue }
            let hash = SHA256.hex(data)
            recordInput(displayPath: shown, sha256: hash)
            combined.update("\(file)\0\(hash)\0")
        }
        return combined.finalize()
    }

    /// Refuses a file larger than ``maximumFileBytes`` before it is read.
    private func checkSize(of url: URL, named path: String, for invocation: Invocation, argument: String?) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= Self.maximumFileBytes else {
            throw invocation.error("'\(path)' is \(size >> 20) MiB; a notebook reads files of at most \(Self.maximumFileBytes >> 20) MiB", at: argument)
        }
    }

    private func missingReason(_ url: URL) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? "it is a folder, not a file" : "it cannot be read"
        }
        return "no such file"
    }

    private func recordInput(displayPath: String, sha256: String) {
        inputs[displayPath] = sha256
        currentInputs.append(displayPath)
    }

    /// Starts tracking the inputs of a new command.
    func beginCommand() {
        currentInputs = []
    }
}
