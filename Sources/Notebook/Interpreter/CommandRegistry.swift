/// The commands a notebook can use, by name.
public struct CommandRegistry: Sendable {
    private var commands: [String: any NotebookCommand.Type] = [:]

    /// A registry of the given commands; a repeated name is a programming error.
    public init(_ commands: [any NotebookCommand.Type]) {
        for command in commands { register(command) }
    }

    /// Adds a command.
    public mutating func register(_ command: any NotebookCommand.Type) {
        precondition(commands[command.name] == nil, "two commands are named '\(command.name)'")
        precondition(!command.name.isEmpty && command.name.split(separator: " ").count <= 2, "a command name is one or two words")
        commands[command.name] = command
    }

    /// The command called `name`.
    public func command(named name: String) -> (any NotebookCommand.Type)? {
        commands[name]
    }

    /// All command names.
    public var names: Set<String> { Set(commands.keys) }

    /// All commands, sorted by name.
    public var all: [any NotebookCommand.Type] {
        commands.keys.sorted().compactMap { commands[$0] }
    }
}
