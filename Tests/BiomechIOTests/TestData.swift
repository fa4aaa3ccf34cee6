import Foundation

/// Scratch files of the tests (the shared reference data are ``SharedData``).
enum TestData {
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
