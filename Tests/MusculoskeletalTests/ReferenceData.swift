import Foundation

/// The shared reference data, found from the package root (../shared/data beside the package).
enum ReferenceData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    /// arm26-lifting/S01.
    static let subject = root.appendingPathComponent("arm26-lifting/S01").path

    /// The folder of trial `number` (1-10) of S01.
    static func trial(_ number: Int) -> String {
        (subject as NSString).appendingPathComponent(String(format: "trial%02d", number))
    }
}
