import BiomechIO

/// `load opensim`: reads a subject folder laid out like arm26-lifting/S01.
struct LoadOpenSimCommand: NotebookCommand {
    static let name = "load opensim"
    static let summary = "Load a subject folder: model.osim, trial folders, subject.json."
    static let discussion = """
        Reads an OpenSim subject folder: model.osim (the generic model a fit starts from), every trial* \
        folder (ik.mot kinematics, id.sto inverse-dynamics torques, emg.sto envelopes, emg_raw.sto, load.sto, \
        MuscleAnalysis files) and subject.json when present. Kinematics in degrees are converted to radians. \
        Without `mapping:`, each EMG channel drives the model muscle of the same name; give a mapping file \
        (lines `channel: muscle1, muscle2`) when one electrode stands for several muscles. Files named truth_* \
        are kept for evaluation only and never used by a fit. Every file read is hashed into the report's \
        footer and into the cache keys of the steps that use the subject.
        """
    static let parameters: [ParameterSpec] = [
        .argument("folder", .text, help: "The subject folder, relative to the notebook."),
        .option("mapping", .text, default: "channel = muscle", help: "A file mapping EMG channels to muscles."),
    ]
    static let examples = [
        #"data = load opensim "../data/arm26-lifting/{subject}""#,
        #"walk = load opensim "../data/rajagopal-walk/subject" mapping: "emg_mapping.txt""#,
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
        let subject = try Self.reading(invocation, argument: "folder") { try Subject.load(folder: url.path, emgMapping: mapping) }
        let value = SubjectValue(subject)
        return CommandResult(value: .object(value), outputs: [.text(value.summary)])
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
