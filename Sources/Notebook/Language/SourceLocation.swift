/// A position in a notebook: file, 1-based line and 1-based column (in characters).
///
/// Its description is `path:line:column`, the form compilers use, so editors can jump to it.
public struct SourceLocation: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The notebook's path as the user gave it.
    public var file: String
    /// The line in the notebook file, counting from 1.
    public var line: Int
    /// The column on that line, counting from 1.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by line, then column (locations of one file).
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
