import Foundation

/// Paths of the shared reference data (../shared/data beside the package root) and scratch files.
enum TestData {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// ../shared/data
    static let root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    /// arm26-lifting/S01
    static let s01 = root.appendingPathComponent("arm26-lifting/S01").path
    /// rajagopal-walk
    static let walk = root.appendingPathComponent("rajagopal-walk").path

    /// A file of trial `number` of S01.
    static func trialFile(_ number: Int, _ name: String) -> String {
        "\(s01)/trial\(number < 10 ? "0" : "")\(number)/\(name)"
    }

    /// A fresh scratch folder for one test.
    static func scratchFolder() throws -> String {
        let path = NSTemporaryDirectory() + "nmm-io-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` to a scratch file named `name` and returns its path.
    static func write(_ text: String, named name: String) throws -> String {
        let path = try scratchFolder() + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
