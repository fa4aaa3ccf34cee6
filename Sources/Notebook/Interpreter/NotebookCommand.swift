/// A command of the notebook language. Adding one is one file in Sources/Notebook/Commands/ and one line
/// in ``CommandRegistry/standard``.
///
///     struct PrintCommand: NotebookCommand {
///         static let name = "print"
///         static let summary = "Show text in the report."
///         static let discussion = "…"
///         static let parameters: [ParameterSpec] = [.argument("message", .any, help: "What to show.")]
///         static let examples = [#"print "Subject {subject}""#]
///
///         func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
///             CommandResult(outputs: [.text(try invocation.value("message").text)])
///         }
///     }
///
/// The interpreter checks the arguments against `parameters` before `run` is called, so `run` reads them
/// with the typed accessors of ``Invocation`` and only checks what the types cannot say (ranges, files).
/// Errors thrown as ``Diagnostic`` (``Invocation/error(_:at:)`` makes them) keep their location; any other
/// error is reported at the command.
public protocol NotebookCommand: Sendable {
    /// One or two words, e.g. "print", "plot series", "fit nmm".
    static var name: String { get }
    /// One line for command lists.
    static var summary: String { get }
    /// Paragraphs for `nmm help COMMAND` and docs/commands.md: what it does, what it gives, the science.
    static var discussion: String { get }
    /// Positional arguments (in order) and options.
    static var parameters: [ParameterSpec] { get }
    /// Lines of notebook code showing typical use.
    static var examples: [String] { get }

    /// Creates the command (commands hold no state between runs).
    init()

    /// Runs the command on checked arguments.
    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult
}

/// An expensive command whose result is cached on disk, keyed by a hash of everything it depends on.
///
/// The runner calls ``inputFiles(_:context:)`` and hashes those files' bytes with the command's arguments,
/// the fingerprints of the values it reads, and the nmm version. On a hit it decodes the stored
/// ``Artifact`` and skips ``compute(_:context:)``; either way ``result(from:invocation:context:)`` turns the
/// artifact into the value and outputs. The artifact must therefore hold everything the outputs need.
public protocol CachedCommand: NotebookCommand {
    /// What is computed and stored: model weights, fitted parameters, predictions, loss history …
    associatedtype Artifact: Codable & Sendable

    /// The files (beyond the values passed in) whose bytes the result depends on.
    func inputFiles(_ invocation: Invocation, context: CommandContext) throws -> [String]

    /// The expensive part.
    func compute(_ invocation: Invocation, context: CommandContext) throws -> Artifact

    /// The value and outputs, from a fresh or a cached artifact.
    func result(from artifact: Artifact, invocation: Invocation, context: CommandContext) throws -> CommandResult
}

extension CachedCommand {
    /// By default a cached command reads no files of its own.
    public func inputFiles(_ invocation: Invocation, context: CommandContext) throws -> [String] { [] }

    /// Computes without the cache (the runner uses the cache instead when it can).
    public func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        try result(from: compute(invocation, context: context), invocation: invocation, context: context)
    }
}
