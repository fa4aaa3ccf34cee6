import Foundation
import Testing

/// The reference data sets in ../shared/data beside the package root (read-only), found from this file's path.
public enum SharedData {
    /// The package root.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// ../shared/data.
    public static let root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data").standardizedFileURL
    /// The OpenSim arm26 reference subject, arm26-lifting/S01.
    public static let s01 = root.appendingPathComponent("arm26-lifting/S01").path
    /// OpenSim's Rajagopal walking example with real EMG, rajagopal-walk.
    public static let walk = root.appendingPathComponent("rajagopal-walk").path
    /// Whether the data are there (a clone without ../shared beside it has none).
    public static var available: Bool { FileManager.default.fileExists(atPath: s01) }

    /// The folder of trial `number` (1–10) of S01.
    public static func s01Trial(_ number: Int) -> String { String(format: "%@/trial%02d", s01, number) }

    /// A file of trial `number` (1–10) of S01.
    public static func s01Trial(_ number: Int, _ file: String) -> String { s01Trial(number) + "/" + file }
}

extension Trait where Self == ConditionTrait {
    /// The one skip rule of tests that read ../shared/data: skipped, with the reason printed, when it is missing.
    public static var needsSharedData: Self {
        .enabled(if: SharedData.available, "needs the reference data in ../shared/data beside the package (not found at \(SharedData.root.path))")
    }
}
