import Foundation

/// Options written as `#| key: value` lines at the top of an `nmm` block, as in Quarto:
///
///     #| label: fig-emg
///     #| caption: "Measured and estimated excitations"
///     #| echo: false
public struct CellOptions: Sendable, Equatable {
    /// An id for the cell's figure (`fig-…`), so prose can refer to it as `@fig-emg`.
    public var label: String?
    /// The caption of the cell's figures (a plot's own `caption:` wins).
    public var caption: String?
    /// Whether the report shows the cell's code (`echo: false` hides it).
    public var echo: Bool = true

    /// The option names understood.
    public static let known = ["label", "caption", "echo"]

    /// Reads the leading `#|` lines of a block; unknown options and bad values become diagnostics.
    static func parse(_ source: String, origin: SourceLocation) -> (CellOptions, [Diagnostic]) {
        var options = CellOptions()
        var diagnostics: [Diagnostic] = []
        for (index, rawLine) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indentation = rawLine.prefix { $0 == " " || $0 == "\t" }.count
            let line = rawLine.dropFirst(indentation)
            guard line.hasPrefix("#|") else { break }
            let location = SourceLocation(file: origin.file, line: origin.line + index, column: origin.column + indentation)
            let body = line.dropFirst(2)
            guard let colon = body.firstIndex(of: ":") else {
                diagnostics.append(Diagnostic("a cell option is written '#| name: value'", at: location))
                continue
            }
            let key = body[..<colon].trimmingCharacters(in: .whitespaces)
            var value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            switch key {
            case "label":
                let valid = !value.isEmpty && value.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                if valid { options.label = value } else {
                    diagnostics.append(Diagnostic("a label is letters, digits, '-' and '_', e.g. fig-emg", at: location))
                }
            case "caption":
                options.caption = value
            case "echo":
                switch value.lowercased() {
                case "true", "yes": options.echo = true
                case "false", "no": options.echo = false
                default: diagnostics.append(Diagnostic("echo is true or false, not '\(value)'", at: location))
                }
            default:
                var message = "unknown cell option '\(key)'"
                if let suggestion = Suggestions.closest(to: key, among: known) { message += "; did you mean '\(suggestion)'?" }
                else { message += " (known: \(known.joined(separator: ", ")))" }
                diagnostics.append(Diagnostic(message, at: location))
            }
        }
        return (options, diagnostics)
    }
}
