import Estimation
import Notebook

/// `nmm help COMMAND` for the notebook's commands, which ArgumentParser does not know.
///
/// `nmm help` stays ArgumentParser's for the CLI's own subcommands (`nmm help run`); for anything else it
/// answers here: `nmm help commands` lists the notebook commands, `nmm help language` shows the syntax, `nmm help methods` the estimation methods,
/// `nmm help plot series` one command, and `nmm help commands --markdown` prints docs/commands.md. A name both
/// have (`predict`) gets the notebook command's help and a pointer to the subcommand's `--help`.
enum NotebookCommandHelp {
    /// The help text `arguments` (without the program name) ask for, or `nil` to let ArgumentParser answer.
    static func answer(_ arguments: [String], registry: CommandRegistry = .standard) -> String? {
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
        if let text = NotebookCommandHelp.answer(Array(CommandLine.arguments.dropFirst())) {
            print(text)
            return
        }
        main(nil)
    }
}
