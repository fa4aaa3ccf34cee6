/// Warnings for fenced blocks that are almost, but not quite, what the author meant: cmark reads them without
/// complaint, so a cell would silently not run, or swallow the cells after it.
enum FenceCheck {
    /// Info strings one edit from `nmm` that are real languages, never warned about.
    static let languages: Set<String> = ["nim", "mm"]

    /// The warnings of one fenced block: its language is a near miss of `nmm` (```nm, ```nmn, ```{nmm}); it is never
    /// closed (it runs to the end of the file); or a line inside it opens a new fence, which means the block above was
    /// left open and has swallowed the next one.
    static func warnings(language: String, literal: String, startLine: Int, endLine: Int, lines: [String], path: String) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let at = SourceLocation(file: path, line: startLine, column: 1)
        let lowered = language.lowercased()
        if lowered != "nmm", isNearMiss(lowered) {
            warnings.append(.warning("the fence is marked '\(language)', so it is shown as code and does not run; write ```nmm to run it", at: at))
        }
        let lastLine = lines.indices.contains(endLine - 1) ? lines[endLine - 1] : ""
        if endLine <= startLine || !MarkdownReader.isFence(lastLine) {
            warnings.append(.warning("the fence opened here is never closed: everything to the end of the file is its code; close it with ```", at: at))
        }
        for (offset, line) in literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            guard MarkdownReader.isFence(String(line)), trimmed.dropFirst(3).contains(where: { !$0.isWhitespace && $0 != "`" && $0 != "~" }) else { continue }
            warnings.append(.warning("line \(startLine + 1 + offset) opens a new fence inside the block that starts here: is this block missing its closing ```?", at: at))
            break
        }
        return warnings
    }

    /// `nmm` in braces or with punctuation, or one edit away (case aside), unless a known language.
    static func isNearMiss(_ language: String) -> Bool {
        guard !language.isEmpty, !languages.contains(language) else { return false }
        if language.contains("nmm") { return true }
        return Suggestions.editDistance(language, "nmm") <= 1
    }
}
