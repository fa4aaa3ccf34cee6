/// Comma-separated tables with a header line of labels, one of them `time` (any case, any column).
///
/// Lines before the label line that start with `#` are comments; blank lines are skipped; values
/// are numbers (`nan`, `inf` allowed) separated by one comma each, with optional spaces.
public enum CSVFile {
    /// Reads a CSV file; `inDegrees` says whether its angles are in degrees (CSV has no header to say).
    public static func read(_ path: String, inDegrees: Bool = false) throws -> TimeSeries {
        let bytes = try FileBytes.contents(of: path)
        return try parse(bytes, file: path, inDegrees: inDegrees)
    }

    /// Parses the bytes of a CSV file; `file` names it in errors.
    public static func parse(_ bytes: [UInt8], file: String, inDegrees: Bool = false) throws(InputError) -> TimeSeries {
        try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> TimeSeries in
            var lines = LineCursor(bytes: buffer)
            var labelLine: (text: String, line: Int)?
            while let (text, line) = lines.next() {
                let trimmed = text.trimmingWhitespace()
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                labelLine = (text, line)
                break
            }
            guard let labelLine else {
                throw InputError(file: file, line: max(lines.lineNumber, 1), message: "expected a line of column labels, found none")
            }
            var labels = try ColumnLabels.split(labelLine.text, file: file, line: labelLine.line, separator: .comma)
            guard let timeColumn = labels.firstIndex(where: { $0.lowercased() == "time" }) else {
                throw InputError(file: file, line: labelLine.line,
                                 message: "expected a column labelled 'time', found \(labels.map { InputError.quote($0) }.joined(separator: ", "))")
            }
            let table = NumericTableParser(file: file, labels: labels, separator: .comma, timeColumn: timeColumn)
            var (columns, _) = try table.parse(buffer, from: lines.offset, line: lines.lineNumber + 1)
            let time = columns.remove(at: timeColumn)
            labels.remove(at: timeColumn)
            return TimeSeries(time: time, labels: try ColumnLabels.mapped(labels, file: file, line: labelLine.line),
                              columns: columns, inDegrees: inDegrees)
        }
    }
}

/// Reads any table nmm knows by its extension: `.csv` as CSV, `.c3d` as its analog channels (raw EMG
/// as a capture system records it), everything else (.sto, .mot) as an OpenSim Storage file.
public enum TableFile {
    /// The samples of the table at `path`.
    public static func read(_ path: String) throws -> TimeSeries {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return try CSVFile.read(path) }
        if lower.hasSuffix(".c3d") { return try C3DFile.read(path).analog }
        return try StorageFile.read(path)
    }
}
