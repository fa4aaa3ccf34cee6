/// `table muscles`: the generic model's muscle parameters.
struct TableMusclesCommand: NotebookCommand {
    static let name = "table muscles"
    static let summary = "Show the muscle parameters of a subject's generic model."
    static let discussion = """
        Lists each muscle of the subject's model.osim with OpenSim's parameters: max isometric force (N), \
        optimal fibre length (m), tendon slack length (m), pennation angle at optimal fibre length (rad), max \
        contraction velocity (optimal fibre lengths per second), and whether the muscle's EMG is measured. A \
        fit personalises the first three; this is where it starts from.
        """
    static let parameters: [ParameterSpec] = [
        .argument("subject", .kind(SubjectValue.kind), help: "The subject."),
        .option("title", .text, default: "\"Generic muscle parameters\"", help: "The table's title."),
    ]
    static let examples = ["table muscles data"]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        guard let value = invocation.object("subject", as: SubjectValue.self) else { return CommandResult() }
        let subject = value.subject
        let measured = Set(subject.emgMapping.mappedMuscles)
        let table = DataTable(
            title: invocation.text("title") ?? "Generic muscle parameters",
            columns: ["muscle", "max isometric force (N)", "optimal fibre length (m)", "tendon slack length (m)",
                      "pennation angle (rad)", "max contraction velocity (lopt/s)", "EMG"],
            rows: subject.model.muscles.map { muscle in
                [.text(muscle.name), .number(muscle.maxIsometricForce), .number(muscle.optimalFiberLength),
                 .number(muscle.tendonSlackLength), .number(muscle.pennationAngleAtOptimal),
                 .number(muscle.maxContractionVelocity), .text(measured.contains(muscle.name) ? "measured" : "hidden")]
            })
        return CommandResult(value: .table(table), outputs: [.table(table)])
    }
}
