import TestSupport
import Foundation

/// Paths of the shared data sets and scratch folders the CLI tests use.
enum TestFiles {
    /// The OpenSim arm26 reference subject.
    static let s01 = SharedData.s01

    /// OpenSim's Rajagopal walking example with real EMG.
    static let walk = SharedData.walk

    /// The test notebooks of the notebook runner's tests (Tests/NotebookTests/Notebooks).
    static let testNotebooks: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("NotebookTests/Notebooks").path

    /// The text of a file.
    static func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// Runs `body` with a new empty folder in the temporary directory, and removes the folder afterwards.
    static func withScratchFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }
}
