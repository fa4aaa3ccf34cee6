/// Training and test trials of one subject, made by `split`: `sets.train` and `sets.test` are subjects.
public struct TrialSplit: NotebookObject {
    /// The kind's name in messages.
    public static let kind = "split"
    /// The subject with only the training trials.
    public var train: SubjectValue
    /// The subject with only the test trials.
    public var test: SubjectValue

    /// "train: trial01, trial02; test: trial03".
    public var summary: String {
        "train: \(train.subject.trials.map(\.name).joined(separator: ", ")); test: \(test.subject.trials.map(\.name).joined(separator: ", "))"
    }

    /// `train` or `test`.
    public func member(_ name: String) -> Value? {
        switch name {
        case "train": return .object(train)
        case "test": return .object(test)
        default: return nil
        }
    }

    /// The two fields.
    public var memberNames: [String] { ["train", "test"] }
}
