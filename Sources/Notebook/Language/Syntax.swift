/// A value written in a notebook, before it is evaluated.
public indirect enum Expression: Equatable, Sendable {
    /// `6`, `-0.5`, `1e-3`.
    case number(Double, SourceLocation)
    /// `"text with {name}"`.
    case string(InterpolatedString)
    /// A bare name or dotted path: a value defined above (`data.test`), or else a word (`BRA`).
    case name(NamePath)
    /// `[a, b, c]`.
    case list([Expression], SourceLocation)

    /// Where the expression starts.
    public var location: SourceLocation {
        switch self {
        case .number(_, let location), .list(_, let location): return location
        case .string(let string): return string.location
        case .name(let path): return path.location
        }
    }
}

/// A string literal split into text and `{name}` parts.
public struct InterpolatedString: Equatable, Sendable {
    var parts: [StringPart]
    /// Where the opening quote is.
    public var location: SourceLocation

    /// The names the string fills in.
    public var references: [NamePath] {
        parts.compactMap { if case .reference(let path) = $0 { return path } else { return nil } }
    }
}

/// `name: value` after a command.
public struct OptionArgument: Equatable, Sendable {
    /// The option's name.
    public var name: String
    /// Where the name is written.
    public var nameLocation: SourceLocation
    /// The value.
    public var value: Expression
}

/// A command with its arguments: `plot series waves title: "Two waves"`.
public struct CommandCall: Equatable, Sendable {
    /// The registered name, one or two words (`print`, `plot series`).
    public var name: String
    /// Where the command's first word is.
    public var location: SourceLocation
    /// Positional arguments in order.
    public var arguments: [Expression]
    /// `key: value` options in order.
    public var options: [OptionArgument]
}

/// One statement of a block.
public enum Statement: Equatable, Sendable {
    /// `param name = value`: a notebook parameter that `--param name=value` can override.
    case param(name: String, location: SourceLocation, value: Expression)
    /// `name = command …`: runs the command and names its value.
    case bind(name: String, location: SourceLocation, call: CommandCall)
    /// `name = value`: names a literal value (number, string, list) or another value.
    case assign(name: String, location: SourceLocation, value: Expression)
    /// `command …`: runs the command for its output.
    case run(CommandCall)
    /// `expect a > b`: a claim about two numbers that fails the cell when it does not hold.
    case expect(Expectation)

    /// Where the statement starts.
    public var location: SourceLocation {
        switch self {
        case .param(_, let location, _), .bind(_, let location, _), .assign(_, let location, _): return location
        case .run(let call): return call.location
        case .expect(let expectation): return expectation.location
        }
    }

    /// The name the statement defines, if any.
    public var definedName: String? {
        switch self {
        case .param(let name, _, _), .bind(let name, _, _), .assign(let name, _, _): return name
        case .run, .expect: return nil
        }
    }

    /// Every expression the statement evaluates, in order.
    var expressions: [Expression] {
        switch self {
        case .param(_, _, let value), .assign(_, _, let value): return [value]
        case .bind(_, _, let call), .run(let call): return call.arguments + call.options.map(\.value)
        case .expect(let expectation): return [expectation.left, expectation.right]
        }
    }
}

extension Expression {
    /// The first part of every name the expression mentions, including `{name}`s inside strings.
    var referencedNames: [String] {
        switch self {
        case .number: return []
        case .string(let string): return string.references.map(\.head)
        case .name(let path): return [path.head]
        case .list(let items, _): return items.flatMap(\.referencedNames)
        }
    }
}

extension Statement {
    /// The first part of every name the statement mentions; those defined above are the values it reads.
    var referencedNames: [String] {
        expressions.flatMap(\.referencedNames)
    }
}

/// `expect LEFT OPERATOR RIGHT`: each side a number or a path to one (`nmm.metrics.BRA.trial_mean.r`,
/// `metrics(nmm).BRA.trial_mean.r`), so that a notebook's prose cannot claim what its numbers do not show.
public struct Expectation: Equatable, Sendable {
    /// The left side.
    public var left: Expression
    /// How the sides compare.
    public var comparison: ComparisonOperator
    /// The right side.
    public var right: Expression
    /// Where `expect` is written.
    public var location: SourceLocation

    /// The claim as written, `nmm.metrics.BRA.trial_mean.r > 0.9`.
    public var text: String { "\(Self.text(left)) \(comparison.rawValue) \(Self.text(right))" }

    static func text(_ expression: Expression) -> String {
        switch expression {
        case .number(let value, _): return NumberText.readable(value)
        case .name(let path): return path.description
        case .string, .list: return "…"
        }
    }
}
