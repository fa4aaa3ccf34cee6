import BiomechIO

/// A subject — model, trials, EMG mapping — as a notebook value.
///
/// Fields: `data.trials` (the trial names), `data.muscles`, `data.measured` (surface-EMG muscles),
/// `data.hidden`, and each trial by name (`data.trial03.emg`).
public struct SubjectValue: NotebookObject {
    /// The kind's name in messages.
    public static let kind = "subject"
    /// The subject as BiomechIO read it.
    public var subject: Subject

    /// Wraps a subject.
    public init(_ subject: Subject) {
        self.subject = subject
    }

    /// "subject S01: 6 muscles, 10 trials (trial01 … trial10)".
    public var summary: String {
        let names = subject.trials.map(\.name)
        let trials = names.count <= 4 ? names.joined(separator: ", ") : "\(names[0]) … \(names[names.count - 1])"
        return "subject \(subject.name): \(subject.model.muscles.count) muscles, \(names.count) trial\(names.count == 1 ? "" : "s") (\(trials))"
    }

    /// The subject's fields and trials.
    public func member(_ name: String) -> Value? {
        switch name {
        case "trials": return .list(subject.trials.map { .string($0.name) })
        case "muscles": return .list(subject.model.muscles.map { .string($0.name) })
        case "coordinates": return .list(subject.model.coordinates.map { .string($0.name) })
        case "measured": return .list(subject.emgMapping.mappedMuscles.map { .string($0) })
        case "hidden": return subject.info.map { .list($0.hidden.map { .string($0) }) }
        case "name": return .string(subject.name)
        default: return subject.trial(name).map { .object(TrialValue($0)) }
        }
    }

    /// Field names, then trial names.
    public var memberNames: [String] {
        ["name", "trials", "muscles", "coordinates", "measured"] + (subject.info == nil ? [] : ["hidden"]) + subject.trials.map(\.name)
    }

    /// The same subject with only the named trials, in the order given; unknown names are an error at `argument`.
    func selecting(_ names: [String], for invocation: Invocation, argument: String) throws -> SubjectValue {
        var copy = subject
        copy.trials = try names.enumerated().map { index, name in
            guard let trial = subject.trial(name) else {
                var message = "subject \(subject.name) has no trial '\(name)'"
                if let suggestion = Suggestions.closest(to: name, among: subject.trials.map(\.name)) { message += "; did you mean '\(suggestion)'?" }
                else { message += " (its trials: \(subject.trials.map(\.name).joined(separator: ", ")))" }
                throw invocation.error(message, at: argument, element: index)
            }
            return trial
        }
        return SubjectValue(copy)
    }
}
