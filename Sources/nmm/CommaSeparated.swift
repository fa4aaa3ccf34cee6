/// The items of a comma-separated option value (`"a, b,,c"` → `["a", "b", "c"]`): blanks trimmed, empty items dropped.
func commaSeparated(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
