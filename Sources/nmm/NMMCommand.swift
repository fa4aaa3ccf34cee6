import ArgumentParser

/// The `nmm` command line: one subcommand per job, documented by `nmm help SUBCOMMAND`.
@main
struct NMMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nmm",
        abstract: "Estimate the excitations of muscles surface EMG cannot reach, and run analysis notebooks.",
        version: NMMVersion.string,
        subcommands: [
            InspectCommand.self, InitCommand.self, CheckPhysicsCommand.self, SimulateCommand.self, FitCommand.self, PredictCommand.self, RunCommand.self, StudyCommand.self, BenchCommand.self,
        ]
    )
}
