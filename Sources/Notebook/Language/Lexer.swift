/// Splits the text of one `nmm` block into tokens.
///
/// Rules a student can hold in their head:
/// - `#` starts a comment that runs to the end of the line (`#|` lines at the top are cell options).
/// - A statement ends at the end of its line, unless a `[` is still open or the next line is indented:
///   an indented line continues the statement above it.
/// - Strings use double quotes; `{name}` inside one is replaced by the value of `name`; `\{` is a brace.
/// - Names are letters, digits, `_` and `-`, starting with a letter or `_`.
struct Lexer {
    /// The block's text.
    let source: String
    /// Where the block's first line is in the notebook.
    let origin: SourceLocation

    /// The tokens, ending with `.end`, and any errors; a line with an error yields no tokens after it.
    func tokenize() -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var tokens: [Token] = []
        var diagnostics: [Diagnostic] = []
        var depth = 0
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let line = Array(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
            let lineNumber = origin.line + index
            var scanner = LineScanner(characters: line, file: origin.file, line: lineNumber, columnOffset: origin.column - 1)
            let startCount = tokens.count
            do {
                try scanner.scan(into: &tokens, depth: &depth)
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
                depth = 0
            } catch {
                diagnostics.append(Diagnostic("\(error)", at: scanner.location))
            }
            let produced = tokens.count > startCount
            let indented = line.first.map { $0 == " " || $0 == "\t" } ?? false
            if produced && indented && startCount > 0 && tokens[startCount - 1].kind == .newline {
                tokens.remove(at: startCount - 1)
            }
            if tokens.count > 0 && depth == 0 && tokens.last?.kind != .newline {
                tokens.append(Token(kind: .newline, location: SourceLocation(file: origin.file, line: lineNumber, column: origin.column + line.count)))
            }
        }
        let endLine = origin.line + max(0, lines.count - 1)
        tokens.append(Token(kind: .end, location: SourceLocation(file: origin.file, line: endLine, column: origin.column)))
        return (tokens, diagnostics)
    }
}

/// Scans the characters of one line.
private struct LineScanner {
    let characters: [Character]
    let file: String
    let line: Int
    let columnOffset: Int
    var index = 0

    init(characters: [Character], file: String, line: Int, columnOffset: Int) {
        self.characters = characters
        self.file = file
        self.line = line
        self.columnOffset = columnOffset
    }

    var location: SourceLocation { location(at: index) }

    func location(at position: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: columnOffset + position + 1)
    }

    var current: Character? { index < characters.count ? characters[index] : nil }

    func peek(_ offset: Int) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    static func isNameStart(_ character: Character) -> Bool { character.isLetter || character == "_" }
    static func isNameBody(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" || character == "-" }

    mutating func scan(into tokens: inout [Token], depth: inout Int) throws {
        while let character = current {
            let start = location
            switch character {
            case " ", "\t":
                index += 1
            case "#":
                return
            case "=" where peek(1) == "=":
                tokens.append(Token(kind: .comparison(.equal), location: start)); index += 2
            case "=": tokens.append(Token(kind: .equals, location: start)); index += 1
            case "<", ">", "!":
                let operatorText = peek(1) == "=" ? "\(character)=" : "\(character)"
                guard let comparison = ComparisonOperator(rawValue: operatorText) else {
                    throw Diagnostic("unexpected character '!'; 'not equal' is written '!='", at: start)
                }
                tokens.append(Token(kind: .comparison(comparison), location: start)); index += operatorText.count
            case "(": tokens.append(Token(kind: .openParenthesis, location: start)); index += 1
            case ")": tokens.append(Token(kind: .closeParenthesis, location: start)); index += 1
            case ":": tokens.append(Token(kind: .colon, location: start)); index += 1
            case ",": tokens.append(Token(kind: .comma, location: start)); index += 1
            case ".": tokens.append(Token(kind: .dot, location: start)); index += 1
            case "[":
                depth += 1
                tokens.append(Token(kind: .openBracket, location: start)); index += 1
            case "]":
                guard depth > 0 else { throw Diagnostic("']' without a matching '['", at: start) }
                depth -= 1
                tokens.append(Token(kind: .closeBracket, location: start)); index += 1
            case "\"":
                tokens.append(Token(kind: .string(try scanString()), location: start))
            case "'":
                throw Diagnostic("strings use double quotes: \"like this\"", at: start)
            default:
                if character.isNumber || (character == "-" && (peek(1)?.isNumber ?? false)) {
                    tokens.append(Token(kind: .number(try scanNumber()), location: start))
                } else if Self.isNameStart(character) {
                    tokens.append(Token(kind: .identifier(scanName()), location: start))
                } else {
                    throw Diagnostic("unexpected character '\(character)'", at: start)
                }
            }
        }
    }

    mutating func scanName() -> String {
        let start = index
        while let character = current, Self.isNameBody(character) { index += 1 }
        while index > start + 1 && characters[index - 1] == "-" { index -= 1 }
        return String(characters[start..<index])
    }

    mutating func scanNumber() throws -> Double {
        let start = index
        if current == "-" { index += 1 }
        while let character = current, character.isNumber { index += 1 }
        if current == ".", peek(1)?.isNumber ?? false {
            index += 1
            while let character = current, character.isNumber { index += 1 }
        }
        if current == "e" || current == "E" {
            let save = index
            index += 1
            if current == "+" || current == "-" { index += 1 }
            if current?.isNumber ?? false {
                while let character = current, character.isNumber { index += 1 }
            } else {
                index = save
            }
        }
        if let character = current, Self.isNameStart(character) {
            throw Diagnostic("a number cannot be followed by letters; put a space between them, or quote text", at: location)
        }
        let text = String(characters[start..<index])
        guard let value = Double(text) else { throw Diagnostic("'\(text)' is not a number", at: location(at: start)) }
        guard value.isFinite else { throw Diagnostic("'\(text)' is too large for a number (at most about 1.8e308)", at: location(at: start)) }
        return value
    }

    mutating func scanString() throws -> [StringPart] {
        let open = location
        index += 1
        var parts: [StringPart] = []
        var text = ""
        while true {
            guard let character = current else {
                throw Diagnostic("this string is not closed; end it with \" on the same line", at: open)
            }
            switch character {
            case "\"":
                index += 1
                if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
                return parts
            case "\\":
                guard let next = peek(1) else { throw Diagnostic("a string cannot end with \\", at: location) }
                let escapes: [Character: String] = ["\"": "\"", "\\": "\\", "n": "\n", "t": "\t", "{": "{", "}": "}"]
                guard let replacement = escapes[next] else {
                    throw Diagnostic("unknown escape '\\\(next)'; write \\\" \\\\ \\n \\t \\{ or \\}", at: location)
                }
                text += replacement
                index += 2
            case "{":
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                parts.append(.reference(try scanInterpolation()))
            case "}":
                throw Diagnostic("'}' without '{'; write \\} for a brace", at: location)
            default:
                text.append(character)
                index += 1
            }
        }
    }

    mutating func scanInterpolation() throws -> NamePath {
        let brace = location
        index += 1
        var parts: [String] = []
        let start = location
        repeat {
            while current == " " { index += 1 }
            guard let character = current, Self.isNameStart(character) else {
                throw Diagnostic("write a name inside {…}, e.g. {subject}; write \\{ for a brace", at: brace)
            }
            parts.append(scanName())
            while current == " " { index += 1 }
        } while current == "." && { index += 1; return true }()
        guard current == "}" else { throw Diagnostic("expected '}' to close {\(parts.joined(separator: "."))", at: location) }
        index += 1
        return NamePath(parts: parts, location: start)
    }
}
