import ArgumentParser

/// The `nmm` command line: one subcommand per job, documented by `nmm help SUBCOMMAND`.
@main
struct NMMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nmm",
        abstract: "Estimate the excitations of muscles surface EMG cannot reach, and run analysis notebooks.",
        discussion: """
            Notebooks: `nmm run NOTEBOOK.md` runs one into a self-contained HTML report. `nmm help commands` lists the \
            commands a notebook can use, `nmm help language` shows how a notebook is written, `nmm help methods` the \
            estimation methods, and `nmm help COMMAND` (e.g. `nmm help plot emg`) explains one.
            """,
        version: NMMVersion.string,
        subcommands: [
            InspectCommand.self, InitCommand.self, CheckPhysicsCommand.self, SimulateCommand.self, FitCommand.self, PredictCommand.self, RunCommand.self,
            StudyCommand.self, CacheCommand.self, BenchCommand.self,
        ]
    )
}
