import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses the numeric rows of a table straight from a file's bytes: no String per line or value.
///
/// Rows end with LF or CRLF (the last one too: a file ending inside a row was cut short); blank lines are skipped. Values are separated by runs of spaces and
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

    /// Inputs larger than this are parsed in two halves on two threads.
    static let parallelThreshold = 4 << 20

    /// The columns (one array per label) and the row count of the rows from `offset` (where the
    /// first data line starts; `line` is its 1-based number) to the end of `bytes`.
    ///
    /// Large inputs are split at a line end near the middle and both halves parsed at once; the
    /// second half starts from the time on the first half's last row, so errors (the first in
    /// file order is thrown) and results are exactly those of one pass.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, line firstLine: Int,
               parallelThreshold: Int = NumericTableParser.parallelThreshold) throws(InputError) -> (columns: [[Double]], rows: Int)
    {
        guard let base = bytes.baseAddress, offset < bytes.count else { return (labels.map { _ in [] }, 0) }
        let middle = offset + (bytes.count - offset) / 2
        guard bytes.count - offset > parallelThreshold, let newline = memchr(base + middle, 0x0A, bytes.count - middle) else {
            let whole = try parseRange(bytes, from: offset, to: bytes.count, line: firstLine, previousTime: -.infinity)
            return (Self.columns(of: [whole.values], columnCount: labels.count), whole.rows)
        }
        let split = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
        let secondLine = firstLine + Self.lineEnds(in: bytes, from: offset, to: split)
        let boundaryTime = timeOfLastRow(in: bytes, from: offset, before: split)
        var halves: [HalfResult?] = [nil, nil]
        halves.withUnsafeMutableBufferPointer { results in
            let shared = SharedHalves(bytes: bytes, results: results)
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                shared.results[half] = half == 0
                    ? Result { () throws(InputError) in
                        try parseRange(shared.bytes, from: offset, to: split, line: firstLine, previousTime: -.infinity)
                    }
                    : Result { () throws(InputError) in
                        try parseRange(shared.bytes, from: split, to: shared.bytes.count, line: secondLine, previousTime: boundaryTime)
                    }
            }
        }
        guard let first = halves[0], let second = halves[1] else { preconditionFailure("NumericTableParser: a half was not parsed") }
        let (one, two) = (try first.get(), try second.get())
        return (Self.columns(of: [one.values, two.values], columnCount: labels.count), one.rows + two.rows)
    }

    private typealias HalfResult = Result<(values: [Double], rows: Int), InputError>

    /// What the two parsing threads share: both only read `bytes`, which outlives them, and each
    /// writes only its own slot of `results`; `concurrentPerform` returns after both finish.
    private struct SharedHalves: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let results: UnsafeMutableBufferPointer<HalfResult?>
    }

    /// The time on the last non-blank line before `split`, or -∞ when that line is not a valid row
    /// (its half then reports the error).
    private func timeOfLastRow(in bytes: UnsafeBufferPointer<UInt8>, from offset: Int, before split: Int) -> Double {
        var end = split - 1 // the line end before `split`
        while end > offset {
            var start = end
            while start > offset, bytes[start - 1] != 0x0A { start -= 1 }
            if let row = try? parseRange(bytes, from: start, to: end, line: 1, previousTime: -.infinity), row.rows == 1 {
                return row.values[timeColumn]
            }
            if bytes[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) { return -.infinity }
            end = start - 1
        }
        return -.infinity
    }

    private static func lineEnds(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var position = start
        while position < end, let newline = memchr(base + position, 0x0A, end - position) {
            count += 1
            position = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }

    /// The values row by row (`rows * labels.count` of them) and the row count of the lines in
    /// `offset..<end`; `previousTime` is the time of the row before the first.
    private func parseRange(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, to end: Int, line firstLine: Int,
                            previousTime timeBefore: Double) throws(InputError) -> (values: [Double], rows: Int)
    {
        guard let base = bytes.baseAddress, offset < end else { return ([], 0) }
        let columnCount = labels.count
        var values: [Double] = []
        values.reserveCapacity((end - offset) / 8)
        var rows = 0
        var line = firstLine
        var position = offset
        var previousTime = timeBefore
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
                guard lineEnd < bytes.count else {
                    throw InputError(file: file, line: line, message:
                        "expected a line break after the last row; the file ends inside it, as if cut short while it was written")
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

    /// Splits row-major `parts` (consecutive runs of whole rows) into one array per column.
    static func columns(of parts: [[Double]], columnCount: Int) -> [[Double]] {
        let rows = parts.reduce(0) { $0 + $1.count } / max(columnCount, 1)
        return (0..<columnCount).map { column in
            [Double](unsafeUninitializedCapacity: rows) { buffer, initialized in
                var row = 0
                for part in parts {
                    part.withUnsafeBufferPointer { source in
                        for partRow in 0..<(source.count / columnCount) {
                            buffer[row] = source[partRow * columnCount + column]
                            row += 1
                        }
                    }
                }
                initialized = rows
            }
        }
    }
}
