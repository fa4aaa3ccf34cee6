extension TimeSeries {
    /// The series with rotational columns converted from degrees to radians (a copy of `self`
    /// when `inDegrees` is false).
    ///
    /// OpenSim converts the columns of coordinates whose motion type is rotational (values and
    /// speeds), which needs the model; without it this uses the column names: every column is
    /// taken as rotational except translations (`*_tx`, `*_ty`, `*_tz`, with or without a
    /// `_speed` suffix) and generalized forces (`*_moment`, `*_force`). Pass the model's
    /// rotational coordinates to `inRadians(rotationalColumns:)` to follow OpenSim exactly.
    public func inRadians() -> TimeSeries {
        inRadians(where: TimeSeries.looksRotational)
    }

    /// The series with the listed columns (and their `_speed` columns) converted from degrees to
    /// radians, e.g. `model.rotationalCoordinateNames`; other columns are left as they are.
    public func inRadians(rotationalColumns: Set<String>) -> TimeSeries {
        inRadians { label in
            rotationalColumns.contains(label)
                || (label.hasSuffix("_speed") && rotationalColumns.contains(String(label.dropLast(6))))
        }
    }

    private func inRadians(where isRotational: (String) -> Bool) -> TimeSeries {
        guard inDegrees else { return self }
        var converted = self
        for (index, label) in labels.enumerated() where isRotational(label) {
            converted.columns[index] = columns[index].map { $0 * .pi / 180 }
        }
        converted.inDegrees = false
        return converted
    }

    /// The name-based rule of `inRadians()`.
    static func looksRotational(_ label: String) -> Bool {
        let base = label.hasSuffix("_speed") ? String(label.dropLast(6)) : label
        let nonAngleSuffixes = ["_tx", "_ty", "_tz", "_moment", "_force"]
        return !nonAngleSuffixes.contains { base.hasSuffix($0) }
    }
}
