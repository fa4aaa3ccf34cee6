extension TimeSeries {
    /// Throws, naming `file`, the column and the time, when a value is nan or ±inf. Fits and predictions
    /// cannot use such a sample (one nan spreads to every excitation and metric), so trials are checked when
    /// they are loaded; `inspect` still describes such a file.
    public func requireFinite(file: String) throws(InputError) {
        var first: (row: Int, column: Int)?
        for (index, column) in columns.enumerated() {
            guard let row = column.firstIndex(where: { !$0.isFinite }), row < first?.row ?? .max else { continue }
            first = (row, index)
        }
        guard let (row, index) = first else { return }
        throw InputError(file: file, field: labels[index], message:
            "expected finite numbers, found \(columns[index][row]) in column '\(labels[index])' at time \(time[row]) s (data row \(row + 1)); "
            + "fill or cut the gap before using the file")
    }
}
