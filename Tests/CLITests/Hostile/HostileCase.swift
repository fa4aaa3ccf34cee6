import TestSupport
import Foundation
import Testing

/// One hostile or damaged input from the audit of issue 13 (or one found since): files planted in a scratch project
/// folder, the `nmm` command run on them, and what must come out — the exit status, a message, no raw escape
/// sequence on the terminal, no Foundation error dump, and nothing changed outside the project's Output/ folder.
struct HostileCase: Sendable, CustomTestStringConvertible {
    /// A short name, shown by the test runner.
    var name: String
    /// Writes the case's files into the project folder.
    var plant: @Sendable (URL) throws -> Void
    /// The arguments of `nmm`, given the project folder.
    var arguments: @Sendable (URL) -> [String]
    /// The exit status required (1 for a bad input, 64 for a bad command line, 0 for an input handled in place).
    var status: Int32
    /// Text the standard error (or, for status 0, the output) must contain.
    var message: String

    var testDescription: String { name }

    /// Plants the files, runs nmm and checks the outcome.
    func check(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try TestFiles.withScratchFolder { project in
            try plant(project)
            let before = try FolderSnapshot(project, excluding: "Output")
            let result = try NMMExecutable.run(arguments(project))
            let printed = result.stderr + result.stdout
            #expect(result.exited(with: status), "\(name): reason \(result.reason), status \(result.status): \(result.stderr)",
                    sourceLocation: sourceLocation)
            #expect(printed.contains(message), "\(name): expected '\(message)' in: \(printed.prefix(2000))", sourceLocation: sourceLocation)
            #expect(!printed.contains("\u{1B}"), "\(name): a raw escape character reached the terminal", sourceLocation: sourceLocation)
            #expect(!printed.contains("NSCocoaErrorDomain"), "\(name): a raw Foundation error: \(printed)", sourceLocation: sourceLocation)
            #expect(try FolderSnapshot(project, excluding: "Output") == before, "\(name): something outside Output/ changed",
                    sourceLocation: sourceLocation)
        }
    }
}

extension HostileCase {
    /// `nmm run project/nb.md --output project/Output --data-root ../shared/data` on a notebook of `text`, which must
    /// fail (status 1) saying `message` unless `status` says otherwise.
    static func notebook(_ name: String, _ text: String, status: Int32 = 1, message: String,
                         extraArguments: [String] = [], plant: @escaping @Sendable (URL) throws -> Void = { _ in }) -> HostileCase {
        HostileCase(name: "notebook: \(name)", plant: { project in
            try Data(text.utf8).write(to: project.appendingPathComponent("nb.md"))
            try plant(project)
        }, arguments: { project in
            ["run", project.appendingPathComponent("nb.md").path, "--output", project.appendingPathComponent("Output").path,
             "--data-root", SharedData.root.path] + extraArguments
        }, status: status, message: message)
    }

    /// A notebook of one `nmm` block holding `source`.
    static func block(_ name: String, _ source: String, status: Int32 = 1, message: String,
                      plant: @escaping @Sendable (URL) throws -> Void = { _ in }) -> HostileCase {
        notebook(name, "# \(name)\n\n```nmm\n\(source)\n```\n", status: status, message: message, plant: plant)
    }
}

/// Every file below a folder with its size, modification time and link target — what "nothing changed" compares.
/// Symbolic links are recorded, never followed.
struct FolderSnapshot: Equatable {
    private var entries: [String: String] = [:]

    init(_ root: URL, excluding excluded: String) throws {
        try walk(root, relative: "", excluding: excluded)
    }

    private mutating func walk(_ folder: URL, relative: String, excluding excluded: String) throws {
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: folder.path) where !(relative.isEmpty && name == excluded) {
            let url = folder.appendingPathComponent(name), path = relative + "/" + name
            if let target = try? manager.destinationOfSymbolicLink(atPath: url.path) {
                entries[path] = "link → \(target)"
                continue
            }
            let attributes = try manager.attributesOfItem(atPath: url.path)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                entries[path] = "folder"
                try walk(url, relative: path, excluding: excluded)
            } else {
                entries[path] = "\(attributes[.size] ?? 0) bytes, modified \(attributes[.modificationDate] ?? "")"
            }
        }
    }
}
