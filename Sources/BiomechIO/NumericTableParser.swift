#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses the numeric rows of a table straight from a file's bytes: no String per line or value.
///
/// Rows end with LF or CRLF; blank lines are skipped. Values are separated by runs of spaces and
/// tabs (Storage files) or by one comma with optional spaces around it (CSV). Every row must have
/// one value per column, and the time column must increase strictly.
struct NumericTableParser {
    /// How values on a row are separated.
    enum Separator { case whitespace, comma }

    let file: String
    /// All column labels, time included, for error messages.
    let labels: [String]
    let separator: Separator
    /// Which column holds the time.
    let timeColumn: Int

    /// The values row by row (`rows * labels.count` of them) and the row count.
    /// `offset` is where the first data line starts and `line` its 1-based line number.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, line firstLine: Int) throws(InputError)
        -> (values: [Double], rows: Int)
    {
        guard let base = bytes.baseAddress, offset < bytes.count else { return ([], 0) }
        let end = bytes.count
        let columnCount = labels.count
        var values: [Double] = []
        values.reserveCapacity((end - offset) / 8)
        var rows = 0
        var line = firstLine
        var position = offset
        var previousTime = -Double.infinity
        while position < end {
            let lineEnd: Int
            if let newline = memchr(base + position, 0x0A, end - position) {
                lineEnd = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            } else {
                lineEnd = end
            }
            var contentEnd = lineEnd
            if contentEnd > position, base[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            var column = 0
            var cursor = position
            while true {
                while cursor < contentEnd, base[cursor] == 0x20 || base[cursor] == 0x09 { cursor += 1 }
                if cursor >= contentEnd { break }
                let tokenStart = cursor
                guard column < columnCount else {
                    throw InputError(file: file, line: line, message:
                        "expected \(columnCount) values (one per column label), found more: \(InputError.quote(bytes: UnsafeBufferPointer(rebasing: bytes[tokenStart..<contentEnd])))")
                }
                let parsed = DecimalParser.parsePrefix(base + cursor, count: contentEnd - cursor)
                if let parsed { cursor += parsed.length }
                if separator == .comma {
                    while cursor < contentEnd, base[cursor] == 0x20 || base[cursor] == 0x09 { cursor += 1 }
                }
                guard let value = parsed?.value, cursor == contentEnd || isSeparator(base[cursor]) else {
                    throw notANumber(bytes, from: tokenStart, to: contentEnd, line: line, column: column)
                }
                if column == timeColumn {
                    guard value > previousTime, value.isFinite else {
                        throw InputError(file: file, line: line, field: labels[column], message:
                            "expected time to increase, found \(value) after \(previousTime)")
                    }
                    previousTime = value
                }
                values.append(value)
                column += 1
                if separator == .comma, cursor < contentEnd {
                    cursor += 1 // the comma
                    if cursor >= contentEnd { throw emptyField(line: line, column: column) }
                }
            }
            if column > 0 {
                guard column == columnCount else {
                    throw InputError(file: file, line: line, field: labels[column], message:
                        "expected \(columnCount) values (one per column label), found \(column): no value for column '\(labels[column])'")
                }
                rows += 1
            }
            position = lineEnd + 1
            line += 1
        }
        return (values, rows)
    }

    @inline(__always)
    private func isSeparator(_ byte: UInt8) -> Bool {
        separator == .comma ? byte == 0x2C : byte == 0x20 || byte == 0x09
    }

    /// The error for a value that is not a number: the token runs to the next separator.
    private func notANumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to lineEnd: Int, line: Int, column: Int) -> InputError {
        var end = start
        while end < lineEnd, !isSeparator(bytes[end]) { end += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
        return InputError(file: file, line: line, field: labels[column], message:
            "expected a number in column '\(labels[column])', found \(token.isEmpty ? "an empty field" : InputError.quote(bytes: token))")
    }

    /// A comma at the end of a row.
    private func emptyField(line: Int, column: Int) -> InputError {
        guard column < labels.count else {
            return InputError(file: file, line: line, message: "expected \(labels.count) values (one per column label), found a comma after the last one")
        }
        return InputError(file: file, line: line, field: labels[column],
                          message: "expected a number in column '\(labels[column])', found an empty field")
    }

    /// Splits row-major `values` into one array per column.
    static func columns(of values: [Double], rows: Int, columnCount: Int) -> [[Double]] {
        (0..<columnCount).map { column in
            [Double](unsafeUninitializedCapacity: rows) { buffer, initialized in
                values.withUnsafeBufferPointer { source in
                    for row in 0..<rows { buffer[row] = source[row * columnCount + column] }
                }
                initialized = rows
            }
        }
    }
}
