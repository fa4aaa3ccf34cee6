/// Parses the tokens of one block into statements, by recursive descent.
///
/// Grammar (one statement per line; indented lines continue it):
///
///     statement := "param" NAME "=" value
///                | NAME "=" command
///                | NAME "=" value
///                | "expect" operand COMPARISON operand
///                | command
///     operand   := NUMBER | NAME ("." NAME)* | "metrics" "(" NAME ")" ("." NAME)*
///     command   := COMMAND-NAME value* option*      COMMAND-NAME is one or two words, e.g. print, plot series
///     option    := NAME ":" value
///     value     := NUMBER | STRING | NAME ("." NAME)* | "[" (value ("," value)* ","?)? "]"
///
/// After an error the parser skips to the next statement, so one block can report several errors.
struct Parser {
    private var tokens: [Token]
    private var position = 0
    /// How many `[` the value being parsed is inside.
    private var listDepth = 0
    /// The command names the registry knows, for two-word commands and "did you mean" hints.
    private let commandNames: Set<String>

    init(tokens: [Token], commandNames: Set<String>) {
        self.tokens = tokens
        self.commandNames = commandNames
    }

    /// Parses a whole block's text.
    static func parse(_ source: String, origin: SourceLocation, commandNames: Set<String>) -> (statements: [Statement], diagnostics: [Diagnostic]) {
        let (tokens, lexerDiagnostics) = Lexer(source: source, origin: origin).tokenize()
        var parser = Parser(tokens: tokens, commandNames: commandNames)
        let (statements, parserDiagnostics) = parser.parseStatements()
        let diagnostics = (lexerDiagnostics + parserDiagnostics).sorted { $0.location < $1.location }
        return (statements, diagnostics)
    }

    private var current: Token { tokens[position] }

    private func peek(_ offset: Int) -> Token {
        tokens[min(position + offset, tokens.count - 1)]
    }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    mutating func parseStatements() -> ([Statement], [Diagnostic]) {
        var statements: [Statement] = []
        var diagnostics: [Diagnostic] = []
        while current.kind != .end {
            if current.kind == .newline {
                _ = advance()
                continue
            }
            do {
                statements.append(try parseStatement())
                guard current.kind == .newline || current.kind == .end else {
                    throw Diagnostic("expected the end of the statement, found \(describe(current))", at: current.location)
                }
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
                while current.kind != .newline && current.kind != .end { _ = advance() }
            } catch {
                diagnostics.append(Diagnostic("\(error)", at: current.location))
            }
        }
        return (statements, diagnostics)
    }

    private mutating func parseStatement() throws -> Statement {
        guard case .identifier(let first) = current.kind else {
            throw Diagnostic("a statement starts with a command or a name, found \(describe(current))", at: current.location)
        }
        let start = current.location
        if first == "param", case .identifier(let name) = peek(1).kind {
            _ = advance()
            let nameLocation = advance().location
            guard current.kind == .equals else {
                throw Diagnostic("expected '=' and a default value after 'param \(name)'", at: current.location)
            }
            _ = advance()
            return .param(name: name, location: nameLocation, value: try parseValue())
        }
        if first == "expect", peek(1).kind != .equals {
            _ = advance()
            return .expect(try parseExpectation(at: start))
        }
        if peek(1).kind == .equals {
            _ = advance()
            _ = advance()
            if case .identifier(let word) = current.kind, isCommandStart(word) {
                return .bind(name: first, location: start, call: try parseCommand())
            }
            guard current.kind != .newline && current.kind != .end else {
                throw Diagnostic("expected a command or a value after '\(first) ='", at: current.location)
            }
            if case .identifier(let word) = current.kind, ![.newline, .end, .dot].contains(peek(1).kind) {
                throw Diagnostic(unknownCommandMessage(word, next: peek(1)), at: current.location)
            }
            return .assign(name: first, location: start, value: try parseValue())
        }
        return .run(try parseCommand())
    }

    private mutating func parseExpectation(at start: SourceLocation) throws -> Expectation {
        let left = try parseOperand()
        guard case .comparison(let comparison) = current.kind else {
            throw Diagnostic("expected a comparison (<, <=, >, >=, ==, !=) after '\(Expectation.text(left))', found \(describe(current))",
                             at: current.location)
        }
        _ = advance()
        return Expectation(left: left, comparison: comparison, right: try parseOperand(), location: start)
    }

    /// A number, a name path, or `metrics(NAME).path` (the same as `NAME.metrics.path`).
    private mutating func parseOperand() throws -> Expression {
        if case .identifier("metrics") = current.kind, peek(1).kind == .openParenthesis {
            let start = advance().location
            _ = advance()
            guard case .identifier(let fit) = current.kind, peek(1).kind == .closeParenthesis else {
                throw Diagnostic("expected a fit's name and ')' in 'metrics(…)'", at: current.location)
            }
            _ = advance(); _ = advance()
            var parts = [fit, "metrics"]
            while current.kind == .dot {
                _ = advance()
                guard case .identifier(let member) = current.kind else { throw Diagnostic("expected a name after '.'", at: current.location) }
                parts.append(member)
                _ = advance()
            }
            return .name(NamePath(parts: parts, location: start))
        }
        let operand = try parseValue()
        switch operand {
        case .number, .name: return operand
        case .string, .list: throw Diagnostic("'expect' compares numbers: a number or a name such as nmm.metrics.BRA.trial_mean.r", at: operand.location)
        }
    }

    private func isCommandStart(_ word: String) -> Bool {
        commandNames.contains(word) || commandNames.contains { $0.hasPrefix(word + " ") }
    }

    private mutating func parseCommand() throws -> CommandCall {
        let start = current.location
        guard case .identifier(let first) = advance().kind else {
            throw Diagnostic("expected a command", at: start)
        }
        var name = first
        if case .identifier(let second) = current.kind, peek(1).kind != .colon, commandNames.contains("\(first) \(second)") {
            name = "\(first) \(second)"
            _ = advance()
        } else if !commandNames.contains(first) {
            throw Diagnostic(unknownCommandMessage(first, next: current), at: start)
        }
        var arguments: [Expression] = []
        var options: [OptionArgument] = []
        while current.kind != .newline && current.kind != .end {
            if case .identifier(let optionName) = current.kind, peek(1).kind == .colon {
                let nameLocation = advance().location
                _ = advance()
                guard current.kind != .newline && current.kind != .end else {
                    throw Diagnostic("option '\(optionName):' needs a value", at: current.location)
                }
                options.append(OptionArgument(name: optionName, nameLocation: nameLocation, value: try parseValue()))
            } else {
                guard options.isEmpty else {
                    throw Diagnostic("arguments come before options; move this before the first 'name: value'", at: current.location)
                }
                arguments.append(try parseValue())
            }
        }
        return CommandCall(name: name, location: start, arguments: arguments, options: options)
    }

    private func unknownCommandMessage(_ word: String, next: Token) -> String {
        let family = commandNames.filter { $0.hasPrefix(word + " ") }.sorted()
        if !family.isEmpty {
            let given = if case .identifier(let second) = next.kind { "'\(word) \(second)' is not a command; " } else { "" }
            return "\(given)'\(word)' needs one of: \(family.joined(separator: ", "))"
        }
        var message = "unknown command '\(word)'"
        if let suggestion = Suggestions.closest(to: word, among: commandNames.map { String($0.split(separator: " ")[0]) }) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += " (`nmm help commands` lists them)"
        }
        return message
    }

    private mutating func parseValue() throws -> Expression {
        let token = advance()
        switch token.kind {
        case .number(let value):
            return .number(value, token.location)
        case .string(let parts):
            return .string(InterpolatedString(parts: parts, location: token.location))
        case .identifier(let name):
            var parts = [name]
            while current.kind == .dot {
                _ = advance()
                guard case .identifier(let member) = current.kind else {
                    throw Diagnostic("expected a name after '.'", at: current.location)
                }
                parts.append(member)
                _ = advance()
            }
            return .name(NamePath(parts: parts, location: token.location))
        case .openBracket:
            guard listDepth < LanguageLimits.listNesting else {
                throw Diagnostic("lists nest at most \(LanguageLimits.listNesting) deep", at: token.location)
            }
            listDepth += 1
            defer { listDepth -= 1 }
            var elements: [Expression] = []
            while current.kind != .closeBracket {
                guard current.kind != .end && current.kind != .newline else {
                    throw Diagnostic("this '[' is not closed; end the list with ']'", at: token.location)
                }
                elements.append(try parseValue())
                if current.kind == .comma {
                    _ = advance()
                } else if current.kind == .end || current.kind == .newline {
                    throw Diagnostic("this '[' is not closed; end the list with ']'", at: token.location)
                } else if current.kind != .closeBracket {
                    throw Diagnostic("expected ',' or ']' in the list, found \(describe(current))", at: current.location)
                }
            }
            _ = advance()
            return .list(elements, token.location)
        default:
            throw Diagnostic("expected a value (a number, \"text\", a name or a [list]), found \(describe(token))", at: token.location)
        }
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier(let name): return "'\(name)'"
        case .number: return "a number"
        case .string: return "a string"
        case .equals: return "'='"
        case .colon: return "':'"
        case .comma: return "','"
        case .dot: return "'.'"
        case .openBracket: return "'['"
        case .closeBracket: return "']'"
        case .openParenthesis: return "'('"
        case .closeParenthesis: return "')'"
        case .comparison(let comparison): return "'\(comparison.rawValue)'"
        case .newline: return "the end of the line"
        case .end: return "the end of the block"
        }
    }
}
