/// `split`: divides a subject's trials into a training and a test set.
struct SplitCommand: NotebookCommand {
    static let name = "split"
    static let summary = "Split a subject's trials into training and test sets."
    static let discussion = """
        Gives a split with two subjects, `.train` and `.test`, each holding only the named trials. Fit on the \
        training trials, evaluate on the test trials: a model is only judged on trials it never saw. Without \
        `test:`, every trial not in `train:` is a test trial. A trial cannot be in both sets.
        """
    static let parameters: [ParameterSpec] = [
        .argument("subject", .kind(SubjectValue.kind), help: "The subject whose trials are split."),
        .option("train", .list(.word), required: true, help: "The training trials."),
        .option("test", .list(.word), default: "the other trials", help: "The test trials."),
    ]
    static let examples = [
        "sets = split data train: [trial01, trial02, trial04] test: [trial03]",
    ]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        guard let subject = invocation.object("subject", as: SubjectValue.self) else { return CommandResult() }
        let train = invocation.words("train") ?? []
        let test = invocation.words("test") ?? subject.subject.trials.map(\.name).filter { !train.contains($0) }
        if let index = test.firstIndex(where: train.contains) {
            throw invocation.error("trial '\(test[index])' is in both the training and the test set", at: "test", element: index)
        }
        guard !train.isEmpty else { throw invocation.error("name at least one training trial", at: "train") }
        guard !test.isEmpty else { throw invocation.error("no trial is left for testing", at: invocation.has("test") ? "test" : "train") }
        let split = TrialSplit(
            train: try subject.selecting(train, for: invocation, argument: "train"),
            test: try subject.selecting(test, for: invocation, argument: invocation.has("test") ? "test" : "train"))
        return CommandResult(value: .object(split), outputs: [.text(split.summary)])
    }
}
