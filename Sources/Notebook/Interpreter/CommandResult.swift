import Charts

/// What a command gives back: a value to name (for `name = command …`) and outputs for the report.
public struct CommandResult: Sendable {
    /// The value bound by `name = command …`; `nil` for commands that only show something.
    public var value: Value?
    /// What the report shows, in order.
    public var outputs: [CommandOutput]

    /// Creates a result.
    public init(value: Value? = nil, outputs: [CommandOutput] = []) {
        self.value = value
        self.outputs = outputs
    }
}

/// One thing a command shows in the report.
public enum CommandOutput: Sendable {
    /// A paragraph of plain text (escaped in the report).
    case text(String)
    /// A table; its title is its caption and its key in the JSON report.
    case table(DataTable)
    /// A chart, numbered as a figure; `caption` overrides the cell's `#| caption:`.
    case figure(any Chart, caption: String?)
    /// Named numbers (metrics), listed in the JSON report (the HTML shows tables and text, not raw metrics).
    case metrics(title: String, values: [(String, Double?)])
    /// Something that ran but is probably not what the author meant; shown where it happened and printed on standard
    /// error with the statement's location.
    case warning(String)
}
