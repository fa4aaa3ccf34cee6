#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one Storage/Motion file's bytes: header lines, the label line, then the numeric rows.
struct StorageParser {
    let file: String
    let bytes: UnsafeBufferPointer<UInt8>

    func parse() throws(InputError) -> StorageDocument {
        var lines = LineCursor(bytes: bytes)
        var header = StorageHeader()
        var counts: (rows: (Int, line: Int)?, columns: (Int, line: Int)?) = (nil, nil)
        var foundEnd = false
        while let (text, line) = lines.next() {
            let trimmed = text.trimmingWhitespace()
            if trimmed.lowercased() == "endheader" { foundEnd = true; break }
            if trimmed.isEmpty { continue }
            if let equals = trimmed.firstIndex(of: "=") {
                let key = String(trimmed[..<equals]).trimmingWhitespace()
                let value = String(trimmed[trimmed.index(after: equals)...]).trimmingWhitespace()
                header.entries.append((key, value))
                switch key.lowercased() {
                case "indegrees":
                    switch value.lowercased() {
                    case "yes": header.inDegrees = true
                    case "no": header.inDegrees = false
                    default: throw InputError(file: file, line: line, field: key, message: "expected inDegrees=yes or inDegrees=no, found \(InputError.quote(value))")
                    }
                case "nrows": counts.rows = (try count(value, key: key, line: line), line)
                case "ncolumns": counts.columns = (try count(value, key: key, line: line), line)
                default: break
                }
            } else if line == 1 {
                header.name = trimmed
            } else {
                header.descriptionLines.append(trimmed)
            }
        }
        guard foundEnd else {
            throw InputError(file: file, line: 1, message: "expected an OpenSim Storage header ending in a line 'endheader', found none")
        }
        var labelLine: (text: String, line: Int)?
        while let (text, line) = lines.next() {
            if !text.trimmingWhitespace().isEmpty { labelLine = (text, line); break }
        }
        guard let labelLine else {
            throw InputError(file: file, line: lines.lineNumber, message: "expected a line of column labels after 'endheader', found the end of the file")
        }
        let fileLabels = try ColumnLabels.split(labelLine.text, file: file, line: labelLine.line, separator: .whitespace)
        guard fileLabels[0].lowercased() == "time" else {
            throw InputError(file: file, line: labelLine.line, field: fileLabels[0],
                             message: "expected the first column label to be 'time', found \(InputError.quote(fileLabels[0]))")
        }
        var warnings: [InputError] = []
        if let columns = counts.columns, columns.0 != fileLabels.count {
            warnings.append(InputError(file: file, line: columns.line, field: "nColumns",
                                       message: "the header says nColumns=\(columns.0) but line \(labelLine.line) has \(fileLabels.count) column labels"))
        }
        let table = NumericTableParser(file: file, labels: fileLabels, separator: .whitespace, timeColumn: 0)
        let (columns, rows) = try table.parse(bytes, from: lines.offset, line: lines.lineNumber + 1)
        if let expected = counts.rows, expected.0 != rows {
            warnings.append(InputError(file: file, line: expected.line, field: "nRows",
                                       message: "the header says nRows=\(expected.0) but the file has \(rows) rows of data"))
        }
        let dataLabels = Array(fileLabels.dropFirst())
        let series = TimeSeries(time: columns[0], labels: try ColumnLabels.mapped(dataLabels, file: file, line: labelLine.line),
                                columns: Array(columns.dropFirst()), inDegrees: header.inDegrees ?? false)
        return StorageDocument(header: header, series: series, fileLabels: dataLabels, warnings: warnings)
    }

    private func count(_ value: String, key: String, line: Int) throws(InputError) -> Int {
        guard let number = Int(value), number >= 0 else {
            throw InputError(file: file, line: line, field: key, message: "expected a whole number for \(key), found \(InputError.quote(value))")
        }
        return number
    }
}

/// Walks a file's lines (LF or CRLF) from the start, keeping the byte offset and line number.
struct LineCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next line starts.
    private(set) var offset = 0
    /// The number of the last line returned (0 before the first).
    private(set) var lineNumber = 0

    /// A cursor at the first line, after a UTF-8 byte-order mark if the file starts with one.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    /// The next line's text (without its line end) and number, nil at the end of the file.
    mutating func next() -> (String, Int)? {
        guard offset < bytes.count, let base = bytes.baseAddress else { return nil }
        var end = offset
        if let newline = memchr(base + offset, 0x0A, bytes.count - offset) {
            end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
        } else {
            end = bytes.count
        }
        var contentEnd = end
        if contentEnd > offset, base[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<contentEnd]), as: UTF8.self)
        offset = end + 1
        lineNumber += 1
        return (text, lineNumber)
    }
}

/// Splitting and checking the label line of a table.
enum ColumnLabels {
    /// The labels of a label line: split on tabs when it has any (labels may then hold spaces),
    /// else on runs of spaces (or on commas for CSV); surrounding spaces and quotes removed.
    static func split(_ text: String, file: String, line: Int, separator: NumericTableParser.Separator) throws(InputError) -> [String] {
        let pieces: [Substring]
        switch separator {
        case .comma: pieces = text.split(separator: ",", omittingEmptySubsequences: false)
        case .whitespace:
            pieces = text.contains("\t") ? text.split(separator: "\t") : text.split(separator: " ")
        }
        var labels = pieces.map { String($0).trimmingWhitespace() }
        labels = labels.map { $0.count >= 2 && $0.hasPrefix("\"") && $0.hasSuffix("\"") ? String($0.dropFirst().dropLast()) : $0 }
        if separator == .whitespace { labels.removeAll { $0.isEmpty } }
        if let empty = labels.firstIndex(of: "") {
            throw InputError(file: file, line: line, message: "expected a column label in column \(empty + 1), found an empty one")
        }
        guard !labels.isEmpty else {
            throw InputError(file: file, line: line, message: "expected a line of column labels, found an empty line")
        }
        var seen: [String: Int] = [:]
        for (index, label) in labels.enumerated() {
            if let first = seen[label] {
                throw InputError(file: file, line: line, field: label,
                                 message: "the column label \(InputError.quote(label)) appears twice (columns \(first + 1) and \(index + 1))")
            }
            seen[label] = index
        }
        return labels
    }

    /// The labels with state paths mapped to column names; two paths mapping to one name are an error.
    static func mapped(_ labels: [String], file: String, line: Int) throws(InputError) -> [String] {
        let names = labels.map(OpenSimLabel.columnName)
        var seen: [String: String] = [:]
        for (name, label) in zip(names, labels) {
            if let other = seen[name] {
                throw InputError(file: file, line: line, field: label,
                                 message: "the column labels \(InputError.quote(other)) and \(InputError.quote(label)) both name \(InputError.quote(name))")
            }
            seen[name] = label
        }
        return names
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
