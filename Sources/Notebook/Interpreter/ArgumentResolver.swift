/// Checks a command's written arguments against its ``ParameterSpec``s and evaluates them.
///
/// Errors name the argument and what was expected: "option 'rate' of 'sine' needs a number, got text".
struct ArgumentResolver {
    let session: Session

    /// The checked ``Invocation`` of `call` for a command with these parameters.
    func resolve(_ call: CommandCall, parameters: [ParameterSpec]) throws -> Invocation {
        let positionals = parameters.filter { $0.position == .positional }
        let options = parameters.filter { $0.position == .option }
        var arguments: [String: Invocation.Argument] = [:]
        var dependencies: [String: String] = [:]
        var canonical: [String] = []
        var writtenNames: [String: [String]] = [:]

        guard call.arguments.count <= positionals.count else {
            let extra = call.arguments[positionals.count]
            let expected = positionals.isEmpty ? "no arguments before its options" : "\(positionals.count) argument\(positionals.count == 1 ? "" : "s") (\(positionals.map(\.name).joined(separator: ", ")))"
            throw Diagnostic("'\(call.name)' takes \(expected); write the rest as 'name: value' options", at: extra.location)
        }
        for (spec, expression) in zip(positionals, call.arguments) {
            let value = try evaluate(expression, as: spec.type, role: "argument '\(spec.name)' of '\(call.name)'", dependencies: &dependencies)
            arguments[spec.name] = Invocation.Argument(value: value.value, location: expression.location, elementLocations: Self.elementLocations(expression))
            canonical.append("\(spec.name)=\(value.canonical)")
            writtenNames[spec.name] = Self.names(in: expression)
        }
        for option in call.options {
            guard let spec = options.first(where: { $0.name == option.name }) else {
                var message = "'\(call.name)' has no option '\(option.name)'"
                if let suggestion = Suggestions.closest(to: option.name, among: options.map(\.name)) {
                    message += "; did you mean '\(suggestion)'?"
                } else if !options.isEmpty {
                    message += " (its options: \(options.map(\.name).joined(separator: ", ")))"
                }
                throw Diagnostic(message, at: option.nameLocation)
            }
            guard arguments[option.name] == nil else {
                throw Diagnostic("option '\(option.name)' is given twice", at: option.nameLocation)
            }
            let value = try evaluate(option.value, as: spec.type, role: "option '\(spec.name)' of '\(call.name)'", dependencies: &dependencies)
            arguments[spec.name] = Invocation.Argument(value: value.value, location: option.value.location, elementLocations: Self.elementLocations(option.value))
            canonical.append("\(spec.name)=\(value.canonical)")
            writtenNames[spec.name] = Self.names(in: option.value)
        }
        for spec in parameters where spec.isRequired && arguments[spec.name] == nil {
            let how = spec.position == .positional ? "argument '\(spec.name)'" : "option '\(spec.name): …'"
            throw Diagnostic("'\(call.name)' needs its \(how) (\(spec.type)): \(spec.help)", at: call.location)
        }
        return Invocation(
            command: call.name, location: call.location, arguments: arguments, writtenNames: writtenNames, dependencies: dependencies,
            canonicalArguments: canonical.sorted().joined(separator: ";"))
    }

    /// Where the elements of a written list are.
    static func elementLocations(_ expression: Expression) -> [SourceLocation] {
        if case .list(let items, _) = expression { return items.map(\.location) }
        return []
    }

    /// The names written in an expression, in order (`[nmm, mse]` gives both), for legends.
    static func names(in expression: Expression) -> [String] {
        switch expression {
        case .name(let path): return [path.description]
        case .list(let items, _): return items.flatMap(names(in:))
        case .number, .string: return []
        }
    }

    /// An evaluated value and its canonical text for cache keys.
    struct Evaluated {
        var value: Value
        var canonical: String
    }

    /// Evaluates `expression` as a value of `type`.
    func evaluate(_ expression: Expression, as type: ValueType, role: String, dependencies: inout [String: String]) throws -> Evaluated {
        if case .list(let element) = type {
            if case .list(let items, let location) = expression {
                return try evaluateItems(items, at: location) { try evaluate($0, as: element, role: role, dependencies: &dependencies) }
            }
            let single = try evaluate(expression, as: .any, role: role, wordAllowed: true, dependencies: &dependencies)
            if case .list(let values) = single.value {
                let checked = try values.map { try conform($0, to: element, at: expression.location, role: role) }
                return Evaluated(value: .list(checked), canonical: single.canonical)
            }
            let one = try evaluate(expression, as: element, role: role, dependencies: &dependencies)
            return Evaluated(value: .list([one.value]), canonical: "[" + one.canonical + "]")
        }
        let wordAllowed = type == .word || type == .flag || type == .scalar
        let evaluated = try evaluate(expression, as: type, role: role, wordAllowed: wordAllowed, dependencies: &dependencies)
        return Evaluated(value: try conform(evaluated.value, to: type, at: expression.location, role: role), canonical: evaluated.canonical)
    }

    /// Evaluates without type checks: literals, interpolated strings, names defined above, and — where
    /// `wordAllowed` — bare words.
    private func evaluate(_ expression: Expression, as type: ValueType, role: String, wordAllowed: Bool, dependencies: inout [String: String]) throws -> Evaluated {
        switch expression {
        case .number(let number, _):
            return Evaluated(value: .number(number), canonical: Value.number(number).canonicalText ?? "")
        case .string(let string):
            let text = try interpolate(string, dependencies: &dependencies)
            return Evaluated(value: .string(text), canonical: Value.string(text).canonicalText ?? "")
        case .name(let path):
            if session.declared.contains(path.head) {
                let (value, fingerprint) = try session.lookup(path)
                dependencies[path.head] = fingerprint
                return Evaluated(value: value, canonical: value.canonicalText ?? "ref:\(fingerprint)")
            }
            if wordAllowed && path.parts.count == 1 {
                return Evaluated(value: .string(path.head), canonical: Value.string(path.head).canonicalText ?? "")
            }
            if path.parts.count == 1, type == .text {
                throw Diagnostic("\(role) needs text; put it in double quotes: \"\(path.head)\"", at: path.location)
            }
            return try unknownName(path)
        case .list(let items, let location):
            return try evaluateItems(items, at: location) {
                try evaluate($0, as: .any, role: role, wordAllowed: true, dependencies: &dependencies)
            }
        }
    }

    /// Evaluates the items of a written list one by one, refusing a list whose content grows past
    /// ``LanguageLimits/stringBytes`` before it is built (names of big values repeated many times).
    private func evaluateItems(_ items: [Expression], at location: SourceLocation,
                               _ evaluateItem: (Expression) throws -> Evaluated) throws -> Evaluated {
        var values: [Value] = [], canonical: [String] = [], bytes = 2
        for item in items {
            let evaluated = try evaluateItem(item)
            bytes += evaluated.canonical.utf8.count + 1
            guard bytes <= LanguageLimits.stringBytes else {
                throw Diagnostic("this list holds more than \(LanguageLimits.stringBytes / 1024) KiB; lists hold at most that", at: location)
            }
            values.append(evaluated.value)
            canonical.append(evaluated.canonical)
        }
        return Evaluated(value: .list(values), canonical: "[" + canonical.joined(separator: ",") + "]")
    }

    /// An error for a name nothing above defines, with the closest defined name; a bare word outside a string is
    /// probably text meant to be quoted, a `{name}` inside one a value meant to be defined (or a literal brace).
    private func unknownName(_ path: NamePath, inString: Bool = false) throws -> Evaluated {
        var message = "no value named '\(path.head)' is defined above"
        if let suggestion = Suggestions.closest(to: path.head, among: session.declared) {
            message += "; did you mean '\(suggestion)'?"
        } else if inString {
            message += "; {\(path.head)} inserts a value defined above (write \\{ for a literal brace)"
        } else if path.parts.count == 1 {
            message += "; put text in double quotes"
        }
        throw Diagnostic(message, at: path.location)
    }

    /// Fills in the `{name}` parts of a string.
    func interpolate(_ string: InterpolatedString, dependencies: inout [String: String]) throws -> String {
        var text = ""
        for part in string.parts {
            switch part {
            case .text(let piece):
                text += piece
            case .reference(let path):
                guard session.declared.contains(path.head) else { _ = try unknownName(path, inString: true); continue }
                let (value, fingerprint) = try session.lookup(path)
                dependencies[path.head] = fingerprint
                text += value.text
            }
            guard text.utf8.count <= LanguageLimits.stringBytes else {
                throw Diagnostic("this string grows past \(LanguageLimits.stringBytes / 1024) KiB once its {names} are filled in; "
                    + "strings hold at most that", at: string.location)
            }
        }
        return text
    }

    /// Checks (and where harmless, converts) a value against a type.
    private func conform(_ value: Value, to type: ValueType, at location: SourceLocation, role: String) throws -> Value {
        func mismatch() -> Diagnostic {
            Diagnostic("\(role) needs \(article(type)), got \(describe(value))", at: location)
        }
        switch (type, value) {
        case (.any, _):
            return value
        case (.number, .number):
            return value
        case (.integer, .number(let number)):
            guard number == number.rounded() else { throw Diagnostic("\(role) needs a whole number, got \(NumberText.readable(number))", at: location) }
            guard LanguageLimits.wholeNumber(number) != nil else {
                throw Diagnostic("\(role) needs a whole number from -2^53 to 2^53, got \(NumberText.readable(number))", at: location)
            }
            return value
        case (.text, .string), (.word, .string):
            return value
        case (.text, .number), (.word, .number):
            return .string(value.text)
        case (.flag, .bool), (.scalar, .number), (.scalar, .string), (.scalar, .bool):
            return value
        case (.flag, .string(let word)):
            switch word.lowercased() {
            case "true", "yes": return .bool(true)
            case "false", "no": return .bool(false)
            default: throw Diagnostic("\(role) needs yes or no (true/false), got '\(word)'", at: location)
            }
        case (.kind(let kind), _) where value.kind == kind:
            return value
        case (.kinds(let kinds), _) where kinds.contains(value.kind):
            return value
        case (.list(let element), .list(let values)):
            return .list(try values.map { try conform($0, to: element, at: location, role: role) })
        default:
            throw mismatch()
        }
    }

    private func article(_ type: ValueType) -> String {
        switch type {
        case .integer: return "a whole number"
        case .any: return "a value"
        case .list: return "a list \(type)"
        case .kind(let kind): return "a \(kind) (a name defined above)"
        case .kinds(let kinds): return "a \(kinds.joined(separator: " or a ")) (a name defined above)"
        case .flag: return "yes or no"
        default: return "a \(type)"
        }
    }

    private func describe(_ value: Value) -> String {
        switch value {
        case .string(let text): return "text \"\(text)\""
        case .number(let number): return "the number \(NumberText.readable(number))"
        default: return "a \(value.kind)"
        }
    }
}
