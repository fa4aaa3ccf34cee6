/// Text made safe to print on a terminal: control characters that a file or notebook could carry (ESC starting
/// a colour or an OSC title sequence, BEL, backspace, carriage return, C1 controls) are shown as `\u{1b}`-style
/// escapes instead of acting on the terminal. Line feeds and tabs are kept.
public enum TerminalText {
    /// `text` with every control character but `\n` and `\t` written as `\u{…}`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                shown.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                shown.append(scalar)
            }
        }
        return String(shown)
    }

    /// C0 controls other than line feed and tab, DEL, and the C1 controls U+0080–U+009F.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00..<0x20, 0x7F..<0xA0: return true
        default: return false
        }
    }
}
