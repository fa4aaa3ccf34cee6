import Foundation
import Testing

/// `nmm simulate`: a seed fixes every byte of the subject folder.
@Suite(.timeLimit(.minutes(3)))
struct SimulateTests {
    /// Every file under `folder` by its path relative to `folder`, with its bytes.
    private func contents(of folder: URL) throws -> [String: Data] {
        let manager = FileManager.default
        let relativePaths = try manager.subpathsOfDirectory(atPath: folder.path)
        var files: [String: Data] = [:]
        for path in relativePaths {
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        }
        return files
    }

    /// Runs `nmm simulate folder --seed seed`, requires success and returns the folder's files.
    private func simulate(into folder: URL, seed: Int) throws -> [String: Data] {
        let result = try NMMExecutable.run(["simulate", folder.path, "--seed", "\(seed)"])
        #expect(result.exited(with: 0), "\(result.stderr)")
        return try contents(of: folder)
    }

    @Test func sameSeedGivesByteIdenticalFolders() throws {
        let (first, second, other) = try TestFiles.withScratchFolder { scratch in
            (try simulate(into: scratch.appendingPathComponent("a"), seed: 3),
             try simulate(into: scratch.appendingPathComponent("b"), seed: 3),
             try simulate(into: scratch.appendingPathComponent("c"), seed: 4))
        }
        #expect(first.count == 3 + 10 * 12, "model.osim, truth_model.osim, subject.json and 12 files per trial")
        #expect(first.keys.contains("trial10/truth_force.sto"))
        #expect(Set(first.keys) == Set(second.keys))
        for (path, bytes) in first.sorted(by: { $0.key < $1.key }) {
            #expect(second[path] == bytes, "\(path) differs between two runs with seed 3")
        }
        #expect(other["trial01/emg.sto"] != first["trial01/emg.sto"], "the seed changes the data")
    }

    @Test func unwritableFolderFailsWithAClearMessage() throws {
        try TestFiles.withScratchFolder { folder in
            let blocker = folder.appendingPathComponent("a-file")
            #expect(FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8)))
            let target = blocker.appendingPathComponent("subject").path
            let result = try NMMExecutable.run(["simulate", target])
            #expect(result.exited(with: 1), "reason \(result.reason), status \(result.status)")
            #expect(result.stderr.contains("\(target): error: cannot write the subject folder: Not a directory\n"), "\(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain"), "no raw Foundation error dump: \(result.stderr)")
        }
    }
}
