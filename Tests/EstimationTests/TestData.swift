import Foundation

/// ../shared/data beside the package root, found from this file's path.
enum TestData {
    static let shared: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")
    static var s01: String { shared.appendingPathComponent("arm26-lifting/S01").path }
    static var available: Bool { FileManager.default.fileExists(atPath: s01) }
}
