import ArgumentParser

/// `nmm run`: Run a Markdown notebook into a self-contained HTML report in Output/.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Markdown notebook into a self-contained HTML report in Output/."
    )

    func run() throws {
        throw ValidationError("`run` is not implemented yet")
    }
}
