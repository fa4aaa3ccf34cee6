import BiomechIO
import Foundation

/// `save`: writes a series as an OpenSim Storage file beside the report.
struct SaveCommand: NotebookCommand {
    static let name = "save"
    static let summary = "Save a series as an OpenSim .sto file in the output folder."
    static let discussion = """
        Writes the series as an OpenSim Storage file (version=1 header, tab-separated, time in the first \
        column) that OpenSim and nmm read back exactly. Files go to OUTPUT/NOTEBOOK/ (for example \
        Output/quickstart/prediction.sto) and nowhere else, so running someone's notebook cannot overwrite \
        your files.
        """
    static let parameters: [ParameterSpec] = [
        .argument("series", .kind("series"), help: "The series to save."),
        .argument("file", .text, help: "A file name ending in .sto, e.g. \"prediction.sto\"."),
    ]
    static let examples = [#"save waves "waves.sto""#]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        guard let series = invocation.series("series"), let name = invocation.text("file") else { return CommandResult() }
        guard name.hasSuffix(".sto") else { throw invocation.error("the file name must end in .sto", at: "file") }
        let url = try context.outputFile(name, for: invocation, argument: "file")
        let timeSeries = TimeSeries(time: series.time, labels: series.channels.map(\.name), columns: series.channels.map(\.values))
        do {
            try StorageFile.write(timeSeries, to: url.path)
        } catch {
            throw invocation.error("cannot write \(url.path): \(error)", at: "file")
        }
        return CommandResult(outputs: [.text("saved \(series.channels.count) channel\(series.channels.count == 1 ? "" : "s") to \(context.outputDirectory.lastPathComponent)/\(context.notebookName)/\(name)")])
    }
}
