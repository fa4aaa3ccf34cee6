import BiomechIO
import Foundation

/// Progress lines and bars on standard error, for people watching a terminal.
///
/// When standard error is not a terminal (CI logs, pipes) it stays silent, so logs hold only errors.
public final class ProgressReporter: @unchecked Sendable {
    /// Whether anything is drawn.
    public let isEnabled: Bool
    private let write: (String) -> Void
    private var barVisible = false
    private var lastDraw = Date.distantPast

    /// A reporter drawing to standard error when it is a terminal.
    public convenience init() {
        self.init(enabled: isatty(STDERR_FILENO) == 1) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// A reporter with an explicit switch and sink (tests).
    public init(enabled: Bool, write: @escaping (String) -> Void) {
        self.isEnabled = enabled
        self.write = write
    }

    /// Prints a status line (clearing a bar first).
    public func status(_ message: String) {
        guard isEnabled else { return }
        clearBar()
        write(TerminalText.escaped(message) + "\n")
    }

    /// Draws or redraws a bar: `[#######.........]  45%  epoch 135/300  loss 0.0123`, at most ten times a second.
    public func update(fraction: Double, message: String) {
        guard isEnabled else { return }
        let now = Date()
        guard fraction >= 1 || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let clamped = min(1, max(0, fraction.isFinite ? fraction : 0))
        let width = 24
        let filled = Int((clamped * Double(width)).rounded())
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let percent = String(Int((clamped * 100).rounded()))
        write("\r\u{1B}[2K[\(bar)] \(String(repeating: " ", count: 3 - percent.count))\(percent)%  \(TerminalText.escaped(message))")
        barVisible = true
    }

    /// Removes the bar, if one is drawn.
    public func clearBar() {
        guard isEnabled, barVisible else { return }
        write("\r\u{1B}[2K")
        barVisible = false
    }
}
