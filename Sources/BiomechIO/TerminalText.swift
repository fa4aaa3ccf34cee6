/// Text made safe to print on a terminal: control characters that a file or notebook could carry (ESC starting
/// a colour or an OSC title sequence, BEL, backspace, carriage return, C1 controls) are shown as `\u{1b}`-style
/// escapes instead of acting on the terminal. Line feeds and tabs are kept.
public enum TerminalText {
    /// `text` with every control character but `\n` and `\t` (or, with `layout` false, every one) written as `\u{…}`.
    public static func escaped(_ text: some StringProtocol, keepingLayout layout: Bool = true) -> String {
        func isEscaped(_ scalar: Unicode.Scalar) -> Bool { isControl(scalar) && !(layout && (scalar == "\n" || scalar == "\t")) }
        guard text.unicodeScalars.contains(where: isEscaped) else { return String(text) }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isEscaped(scalar) {
                shown.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                shown.append(scalar)
            }
        }
        return String(shown)
    }

    /// The C0 controls, DEL, and the C1 controls U+0080–U+009F.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }
}
