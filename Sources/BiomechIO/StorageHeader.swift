/// The header of an OpenSim Storage (.sto) or Motion (.mot) file: everything before `endheader`.
///
/// Two styles exist. OpenSim 3's `version=1` has a name line, `nRows`, `nColumns`, `inDegrees`
/// and free description lines (MuscleAnalysis output); OpenSim 4's `version=3` has `inDegrees`,
/// `DataType`, `version` and `OpenSimVersion`, sometimes with a name line, `nRows`, `nColumns`.
public struct StorageHeader: Sendable, Equatable {
    /// The first line when it is not `key=value` (e.g. `Coordinates`, `Length`).
    public var name: String?
    /// Every `key=value` line, in file order (keys as written).
    public var entries: [(key: String, value: String)]
    /// Other lines (free text), in file order, without blank lines.
    public var descriptionLines: [String]
    /// The `inDegrees` entry, nil when absent.
    public var inDegrees: Bool?

    /// The value of `key` (compared without case), nil when absent.
    public func value(_ key: String) -> String? {
        entries.first { $0.key.lowercased() == key.lowercased() }?.value
    }

    /// The `version` entry as a number (1 for OpenSim 3 style, 3 for OpenSim 4), nil when absent.
    public var version: Int? { value("version").flatMap { Int($0) } }

    /// Creates a header.
    public init(name: String? = nil, entries: [(key: String, value: String)] = [], descriptionLines: [String] = [],
                inDegrees: Bool? = nil) {
        self.name = name
        self.entries = entries
        self.descriptionLines = descriptionLines
        self.inDegrees = inDegrees
    }

    /// Headers are equal when their name, entries, description lines and units are.
    public static func == (lhs: StorageHeader, rhs: StorageHeader) -> Bool {
        lhs.name == rhs.name && lhs.descriptionLines == rhs.descriptionLines && lhs.inDegrees == rhs.inDegrees
            && lhs.entries.map(\.key) == rhs.entries.map(\.key) && lhs.entries.map(\.value) == rhs.entries.map(\.value)
    }
}
