import BiomechIO
import Foundation

/// Progress on standard error: a bar redrawn in place on a terminal, plain lines everywhere else.
///
/// On a terminal (``Style/bar``) status lines scroll above a bar that shows the running task's fraction, elapsed time
/// and an estimate of the time left. In a CI log or a pipe (``Style/lines``) the same status lines are printed, and a
/// long task prints one line at least every ``lineInterval`` seconds with its fraction, elapsed time and estimate — so a
/// 40-second fit is never 40 seconds of silence. ``Style/silent`` prints nothing (tests).
public final class ProgressReporter: @unchecked Sendable {
    /// How progress is shown.
    public enum Style: Sendable {
        /// A bar redrawn in place (standard error is a terminal).
        case bar
        /// Plain lines, one per status and one per ``lineInterval`` of a long task.
        case lines
        /// Nothing.
        case silent
    }

    /// How progress is shown.
    public let style: Style
    /// Whether anything is printed.
    public var isEnabled: Bool { style != .silent }
    /// The most seconds between two progress lines of a task in ``Style/lines``.
    public static let lineInterval = 5.0

    private let write: (String) -> Void
    private let clock: () -> Date
    private var barVisible = false
    private var lastDraw = Date.distantPast
    private var taskStart: Date?
    private var taskMessage = ""

    /// A reporter drawing a bar when standard error is a terminal and plain lines otherwise.
    public convenience init() {
        self.init(style: isatty(STDERR_FILENO) == 1 ? .bar : .lines) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// A reporter with an explicit style, sink and clock (tests).
    public init(style: Style, clock: @escaping () -> Date = Date.init, write: @escaping (String) -> Void) {
        self.style = style
        self.clock = clock
        self.write = write
    }

    /// Prints a status line (clearing a bar first).
    public func status(_ message: String) {
        guard isEnabled else { return }
        clearBar()
        write(TerminalText.escaped(message) + "\n")
    }

    /// Starts a long task: prints `message` and starts the clock its estimates are measured from.
    public func begin(_ message: String) {
        taskStart = clock()
        taskMessage = message
        lastDraw = clock()
        status(message)
    }

    /// A line the running task prints that also says how far it is (`nmm: step 100/400 …`): printed with the elapsed
    /// and estimated time (on a terminal, above the bar, which moves to `fraction`).
    public func report(_ line: String, fraction: Double) {
        guard isEnabled else { return }
        switch style {
        case .bar:
            status(line)
            lastDraw = .distantPast
            update(fraction: fraction, message: taskMessage)
        case .lines:
            let timing = timingText(fraction: min(1, max(0, fraction)), now: clock())
            status(timing.isEmpty ? line : "\(line)  (\(timing))")
            lastDraw = clock()
        case .silent:
            break
        }
    }

    /// How far a line such as "nmm: step 100/400  emg 0.01" says a task is (100/400 = 0.25), if it says.
    static func fraction(in line: String) -> Double? {
        guard let range = line.range(of: "step ") else { return nil }
        let rest = line[range.upperBound...]
        let numbers = rest.prefix { $0.isNumber || $0 == "/" }.split(separator: "/")
        guard numbers.count == 2, let done = Double(numbers[0]), let total = Double(numbers[1]), total > 0 else { return nil }
        return done / total
    }

    /// The running task has reached `fraction` (0…1): a bar `[#######.........]  45%  message  12 s, about 15 s left`
    /// redrawn at most ten times a second, or a line `45%  message  (12 s elapsed, about 15 s left)` at most every
    /// ``lineInterval`` seconds (and at the end).
    public func update(fraction: Double, message: String) {
        guard isEnabled else { return }
        let now = clock()
        let clamped = min(1, max(0, fraction.isFinite ? fraction : 0))
        let interval = style == .bar ? 0.1 : Self.lineInterval
        guard clamped >= 1 || now.timeIntervalSince(lastDraw) >= interval else { return }
        lastDraw = now
        let percent = String(Int((clamped * 100).rounded()))
        let padded = String(repeating: " ", count: 3 - percent.count) + percent + "%"
        let timing = timingText(fraction: clamped, now: now)
        switch style {
        case .bar:
            let width = 24
            let filled = Int((clamped * Double(width)).rounded())
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            write("\r\u{1B}[2K[\(bar)] \(padded)  \(TerminalText.escaped(message))" + (timing.isEmpty ? "" : "  \(timing)"))
            barVisible = true
        case .lines:
            write("\(padded)  \(TerminalText.escaped(message))" + (timing.isEmpty ? "" : "  (\(timing))") + "\n")
        case .silent:
            break
        }
    }

    /// "12 s elapsed, about 15 s left" since ``begin(_:)`` (the estimate once a twentieth is done); empty before any task.
    func timingText(fraction: Double, now: Date) -> String {
        guard let taskStart else { return "" }
        let elapsed = now.timeIntervalSince(taskStart)
        var text = "\(Duration.text(elapsed)) elapsed"
        if fraction >= 0.05 && fraction < 1 {
            text += ", about \(Duration.text(elapsed / fraction * (1 - fraction))) left"
        }
        return text
    }

    /// Removes the bar, if one is drawn.
    public func clearBar() {
        guard barVisible else { return }
        write("\r\u{1B}[2K")
        barVisible = false
    }
}
