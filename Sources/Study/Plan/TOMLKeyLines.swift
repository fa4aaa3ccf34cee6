import Foundation

/// The line of every key in a TOML text, so that errors found after parsing (TOMLKit keeps no source positions) can
/// still name a line.
///
/// It follows table headers (`[a.b]`) and `key = value` lines, bare or quoted keys, dotted keys included; a value
/// spanning several lines is found at its first. Arrays of tables (`[[a]]`) count as the header only: study plans
/// use none.
struct TOMLKeyLines {
    private var lines: [String: Int] = [:]

    /// Scans `text`; it need not be valid TOML (the parser reports that).
    init(_ text: String) {
        var table: [String] = []
        var depth = 0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = index + 1
            // Inside a multi-line array no line starts a key.
            if depth > 0 {
                depth += Self.bracketBalance(line)
                continue
            }
            if line.hasPrefix("[") {
                let inner = line.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" })
                table = Self.keyPath(String(inner))
                lines[table.joined(separator: "\u{1F}"), default: number] = number
            } else if let equals = Self.assignment(line) {
                let path = table + Self.keyPath(String(line[..<equals]))
                lines[path.joined(separator: "\u{1F}"), default: number] = number
                depth = max(0, Self.bracketBalance(String(line[line.index(after: equals)...])))
            }
        }
    }

    /// The line where `path` (table names, then the key) is defined, or nil.
    func line(_ path: [String]) -> Int? {
        lines[path.joined(separator: "\u{1F}")]
    }

    /// The `=` of a key-value line outside quotes, or nil for comments and blank lines.
    private static func assignment(_ line: String) -> String.Index? {
        guard let first = line.first, first != "#" else { return nil }
        var quote: Character? = nil
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "=" {
                return index
            }
        }
        return nil
    }

    /// `a."b.c" . d` → ["a", "b.c", "d"].
    private static func keyPath(_ key: String) -> [String] {
        var parts: [String] = [], current = "", quote: Character? = nil
        for character in key {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current.trimmingCharacters(in: .whitespaces)); current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }

    /// Opening minus closing square brackets outside strings and comments.
    private static func bracketBalance(_ text: String) -> Int {
        var balance = 0, quote: Character? = nil
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                break
            } else if character == "[" {
                balance += 1
            } else if character == "]" {
                balance -= 1
            }
        }
        return balance
    }
}
