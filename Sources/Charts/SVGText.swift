import Foundation

/// Escapes text for use inside SVG/XML character data and attribute values.
///
/// Every string that comes from a notebook or a data file (titles, muscle names, units) passes through
/// here before it reaches the SVG, so `<script>` in a muscle name is drawn as text, never run.
public enum SVGText {
    /// Replaces `& < > " '` with their XML entities and drops characters XML 1.0 forbids (control codes).
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Turns free text into a fragment safe for an XML `id` (letters, digits, `-`, `_`), never empty.
    public static func identifier(_ text: String) -> String {
        let allowed = text.unicodeScalars.map { scalar -> Character in
            let isSafe = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")
            return isSafe ? Character(scalar) : "-"
        }
        let joined = String(allowed)
        guard let first = joined.first, first.isLetter else { return "c-" + joined }
        return joined
    }
}

/// Deterministic number formatting for SVG coordinates and labels (no locale, no exponent, no "-0").
///
/// Rounding is half away from zero, done here rather than by `printf`, which is not locale-proof.
public enum SVGNumber {
    /// `value` with exactly `decimals` digits after the point; negative zero prints as "0".
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        let digits = max(0, min(decimals, 15))
        let scaled = (abs(value) * pow(10, Double(digits))).rounded()
        guard scaled < 9e15 else { return value.rounded().description.replacingOccurrences(of: ".0", with: "") }
        var text = String(UInt64(scaled))
        if digits > 0 {
            if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        return value < 0 && scaled != 0 ? "-" + text : text
    }

    /// A pixel coordinate: one decimal, trailing ".0" dropped, which keeps files small and stable.
    public static func coordinate(_ value: Double) -> String {
        let text = fixed(value, decimals: 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// A value for people to read: about `significant` significant digits, trailing zeros removed.
    public static func readable(_ value: Double, significant: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
        if value == 0 { return "0" }
        let magnitude = Int(log10(abs(value)).rounded(.down))
        let decimals = max(0, significant - 1 - magnitude)
        var text = fixed(value, decimals: min(decimals, 12))
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
