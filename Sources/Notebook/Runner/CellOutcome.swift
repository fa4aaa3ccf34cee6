/// What happened to one `nmm` cell.
public struct CellOutcome: Sendable {
    /// How the cell ended.
    public enum Status: Sendable {
        /// Every statement ran.
        case succeeded
        /// A statement (or the cell's syntax) failed; the diagnostics say where.
        case failed([Diagnostic])
        /// Not run, because it uses a value a failed cell should have made.
        case skipped(reason: String)
    }

    /// One output, with the notebook line of the statement that made it.
    public struct Output: Sendable {
        /// What to show.
        public var content: CommandOutput
        /// The statement's line.
        public var line: Int
    }

    /// The cell.
    public var cell: NotebookCell
    /// How it ended.
    public var status: Status
    /// Outputs of the statements that ran, in order.
    public var outputs: [Output]
    /// Wall time in seconds.
    public var seconds: Double
    /// Expensive steps answered from the cache.
    public var cacheHits: Int
    /// Expensive steps computed.
    public var cacheMisses: Int

    /// Whether the cell failed or was skipped.
    public var isFailure: Bool {
        if case .succeeded = status { return false }
        return true
    }
}
