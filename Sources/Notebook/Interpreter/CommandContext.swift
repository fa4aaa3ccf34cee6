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
    /// The nmm version, for commands that stamp what they write.
    public let toolVersion: String
    /// The terminal progress bar; call ``ProgressReporter/update(fraction:message:)`` in long loops.
    public let progress: ProgressReporter
    /// The hashes of every input read so far in this run, by display path.
    private(set) var inputs: [String: String] = [:]
    /// The display paths read by the command that is running now.
    private(set) var currentInputs: [String] = []

    init(notebookDirectory: URL, notebookName: String, outputDirectory: URL, toolVersion: String, progress: ProgressReporter) {
        self.toolVersion = toolVersion
        self.notebookDirectory = notebookDirectory
        self.notebookName = notebookName
        self.outputDirectory = outputDirectory
        self.progress = progress
    }

    /// The file `path` names: absolute as given, otherwise relative to the notebook's folder.
    public func resolve(_ path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        return notebookDirectory.appendingPathComponent(path).standardizedFileURL
    }

    /// Where a notebook may write the file `name`: inside `outputDirectory/notebookName/`, never elsewhere —
    /// a name with a folder part or `..` is an error at `argument`.
    public func outputFile(_ name: String, for invocation: Invocation, argument: String) throws -> URL {
        guard !name.isEmpty, !name.contains("/"), !name.contains("\\"), name != ".", name != ".." else {
            throw invocation.error("give a plain file name such as \"prediction.sto\"; files are saved in \(outputDirectory.lastPathComponent)/\(notebookName)/", at: argument)
        }
        let folder = outputDirectory.appendingPathComponent(notebookName)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    /// Reads the file at `path` (see ``resolve(_:)``) and records its hash; a missing or unreadable file is
    /// an error at `argument` of the invocation.
    public func read(_ path: String, for invocation: Invocation, argument: String? = nil) throws -> Data {
        let url = resolve(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw invocation.error("cannot read '\(path)' (looked for \(url.path)): \(missingReason(url))", at: argument)
        }
        recordInput(displayPath: path, sha256: SHA256.hex(data))
        return data
    }

    /// Records the hash of a file or of every file inside a folder (for readers that open files themselves).
    /// Returns the combined hash; a missing path is an error at `argument` of the invocation.
    @discardableResult
    public func recordInput(_ path: String, for invocation: Invocation, argument: String? = nil) throws -> String {
        let url = resolve(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw invocation.error("cannot find '\(path)' (looked for \(url.path))", at: argument)
        }
        guard isDirectory.boolValue else {
            _ = try read(path, for: invocation, argument: argument)
            return inputs[path] ?? ""
        }
        let files = (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted()
        var combined = SHA256()
        for file in files {
            let fileURL = url.appendingPathComponent(file)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: fileURL.path, isDirectory: &isFolder), !isFolder.boolValue,
                  let data = FileManager.default.contents(atPath: fileURL.path) else { continue }
            let hash = SHA256.hex(data)
            recordInput(displayPath: (path as NSString).appendingPathComponent(file), sha256: hash)
            combined.update("\(file)\0\(hash)\0")
        }
        return combined.finalize()
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
