import BiomechIO
import Foundation

/// `load opensim`: reads a subject folder of any layout nmm knows (``SubjectSource``).
struct LoadOpenSimCommand: NotebookCommand {
    static let name = "load opensim"
    static let summary = "Load a subject folder: its manifest, trial folders, the NMSM Pipeline layout or one trial beside its model."
    static let discussion = """
        Reads a subject folder as its manifest (nmm-subject.json, which `nmm init` writes) says, or in the layout it \
        has: a model (model.osim or the folder's .osim) and trial* folders (ik.mot kinematics, id.sto \
        inverse-dynamics torques, emg.sto envelopes, emg_raw.sto, load.sto, MuscleAnalysis files); the NMSM \
        Pipeline's folders by type (IKData/, IDData/, EMGData/, MAData/TRIAL/, directly or under preprocessed/, \
        the model at the top or in models/); or one trial's files beside the model (AnalyzeTool's \
        NAME_MuscleAnalysis_*.sto, as in rajagopal-walk). It says what it found. subject.json is read when \
        present. Kinematics in degrees are converted to radians. Without `mapping:`, the manifest's emg_map \
        applies, else each EMG channel drives the model muscle of the same name; give a mapping file \
        (lines `channel: muscle1, muscle2`) when one electrode stands for several muscles. Files named truth_* \
        are kept for evaluation only and never used by a fit. Every file read is hashed into the report's \
        footer and into the cache keys of the steps that use the subject.
        """
    static let parameters: [ParameterSpec] = [
        .argument("folder", .text, help: "The subject folder, relative to the notebook."),
        .option("mapping", .text, default: "channel = muscle", help: "A file mapping EMG channels to muscles."),
    ]
    static let examples = [
        #"data = load opensim "../../shared/data/arm26-lifting/{subject}""#,
        #"walk = load opensim "../../shared/data/rajagopal-walk""#,
    ]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        let folder = invocation.text("folder") ?? ""
        try context.recordInput(folder, for: invocation, argument: "folder")
        var mapping: EMGMapping?
        if let mappingPath = invocation.text("mapping") {
            try context.recordInput(mappingPath, for: invocation, argument: "mapping")
            let url = try context.resolve(mappingPath, for: invocation, argument: "mapping")
            mapping = try Self.reading(invocation, argument: "mapping") { try EMGMapping.read(url.path) }
        }
        let url = try context.resolve(folder, for: invocation, argument: "folder")
        // A manifest may name files anywhere: each must lie inside the folders the notebook may read.
        let subject = try Self.reading(invocation, argument: "folder") {
            try Subject.load(folder: url.path, emgMapping: mapping) { _ = try context.resolve($0, for: invocation, argument: "folder") }
        }
        let value = SubjectValue(subject)
        let found = subject.source.map { $0.summary.replacingOccurrences(of: url.path, with: folder) }
        return CommandResult(value: .object(value), outputs: [.text(value.summary)] + (found.map { [.text($0)] } ?? []))
    }

    /// Runs a BiomechIO reader, reporting its file:line error at the notebook argument that named the file.
    static func reading<T>(_ invocation: Invocation, argument: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InputError {
            throw invocation.error("cannot load it: \(error.description)", at: argument)
        }
    }
}
