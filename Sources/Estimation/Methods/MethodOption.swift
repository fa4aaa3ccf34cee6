/// A value given to a method option, from the command line or a notebook.
public enum MethodOptionValue: Sendable, Equatable {
    /// A whole number.
    case integer(Int)
    /// A real number.
    case number(Double)
    /// Yes or no.
    case flag(Bool)
    /// One of a choice's words.
    case word(String)
    /// Not set: the option's "automatic" choice (only options whose kind allows it).
    case automatic

    /// The value as users write it.
    public var text: String {
        switch self {
        case .integer(let value): return String(value)
        case .number(let value): return "\(value)"
        case .flag(let value): return value ? "yes" : "no"
        case .word(let value): return value
        case .automatic: return "automatic"
        }
    }
}

/// What values an option takes.
public enum MethodOptionKind: Sendable, Equatable {
    /// A whole number in a range.
    case integer(ClosedRange<Int>)
    /// A finite real number in a range.
    case number(ClosedRange<Double>)
    /// Yes or no (`--name` / `--no-name` on the command line).
    case flag
    /// One of these words.
    case choice([String])

    /// The kind in words, for help: "a whole number from 1 to 100000".
    public var text: String {
        switch self {
        case .integer(let range): return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .number(let range): return "a number from \(range.lowerBound) to \(range.upperBound)"
        case .flag: return "yes or no"
        case .choice(let words): return "one of " + words.joined(separator: ", ")
        }
    }
}

/// One setting of a method's configuration that a user may change: its name (`steps`; `--steps` on the command
/// line, `steps:` in a notebook), its documentation, the values it accepts, and where it lives in the
/// configuration. Values outside the accepted range are refused with a message naming the option.
public struct MethodOption<Configuration>: Sendable {
    /// The name, lower-case words joined by '-'.
    public let name: String
    /// One sentence of documentation.
    public let help: String
    /// The values it takes.
    public let kind: MethodOptionKind
    /// Whether it may be left to the method ("automatic").
    public let acceptsAutomatic: Bool
    /// Reads the option's value from a configuration.
    let read: @Sendable (Configuration) -> MethodOptionValue
    /// Writes a checked value into a configuration.
    let write: @Sendable (inout Configuration, MethodOptionValue) -> Void

    /// Checks `value` against ``kind`` and writes it into `configuration`.
    func apply(_ configuration: inout Configuration, _ value: MethodOptionValue) throws {
        switch (kind, value) {
        case (.integer(let range), .integer(let v)) where range.contains(v): write(&configuration, value)
        case (.number(let range), .number(let v)) where v.isFinite && range.contains(v): write(&configuration, value)
        case (.number(let range), .integer(let v)) where range.contains(Double(v)): write(&configuration, .number(Double(v)))
        case (.flag, .flag): write(&configuration, value)
        case (.choice(let words), .word(let v)) where words.contains(v): write(&configuration, value)
        case (_, .automatic) where acceptsAutomatic: write(&configuration, value)
        default: throw EstimationError("option '\(name)' takes \(kind.text), not \(value.text)")
        }
    }
}

extension MethodOption {
    /// An integer option stored at `path`.
    public static func integer(_ name: String, _ path: WritableKeyPath<Configuration, Int> & Sendable, in range: ClosedRange<Int>,
                               help: String) -> Self {
        Self(name: name, help: help, kind: .integer(range), acceptsAutomatic: false, read: { .integer($0[keyPath: path]) },
             write: { if case .integer(let v) = $1 { $0[keyPath: path] = v } })
    }

    /// An optional integer option stored at `path`; nil ("automatic") lets the method choose.
    public static func integer(_ name: String, _ path: WritableKeyPath<Configuration, Int?> & Sendable, in range: ClosedRange<Int>,
                               help: String) -> Self {
        Self(name: name, help: help, kind: .integer(range), acceptsAutomatic: true, read: { $0[keyPath: path].map { .integer($0) } ?? .automatic },
             write: { configuration, value in
                 if case .integer(let v) = value { configuration[keyPath: path] = v } else { configuration[keyPath: path] = nil }
             })
    }

    /// A real-number option stored at `path`.
    public static func number(_ name: String, _ path: WritableKeyPath<Configuration, Double> & Sendable, in range: ClosedRange<Double>,
                              help: String) -> Self {
        Self(name: name, help: help, kind: .number(range), acceptsAutomatic: false, read: { .number($0[keyPath: path]) },
             write: { if case .number(let v) = $1 { $0[keyPath: path] = v } })
    }

    /// An option stored at `path` whose values are the cases of `Choice`, written as their raw values.
    public static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ path: WritableKeyPath<Configuration, Choice> & Sendable, help: String) -> Self where Choice.RawValue == String {
        Self(name: name, help: help, kind: .choice(Choice.allCases.map(\.rawValue)), acceptsAutomatic: false,
             read: { .word($0[keyPath: path].rawValue) },
             write: { if case .word(let v) = $1, let choice = Choice(rawValue: v) { $0[keyPath: path] = choice } })
    }

    /// A yes/no option stored at `path`.
    public static func flag(_ name: String, _ path: WritableKeyPath<Configuration, Bool> & Sendable, help: String) -> Self {
        Self(name: name, help: help, kind: .flag, acceptsAutomatic: false, read: { .flag($0[keyPath: path]) },
             write: { if case .flag(let v) = $1 { $0[keyPath: path] = v } })
    }
}

/// An option described without its configuration type: what help and the notebook's argument checks need.
public struct MethodOptionDescription: Sendable, Equatable {
    /// The name, lower-case words joined by '-'.
    public var name: String
    /// One sentence of documentation.
    public var help: String
    /// The values it takes.
    public var kind: MethodOptionKind
    /// Whether it may be left to the method ("automatic").
    public var acceptsAutomatic: Bool
    /// The value a default configuration holds.
    public var defaultValue: MethodOptionValue
}
