/// The text `nmm inspect` prints for one file, taken apart for the tests.
struct InspectOutput {
    let lines: [String]

    init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The value of a `key: value` line (e.g. "rows"), nil when there is none.
    func value(_ key: String) -> String? {
        lines.first { $0.hasPrefix(key + ": ") }.map { String($0.dropFirst(key.count + 2)) }
    }

    /// The column labels listed under `columns:`, in order (each row starts with two spaces).
    var columnLabels: [String] {
        guard let start = lines.firstIndex(where: { $0.hasPrefix("columns: ") }) else { return [] }
        return lines[(start + 2)...].prefix { $0.hasPrefix("  ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// The first, last, smallest and largest value printed for a column, nil when the column is not listed.
    func statistics(of label: String) -> (first: Double, last: Double, min: Double, max: Double)? {
        guard let row = lines.first(where: { $0.split(separator: " ").first.map(String.init) == label }) else { return nil }
        let numbers = row.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard numbers.count >= 4 else { return nil }
        return (numbers[0], numbers[1], numbers[2], numbers[3])
    }
}
