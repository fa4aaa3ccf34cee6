/// An error a user caused — in the notebook's syntax, an option, a file it names — with where it happened; or a
/// warning about something that runs but is probably not what the author meant (an unknown `@fig-` reference, a fence
/// spelt ```nm, a fit tested on a trial it trained on).
///
/// The same text goes to the terminal and into the report:
///
///     Notebooks/demo.md:14:23: error: unknown option 'lowpas' of 'process emg'; did you mean 'lowpass'?
///        14 | emg = process emg data lowpas: 6
///           |                       ^
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong and, where possible, what to write instead.
    public var message: String
    /// Where it went wrong.
    public var location: SourceLocation
    /// The text of the notebook line at `location`, for the excerpt with a caret; filled in by the runner.
    public var sourceLine: String?
    /// Whether it stops the statement (an error) or only warns.
    public var severity: Severity

    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Equatable {
        /// The statement did not run.
        case error
        /// It ran, but probably not as the author meant.
        case warning
    }

    /// Creates a diagnostic.
    public init(_ message: String, at location: SourceLocation, sourceLine: String? = nil, severity: Severity = .error) {
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.severity = severity
    }

    /// A warning.
    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(message, at: location, severity: .warning)
    }

    /// The one-line form: `file:line:col: error: message` (or `warning:`).
    public var headline: String { "\(location): \(severity.rawValue): \(message)" }

    /// The source excerpt with a caret under the column, or an empty string when the line is unknown.
    public var excerpt: String {
        guard let sourceLine else { return "" }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let caretIndent = sourceLine.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        return " \(number) | \(sourceLine)\n \(gutter) | \(caretIndent)^"
    }

    /// Headline and excerpt, as printed on standard error.
    public var description: String {
        excerpt.isEmpty ? headline : headline + "\n" + excerpt
    }
}
