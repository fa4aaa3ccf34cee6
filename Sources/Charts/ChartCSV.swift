/// Writes CSV (RFC 4180) for a chart's data download.
///
/// Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
/// prefixed with `'`, since names come from notebooks and data files a reader did not write (OWASP's CSV injection
/// advice); numbers are written to 7 significant digits (as many as a Float holds; the JSON report keeps every digit),
/// a non-finite one as an empty field.
enum ChartCSV {
    /// One line from its fields, ending in CRLF.
    static func row(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\r\n"
    }

    /// A text field, quoted when it holds a comma, quote or line break.
    static func text(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number field.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return String(format: "%.7g", value)
    }
}

extension TimeSeriesChart {
    /// One row per sample: when every series shares its x values, one column per series ("BRA (hidden) nmm" in a chart of
    /// several panels); otherwise one row per sample of every series (panel, quantity, series, x, value). Markers follow
    /// as rows of their own in the long form.
    public var csv: String {
        let all = panels.flatMap(\.series)
        if let shared = all.first?.x, all.allSatisfy({ $0.x == shared }), panels.allSatisfy(\.markers.isEmpty) {
            let names = panels.flatMap { panel in
                panel.series.map { panels.count > 1 || !panel.title.isEmpty ? "\(panel.title) \($0.name)" : $0.name }
            }
            var text = ChartCSV.row([ChartCSV.text(xAxis.text)] + names.map(ChartCSV.text))
            for (row, x) in shared.enumerated() {
                text += ChartCSV.row([ChartCSV.number(x)] + all.map { ChartCSV.number($0.y[row]) })
            }
            return text
        }
        var text = ChartCSV.row(["panel", "quantity", "series", ChartCSV.text(xAxis.text), "value"])
        for panel in panels {
            for series in panel.series {
                let prefix = [ChartCSV.text(panel.title), ChartCSV.text(panel.yAxis.text), ChartCSV.text(series.name)]
                for (x, y) in zip(series.x, series.y) {
                    text += ChartCSV.row(prefix + [ChartCSV.number(x), ChartCSV.number(y)])
                }
            }
            for marker in panel.markers {
                text += ChartCSV.row([ChartCSV.text(panel.title), ChartCSV.text(panel.yAxis.text), ChartCSV.text(marker.name),
                                      ChartCSV.number(marker.x), ChartCSV.number(marker.y)])
            }
        }
        return text
    }
}

extension ParameterBarChart {
    /// One row per parameter: label, generic, fitted, lower and upper bound, truth (empty when unknown).
    public var csv: String {
        var text = ChartCSV.row(["parameter", "generic", "fitted", "lower", "upper", "truth"])
        for bar in bars {
            text += ChartCSV.row([ChartCSV.text(bar.label), ChartCSV.number(bar.generic), ChartCSV.number(bar.fitted),
                                  ChartCSV.number(bar.lower), ChartCSV.number(bar.upper), ChartCSV.number(bar.truth)])
        }
        return text
    }
}

extension ScatterChart {
    /// One row per point: group, x, y.
    public var csv: String {
        var text = ChartCSV.row(["group", ChartCSV.text(xAxis.text), ChartCSV.text(yAxis.text)])
        for group in groups {
            for (x, y) in zip(group.x, group.y) {
                text += ChartCSV.row([ChartCSV.text(group.name), ChartCSV.number(x), ChartCSV.number(y)])
            }
        }
        return text
    }
}

extension StripChart {
    /// One row per point: its column (method), its label (subject) and its value.
    public var csv: String {
        var text = ChartCSV.row(["group", "label", ChartCSV.text(yAxis.text)])
        for group in groups {
            for (index, value) in group.values.enumerated() {
                text += ChartCSV.row([ChartCSV.text(group.name), ChartCSV.text(index < group.labels.count ? group.labels[index] : ""),
                                      ChartCSV.number(value)])
            }
        }
        return text
    }
}
