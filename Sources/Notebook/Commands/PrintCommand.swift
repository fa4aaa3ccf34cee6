/// `print`: shows text, with `{name}` filled in, or describes a value.
struct PrintCommand: NotebookCommand {
    static let name = "print"
    static let summary = "Show a line of text, or describe a value."
    static let discussion = """
        Shows its argument as a paragraph of the report. Text in double quotes may contain {name} to \
        insert a value defined above; a bare name shows a one-line description of that value \
        (a series' channels and time span, a table's size, a fitted model's summary).
        """
    static let parameters: [ParameterSpec] = [
        .argument("message", .any, help: "Text in double quotes, or a name defined above."),
    ]
    static let examples = [
        #"print "Subject {subject}: {trials} trials""#,
        "print waves",
    ]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        CommandResult(outputs: [.text(invocation.value("message")?.text ?? "")])
    }
}
