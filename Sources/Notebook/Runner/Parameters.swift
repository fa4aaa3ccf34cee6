import Foundation

/// A notebook parameter: its `param` statement, its value and whether `--param` set it.
public struct NotebookParameter: Sendable {
    /// The name.
    public var name: String
    /// Where `param name = …` is written.
    public var location: SourceLocation
    /// The value used, as text.
    public var valueText: String
    /// The value the notebook writes, as text.
    public var defaultText: String
    /// Whether the command line overrode the default.
    public var isOverridden: Bool

    /// Where the value came from: "--param" or "notebook line N".
    public var source: String { isOverridden ? "--param" : "notebook line \(location.line)" }
}

/// A seed a command used: written as `seed: N`, or the command's default when none was written.
public struct SeedUse: Sendable, Equatable {
    /// The seed.
    public var value: Int
    /// The command that used it.
    public var command: String
    /// The notebook line of the command.
    public var line: Int
    /// Whether the command took its default seed.
    public var isDefault: Bool
}

/// Reads `--param name=value` text as a value of the same kind as the parameter's default.
enum ParameterOverride {
    /// Splits `name=value` (the first `=`); `nil` if there is no `=` or no name.
    static func split(_ argument: String) -> (name: String, value: String)? {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// `text` as the kind of `defaultValue`: a number, yes/no, a comma-separated list, or text.
    static func value(_ text: String, like defaultValue: Value, name: String, at location: SourceLocation) throws -> Value {
        switch defaultValue {
        case .number:
            guard let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite else {
                throw Diagnostic("--param \(name)=\(text): '\(name)' is a number, and '\(text)' is not a finite one", at: location)
            }
            return .number(number)
        case .bool:
            switch text.lowercased() {
            case "true", "yes": return .bool(true)
            case "false", "no": return .bool(false)
            default: throw Diagnostic("--param \(name)=\(text): '\(name)' is yes or no", at: location)
            }
        case .list(let defaults):
            let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let numeric = !defaults.isEmpty && defaults.allSatisfy { if case .number = $0 { return true } else { return false } }
            return .list(try items.map { item in
                guard numeric else { return .string(item) }
                guard let number = Double(item), number.isFinite else {
                    throw Diagnostic("--param \(name)=\(text): '\(name)' is a list of numbers, and '\(item)' is not a finite one", at: location)
                }
                return .number(number)
            })
        default:
            return .string(text)
        }
    }
}
