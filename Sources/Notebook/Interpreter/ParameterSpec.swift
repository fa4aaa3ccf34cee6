/// The type of a command's argument or option, which decides how a written value is read.
///
/// A bare name means a value defined above (a `param` or a binding) when one has that name; otherwise
/// it is a word — so `muscles: [BRA, TRImed]` lists two muscle names without quotes.
public indirect enum ValueType: Sendable, Equatable, CustomStringConvertible {
    /// A number.
    case number
    /// A whole number.
    case integer
    /// Text, usually in double quotes.
    case text
    /// A name-like word (a muscle, a trial, a method), bare or quoted.
    case word
    /// yes/no (`true`, `false`, `yes`, `no`).
    case flag
    /// A number, text or bare word, kept as written (table cells).
    case scalar
    /// A list of values of one type; a single value counts as a list of one.
    case list(ValueType)
    /// A value of the given kind held by a name defined above ("series", "table", "subject" …).
    case kind(String)
    /// A value of any of the given kinds held by a name defined above.
    case kinds([String])
    /// Any value.
    case any

    /// How `nmm help` names the type.
    public var description: String {
        switch self {
        case .number: return "number"
        case .integer: return "whole number"
        case .text: return "text"
        case .word: return "word"
        case .flag: return "yes/no"
        case .scalar: return "number or text"
        case .list(let element): return "[\(element)]"
        case .kind(let kind): return kind
        case .kinds(let kinds): return kinds.joined(separator: " or ")
        case .any: return "value"
        }
    }
}

/// One argument or option a command accepts, with its documentation.
public struct ParameterSpec: Sendable, Equatable {
    /// Positional arguments come right after the command name, in order; options are `name: value`.
    public enum Position: Sendable, Equatable {
        case positional
        case option
    }

    /// The name used in help, in error messages and (for options) before the colon.
    public var name: String
    /// Positional or option.
    public var position: Position
    /// What it accepts.
    public var type: ValueType
    /// Whether the command needs it.
    public var isRequired: Bool
    /// The default as help shows it (e.g. "100"), when optional.
    public var defaultText: String?
    /// One sentence for `nmm help`.
    public var help: String

    /// A positional argument.
    public static func argument(_ name: String, _ type: ValueType, required: Bool = true, help: String) -> ParameterSpec {
        ParameterSpec(name: name, position: .positional, type: type, isRequired: required, defaultText: nil, help: help)
    }

    /// The seed a command uses when none is written.
    public static let defaultSeed = 1

    /// The `seed:` option (a whole number, default ``defaultSeed``); the run record lists every seed used, written or not.
    public static func seed(help: String) -> ParameterSpec {
        .option("seed", .integer, default: String(defaultSeed), help: help)
    }

    /// A `name: value` option.
    public static func option(_ name: String, _ type: ValueType, default defaultText: String? = nil, required: Bool = false, help: String) -> ParameterSpec {
        ParameterSpec(name: name, position: .option, type: type, isRequired: required, defaultText: defaultText, help: help)
    }
}
