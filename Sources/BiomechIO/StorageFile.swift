/// An OpenSim Storage/Motion file read whole: its header and its samples.
public struct StorageDocument: Sendable, Equatable {
    /// Everything before `endheader`.
    public var header: StorageHeader
    /// The samples; state-path labels are already mapped by `OpenSimLabel.columnName`.
    public var series: TimeSeries
    /// The column labels as the file wrote them (time excluded).
    public var fileLabels: [String]
    /// Disagreements that do not stop reading: OpenSim treats `nRows`/`nColumns` as advisory
    /// (real files carry stale ones, e.g. rajagopal-walk's coordinates.sto says nColumns=40
    /// over 32 columns), so a mismatch is reported here rather than thrown.
    public var warnings: [InputError]
}

/// OpenSim Storage (.sto) and Motion (.mot) files, both header styles.
///
/// Reading accepts tab- or space-separated columns (any run of either), LF or CRLF line ends,
/// blank lines, `nan`/`inf`, and maps OpenSim 4 state-path labels to coordinate names
/// (`OpenSimLabel.columnName`). The first column must be `time` and increase strictly. Bad input
/// throws `InputError` naming the file, the line, the field and what was expected.
public enum StorageFile {
    /// Reads the samples of a .sto/.mot file.
    public static func read(_ path: String) throws -> TimeSeries {
        try readDocument(path).series
    }

    /// Reads a .sto/.mot file with its header.
    public static func readDocument(_ path: String) throws -> StorageDocument {
        let bytes = try FileBytes.contents(of: path)
        return try parse(bytes, file: path)
    }

    /// Parses the bytes of a .sto/.mot file; `file` names it in errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> StorageDocument {
        try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> StorageDocument in
            try StorageParser(file: file, bytes: buffer).parse()
        }
    }

    /// Writes `series` as an OpenSim Storage file (the `version=1` header with nRows/nColumns
    /// that every OpenSim version reads), atomically. Numbers are written in Swift's shortest
    /// round-trip form, so reading the file back gives identical Doubles. `name` defaults to the
    /// file's name without extension.
    public static func write(_ series: TimeSeries, to path: String, name: String? = nil) throws {
        try FileBytes.writeAtomically(encode(series, name: name ?? defaultName(for: path), file: path), to: path)
    }

    /// The bytes `write` puts in a file.
    public static func encode(_ series: TimeSeries, name: String, file: String) throws(InputError) -> [UInt8] {
        for label in ["time"] + series.labels + [name] where label.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw InputError(file: file, field: label, message: "cannot write the label \(InputError.quote(label)): it contains a tab or line break")
        }
        var out: [UInt8] = []
        out.reserveCapacity(series.rowCount * (series.labels.count + 1) * 20 + 256)
        func append(_ text: String) { out.append(contentsOf: text.utf8) }
        append("\(name)\nversion=1\nnRows=\(series.rowCount)\nnColumns=\(series.labels.count + 1)\n")
        append("inDegrees=\(series.inDegrees ? "yes" : "no")\nendheader\n")
        append((["time"] + series.labels).joined(separator: "\t"))
        append("\n")
        for row in 0..<series.rowCount {
            append(series.time[row].description)
            for column in series.columns {
                out.append(0x09)
                append(column[row].description)
            }
            out.append(0x0A)
        }
        return out
    }

    private static func defaultName(for path: String) -> String {
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return fileName }
        return String(fileName[..<dot])
    }
}
