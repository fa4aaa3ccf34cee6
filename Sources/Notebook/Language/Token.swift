/// One token of the command language.
struct Token: Equatable, Sendable {
    /// The kinds of token the lexer produces.
    enum Kind: Equatable, Sendable {
        /// A name: letters, digits, `_` and `-`, starting with a letter or `_` (`BIClong`, `force-length`).
        case identifier(String)
        /// A number literal, e.g. `6`, `-0.5`, `1e-3`.
        case number(Double)
        /// A double-quoted string, already split into text and `{name}` parts.
        case string([StringPart])
        case equals, colon, comma, dot, openBracket, closeBracket, openParenthesis, closeParenthesis
        /// `<`, `<=`, `>`, `>=`, `==` or `!=` (in `expect` statements).
        case comparison(ComparisonOperator)
        /// The end of a statement (a line break outside brackets that is not followed by an indented line).
        case newline
        case end
    }

    var kind: Kind
    var location: SourceLocation
}

/// A piece of a string literal: plain text or a `{name}` / `{name.field}` to fill in.
enum StringPart: Equatable, Sendable {
    case text(String)
    case reference(NamePath)
}

/// A possibly dotted name, `subject` or `data.test`, with where it was written.
public struct NamePath: Equatable, Sendable, CustomStringConvertible {
    /// The parts between dots; never empty.
    public var parts: [String]
    /// Where the first part starts.
    public var location: SourceLocation

    /// The binding the path starts from.
    public var head: String { parts[0] }
    /// The path as written, `data.test`.
    public var description: String { parts.joined(separator: ".") }
}

/// A comparison of two numbers in an `expect` statement.
public enum ComparisonOperator: String, Equatable, Sendable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="

    /// Whether `left` compares with `right` so.
    public func holds(_ left: Double, _ right: Double) -> Bool {
        switch self {
        case .less: return left < right
        case .lessOrEqual: return left <= right
        case .greater: return left > right
        case .greaterOrEqual: return left >= right
        case .equal: return left == right
        case .notEqual: return left != right
        }
    }
}
