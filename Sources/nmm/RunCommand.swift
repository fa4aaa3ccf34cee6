import ArgumentParser
import Foundation
import Notebook
import TensorEngine

/// `nmm run`: Run a Markdown notebook into a self-contained HTML report in Output/.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Markdown notebook into a self-contained HTML report in Output/.",
        discussion: """
            Runs the notebook's ```nmm blocks top to bottom and writes OUTPUT/NAME.html (one self-contained \
            file) and OUTPUT/NAME.json (every table and metric). Errors are printed as FILE:LINE:COLUMN and \
            shown in the report where they happened; the exit status is 1 if any block failed. \
            The output folder defaults to Output/ in the notebook's project: the nearest folder above the notebook \
            that holds Output/, .git or Package.swift (else the notebook's own folder). \
            A notebook reads only inside the current folder, its project, its own folder, the output folder and \
            the data roots (--data-root, default ../shared/data beside the project); one run of a notebook writes its \
            output at a time. `nmm help commands` lists the notebook commands, `nmm help language` the language.
            """
    )

    @Argument(help: "The Markdown notebook to run.")
    var notebook: String

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a notebook parameter (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Flag(name: .customLong("no-cache"), help: "Recompute expensive steps instead of reading them from the cache.")
    var noCache = false

    @Option(help: ArgumentHelp("Render the report with this Mustache template instead of the built-in one.", valueName: "file"))
    var template: String?

    @Option(help: ArgumentHelp("Folder for the reports and the cache (default: Output/ in the notebook's project).", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("data-root"), help: ArgumentHelp(
        "A folder of data the notebook may read (repeatable); default ../shared/data. Notebooks also read inside the current folder, their own folder and the output folder.",
        valueName: "dir"))
    var dataRoots: [String] = []

    /// A path relative to the working folder when it lies inside it ("Output/quickstart.html"), else absolute.
    static func shown(_ url: URL) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }

    func validate() throws {
        for parameter in parameters where !parameter.contains("=") || parameter.hasPrefix("=") {
            throw ValidationError("--param takes name=value, not '\(parameter)'")
        }
    }

    func run() throws {
        let notebookURL = URL(fileURLWithPath: notebook)
        let project = NotebookProject.folder(of: notebookURL)
        var options = RunOptions(outputDirectory: output.map { URL(fileURLWithPath: $0) } ?? project.appendingPathComponent("Output"),
                                 toolVersion: NMMVersion.string)
        options.buildIdentity = NMMVersion.buildIdentity
        options.environment = RunEnvironment.current(blas: BLAS.configuration)
        options.projectDirectory = project
        options.extraReadableRoots = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            options.parameterOverrides[String(parameter[..<equals])] = String(parameter[parameter.index(after: equals)...])
        }
        options.useCache = !noCache
        if !dataRoots.isEmpty { options.dataRoots = dataRoots.map { URL(fileURLWithPath: $0).standardizedFileURL } }
        options.templateURL = template.map { URL(fileURLWithPath: $0) }
        let runner = NotebookRunner(options: options)
        do {
            let record = try runner.run(notebookAt: notebookURL, displayPath: notebook)
            Terminal.out(Self.shown(runner.htmlURL(for: notebookURL)))
            Terminal.out(Self.shown(runner.jsonURL(for: notebookURL)))
            if record.failed {
                let failed = record.outcomes.filter(\.isFailure).count
                FileHandle.standardError.write(Data("nmm: \(failed) of \(record.outcomes.count) blocks did not run; see the report\n".utf8))
                throw ExitCode.failure
            }
        } catch let diagnostic as Diagnostic {
            Terminal.error(diagnostic.description)
            throw ExitCode.failure
        } catch {
            throw Terminal.failure(error)
        }
    }
}
