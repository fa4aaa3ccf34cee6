/// An independent reference for the table readers: the labels and the first and last data rows of a
/// .sto/.mot file, found by splitting its text on whitespace after the `endheader` line.
struct RawStorageText {
    let labels: [String]
    let firstRow: [Double]
    let lastRow: [Double]
    let rowCount: Int

    /// Nil when the text has no `endheader` line, no label line or a row that is not all numbers.
    init?(_ text: String) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(whereSeparator: \.isWhitespace) }.filter { !$0.isEmpty }
        guard let end = lines.firstIndex(where: { $0 == ["endheader"] }), end + 2 < lines.count else { return nil }
        let labels = lines[end + 1].map(String.init)
        let rows = lines[(end + 2)...].map { $0.compactMap { Double($0) } }
        guard let first = rows.first, let last = rows.last, rows.allSatisfy({ $0.count == labels.count }) else { return nil }
        self.labels = labels
        firstRow = first
        lastRow = last
        rowCount = rows.count
    }

    /// The first and last value of the column `label`.
    func firstAndLast(_ label: String) -> (first: Double, last: Double)? {
        labels.firstIndex(of: label).map { (firstRow[$0], lastRow[$0]) }
    }
}

/// True when `printed` (6 significant digits) is `exact` rounded for printing.
func agreesToPrintedPrecision(_ printed: Double, _ exact: Double) -> Bool {
    abs(printed - exact) <= 5e-6 * max(abs(exact), 1e-300)
}
