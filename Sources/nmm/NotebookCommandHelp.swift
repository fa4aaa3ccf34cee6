import Estimation
import Foundation
import Notebook

/// `nmm help COMMAND` for the notebook's commands, which ArgumentParser does not know.
///
/// `nmm help` stays ArgumentParser's for the CLI's own subcommands (`nmm help run`); for anything else it
/// answers here: `nmm help commands` lists the notebook commands, `nmm help language` shows the syntax, `nmm help methods` the estimation methods,
/// `nmm help plot series` one command, and `nmm help commands --markdown` prints docs/commands.md. A name both
/// have (`predict`) gets the notebook command's help and a pointer to the subcommand's `--help`. A topic nmm does not
/// know is an error naming the closest topic, not the general help with exit status 0.
enum NotebookCommandHelp {
    /// What `nmm help …` answers.
    enum Answer: Equatable {
        /// Help to print.
        case text(String)
        /// An unknown topic: the message to print on standard error (exit status 64).
        case unknown(String)
    }

    /// The answer `arguments` (without the program name) ask for, or `nil` to let ArgumentParser answer (`nmm help`
    /// alone and the command line's subcommands).
    static func answer(_ arguments: [String], registry: CommandRegistry = .standard) -> Answer? {
        topic(arguments, registry: registry).map(Answer.text) ?? unknownTopic(arguments, registry: registry)
    }

    /// The topics besides the command line's subcommands.
    static let topics = ["commands", "language", "methods"]

    private static func unknownTopic(_ arguments: [String], registry: CommandRegistry) -> Answer? {
        guard arguments.first == "help", arguments.count >= 2 else { return nil }
        let name = arguments.dropFirst().joined(separator: " ")
        let cliSubcommands = NMMCommand.configuration.subcommands.map { $0._commandName }
        guard !cliSubcommands.contains(arguments[1]) else { return nil }
        let known = cliSubcommands + topics + registry.all.map { $0.name }
        var message = "nmm help: no command or topic '\(name)'"
        if let suggestion = Suggestions.closest(to: name, among: known) { message += "; did you mean 'nmm help \(suggestion)'?" }
        return .unknown(message + "\nTopics: \(topics.joined(separator: ", ")); `nmm help` lists the command line's commands, `nmm help commands` the notebook's.")
    }

    private static func topic(_ arguments: [String], registry: CommandRegistry) -> String? {
        guard arguments.first == "help", arguments.count >= 2 else { return nil }
        let words = Array(arguments.dropFirst())
        let cliSubcommands = NMMCommand.configuration.subcommands.map { $0._commandName }
        if words == ["commands"] { return CommandHelp.list(registry) }
        if words == ["commands", "--markdown"] { return CommandHelp.markdown(registry) }
        if words == ["language"] { return LanguageGuide.text }
        if words == ["methods"] { return MethodRegistry.help }
        let name = words.joined(separator: " ")
        if let command = registry.command(named: name) {
            let text = CommandHelp.text(for: command)
            guard cliSubcommands.contains(name) else { return text }
            return text + "\n\nThat is the notebook command; the command line's `nmm \(name)` is described by `nmm \(name) --help`."
        }
        guard words.count == 1, !cliSubcommands.contains(name) else { return nil }
        let family = registry.all.filter { $0.name.hasPrefix(name + " ") }
        if !family.isEmpty {
            return (["'\(name)' is followed by one of:"] + family.map { "  \($0.name) — \($0.summary)" }).joined(separator: "\n")
        }
        return nil
    }
}

extension NMMCommand {
    /// Entry point: notebook-command help first, everything else through ArgumentParser.
    static func main() {
        switch NotebookCommandHelp.answer(Array(CommandLine.arguments.dropFirst())) {
        case .text(let text)?:
            print(text)
            return
        case .unknown(let message)?:
            Terminal.error(message)
            Foundation.exit(64)
        case nil:
            break
        }
        main(nil)
    }
}
