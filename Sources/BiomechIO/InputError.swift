/// A problem with a user's input file: which file, which line and field, and what was expected.
///
/// Every reader in BiomechIO reports bad input with this one type. Its description reads like a
/// compiler diagnostic, e.g. `emg.sto:12: error: expected a number in column 'BRA', found 'abc'`.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path of the file as the caller named it.
    public var file: String
    /// The 1-based line the problem is on, or nil when it concerns the whole file.
    public var line: Int?
    /// The column label, header key or XML element concerned, when there is one.
    public var field: String?
    /// What was expected and what was found.
    public var message: String

    /// Creates an error about `file` (and `line`, `field` when known).
    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: error: message`, or `file: error: message` when no line applies.
    public var description: String { diagnostic("error") }

    /// The same text as a warning: `file:line: warning: message`.
    public var warningDescription: String { diagnostic("warning") }

    private func diagnostic(_ severity: String) -> String {
        if let line { return "\(file):\(line): \(severity): \(message)" }
        return "\(file): \(severity): \(message)"
    }
}

extension InputError {
    /// Shows a piece of user text in a message: quoted, shortened, control characters escaped.
    static func quote(_ text: some StringProtocol, limit: Int = 40) -> String {
        var shown = TerminalText.escaped(String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))), keepingLayout: false)
        if text.unicodeScalars.count > limit { shown += "…" }
        return "'\(shown)'"
    }

    /// Quotes a byte range of a file (not necessarily valid UTF-8).
    static func quote(bytes: UnsafeBufferPointer<UInt8>) -> String {
        quote(String(decoding: bytes, as: UTF8.self))
    }
}
