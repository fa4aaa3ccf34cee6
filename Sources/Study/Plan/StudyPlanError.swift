/// A study plan that cannot be used: names the file, the line (when known) and what was expected there.
public struct StudyPlanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The plan file as the user named it.
    public var file: String
    /// The 1-based line the problem is on, or nil for the file as a whole (e.g. unreadable).
    public var line: Int?
    /// What is wrong and what was expected.
    public var message: String

    /// An error from its parts.
    public init(file: String, line: Int?, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    /// `FILE:LINE: message`, the form compilers use, so editors can jump to it.
    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
