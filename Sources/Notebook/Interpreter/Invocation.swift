/// A command's arguments after checking: every value has the type its ``ParameterSpec`` declares.
///
/// Read them with the typed accessors; each returns `nil` when an optional argument was not given.
/// Asking for a name the command did not declare, or with another type, is a programming error.
public struct Invocation: Sendable {
    /// One checked argument and where it was written.
    struct Argument: Sendable {
        var value: Value
        var location: SourceLocation
        /// Where each element was written, when the argument was written as a `[list]`.
        var elementLocations: [SourceLocation] = []
    }

    /// The command's name.
    public let command: String
    /// Where the command was written.
    public let location: SourceLocation
    let arguments: [String: Argument]
    let writtenNames: [String: [String]]
    /// The names defined above that the arguments read, with the fingerprints of their values.
    let dependencies: [String: String]
    /// A stable text of the arguments: literals as written (canonically), names by their fingerprints.
    let canonicalArguments: String

    /// Whether the argument or option `name` was given.
    public func has(_ name: String) -> Bool { arguments[name] != nil }

    /// Where argument `name` was written (the command's location if it was not).
    public func location(of name: String) -> SourceLocation {
        arguments[name]?.location ?? location
    }

    /// Where element `index` of list argument `name` was written (the argument's location if not a written list).
    public func location(of name: String, element index: Int) -> SourceLocation {
        guard let argument = arguments[name], argument.elementLocations.indices.contains(index) else { return location(of: name) }
        return argument.elementLocations[index]
    }

    /// An error to throw about argument `name` (or about the command as a whole).
    public func error(_ message: String, at name: String? = nil) -> Diagnostic {
        Diagnostic(message, at: name.map(location(of:)) ?? location)
    }

    /// An error to throw about element `index` of list argument `name`.
    public func error(_ message: String, at name: String, element index: Int) -> Diagnostic {
        Diagnostic(message, at: location(of: name, element: index))
    }

    /// The names written for argument `name` (`plot series a compare: [b, c]` gives ["b", "c"] for compare),
    /// to label legends with what the student called their values.
    public func writtenNames(of name: String) -> [String] { writtenNames[name] ?? [] }

    /// The value of `name`, of any type.
    public func value(_ name: String) -> Value? { arguments[name]?.value }

    /// The number `name` (declared `.number` or `.integer`).
    public func number(_ name: String) -> Double? {
        guard let value = value(name) else { return nil }
        guard case .number(let number) = value else { preconditionFailure("'\(name)' of '\(command)' is not declared as a number") }
        return number
    }

    /// The whole number `name` (declared `.integer`).
    public func integer(_ name: String) -> Int? {
        number(name).map { number in
            guard let whole = LanguageLimits.wholeNumber(number) else {
                preconditionFailure("'\(name)' of '\(command)' is not declared as a whole number")
            }
            return whole
        }
    }

    /// The text or word `name` (declared `.text` or `.word`).
    public func text(_ name: String) -> String? {
        guard let value = value(name) else { return nil }
        guard case .string(let text) = value else { preconditionFailure("'\(name)' of '\(command)' is not declared as text") }
        return text
    }

    /// The word `name` (declared `.word`) as one of `Choice`'s cases; a word that names none is an error listing them.
    public func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, as _: Choice.Type) throws -> Choice?
        where Choice.RawValue == String {
        guard let word = text(name) else { return nil }
        guard let choice = Choice(rawValue: word) else {
            throw error("\(name): expected \(Choice.allCases.map(\.rawValue).joined(separator: ", ")), found '\(word)'", at: name)
        }
        return choice
    }

    /// The yes/no `name` (declared `.flag`).
    public func flag(_ name: String) -> Bool? {
        guard let value = value(name) else { return nil }
        guard case .bool(let flag) = value else { preconditionFailure("'\(name)' of '\(command)' is not declared as yes/no") }
        return flag
    }

    /// The list `name` (declared `.list(…)`).
    public func list(_ name: String) -> [Value]? {
        guard let value = value(name) else { return nil }
        guard case .list(let values) = value else { preconditionFailure("'\(name)' of '\(command)' is not declared as a list") }
        return values
    }

    /// The list of words or texts `name` (declared `.list(.word)` or `.list(.text)`).
    public func words(_ name: String) -> [String]? {
        list(name)?.map(\.text)
    }

    /// The list of numbers `name` (declared `.list(.number)`).
    public func numbers(_ name: String) -> [Double]? {
        list(name)?.map { value in
            guard case .number(let number) = value else { preconditionFailure("'\(name)' of '\(command)' is not a list of numbers") }
            return number
        }
    }

    /// The series set `name` (declared `.kind("series")`).
    public func series(_ name: String) -> SeriesSet? {
        guard let value = value(name) else { return nil }
        guard case .series(let series) = value else { preconditionFailure("'\(name)' of '\(command)' is not declared as a series") }
        return series
    }

    /// The table `name` (declared `.kind("table")`).
    public func table(_ name: String) -> DataTable? {
        guard let value = value(name) else { return nil }
        guard case .table(let table) = value else { preconditionFailure("'\(name)' of '\(command)' is not declared as a table") }
        return table
    }

    /// The science object `name` as type `T` (declared `.kind(T.kind)`).
    public func object<T: NotebookObject>(_ name: String, as type: T.Type) -> T? {
        guard let value = value(name) else { return nil }
        guard case .object(let object) = value, let typed = object as? T else {
            preconditionFailure("'\(name)' of '\(command)' is not declared as \(T.kind)")
        }
        return typed
    }

    /// The `seed:` option, if the command has one and it was given.
    public var seed: Int? {
        guard case .number(let seed)? = value("seed") else { return nil }
        return LanguageLimits.wholeNumber(seed)
    }
}
