import Foundation

/// YAML front matter (`---` … `---` at the top of a notebook), read as flat `key: value` pairs.
///
/// cmark does not know front matter (it would read it as a rule and a heading), so its lines are
/// blanked before parsing — blanked, not removed, so cmark's line numbers stay the file's.
enum FrontMatter {
    /// The pairs, and the source with the front matter's lines replaced by empty lines.
    static func split(_ source: String) -> (pairs: [String: String], body: String) {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else { return ([:], source) }
        guard let end = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingCharacters(in: .whitespaces)) }) else {
            return ([:], source)
        }
        var pairs: [String: String] = [:]
        for line in lines[1..<end] {
            guard !line.hasPrefix(" "), let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, (value.hasPrefix("\"") && value.hasSuffix("\"")) || (value.hasPrefix("'") && value.hasSuffix("'")) {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty { pairs[key] = value }
        }
        for index in 0...end { lines[index] = "" }
        return (pairs, lines.joined(separator: "\n"))
    }
}
