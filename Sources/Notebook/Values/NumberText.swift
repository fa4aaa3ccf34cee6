import Charts

/// Numbers as a report shows them: whole numbers exactly, others to about four significant digits.
public enum NumberText {
    /// `value` rounded to `significant` significant digits, trailing zeros dropped ("0.01235", "1234", "2.5").
    public static func readable(_ value: Double, significant: Int = 4) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return SVGNumber.readable(value, significant: significant)
    }

    /// `value` to three significant digits, or "—" where it is undefined (r of a constant signal).
    public static func readable(_ value: Double?) -> String {
        value.map { readable($0, significant: 3) } ?? "—"
    }
}
