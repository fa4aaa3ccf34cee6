import Musculoskeletal
import BiomechIO
import Estimation

/// What the three `fit` commands share: reading the data argument, building Estimation's `FitRequest`,
/// and turning its outcome into a cacheable ``FitArtifact``.
enum FitSupport {
    /// The parameters every fit takes; each command adds its method's own.
    static let commonParameters: [ParameterSpec] = [
        .argument("data", .kinds([SubjectValue.kind, TrialSplit.kind]), help: "A subject (then give train: and test:) or a split."),
        .option("train", .list(.word), default: "the split's (a subject's other trials, or its only one)", help: "Training trials, when data is a subject."),
        .option("test", .list(.word), default: "the split's (a subject's only trial)", help: "Test trials, whose excitations and torques are predicted."),
        .option("measured", .list(.word), default: "the muscles with EMG that cross the coordinates", help: "Muscles whose EMG is an input of the fit."),
        .option("coordinates", .list(.word), default: "every coordinate", help: "Coordinates whose inverse-dynamics torques are fitted."),
        .seed(help: "Seeds initialisation and sampling: same seed, same fit."),
        .option("tendons", .word, default: "model", help: "rigid, compliant, or model: each muscle as the model file's ignore_tendon_compliance says."),
    ]

    /// The subject folder, training and test trials an invocation names.
    static func trials(_ invocation: Invocation) throws -> (subject: SubjectValue, train: [String], test: [String]) {
        switch invocation.value("data") {
        case .object(let split as TrialSplit):
            for option in ["train", "test"] where invocation.has(option) {
                throw invocation.error("the split already says which trials are for \(option == "train" ? "training" : "testing"); leave out '\(option):'", at: option)
            }
            var whole = split.train
            whole.subject.trials += split.test.subject.trials
            return (whole, split.train.subject.trials.map(\.name), split.test.subject.trials.map(\.name))
        case .object(let subject as SubjectValue):
            let only = subject.subject.trials.count == 1 ? subject.subject.trials.map(\.name) : nil
            guard let test = invocation.words("test") ?? only else {
                throw invocation.error("name the test trials with 'test: [...]' (or pass a split made by 'split')")
            }
            let train = invocation.words("train") ?? only ?? subject.subject.trials.map(\.name).filter { !test.contains($0) }
            for (index, name) in (train + test).enumerated() where subject.subject.trial(name) == nil {
                let argument = index < train.count ? "train" : "test"
                var message = "subject \(subject.subject.name) has no trial '\(name)'"
                if let suggestion = Suggestions.closest(to: name, among: subject.subject.trials.map(\.name)) { message += "; did you mean '\(suggestion)'?" }
                throw invocation.error(message, at: argument, element: index < train.count ? index : index - train.count)
            }
            return (subject, train, test)
        default:
            throw invocation.error("needs a subject or a split")
        }
    }

    /// A request for `method` with the common options read; `configure` sets the method's own.
    static func request(_ method: any EstimationMethod, _ invocation: Invocation) throws -> (FitRequest, SubjectValue) {
        let (subject, train, test) = try trials(invocation)
        let model = subject.subject.model
        let measured = invocation.words("measured") ?? []
        for (index, muscle) in measured.enumerated() where model.muscle(muscle) == nil {
            var message = "the model has no muscle '\(muscle)'"
            if let suggestion = Suggestions.closest(to: muscle, among: model.muscles.map(\.name)) { message += "; did you mean '\(suggestion)'?" }
            throw invocation.error(message, at: "measured", element: index)
        }
        let coordinates = invocation.words("coordinates") ?? model.coordinates.map(\.name)
        for (index, coordinate) in coordinates.enumerated() where model.coordinate(coordinate) == nil {
            var message = "the model has no coordinate '\(coordinate)'"
            if let suggestion = Suggestions.closest(to: coordinate, among: model.coordinates.map(\.name)) { message += "; did you mean '\(suggestion)'?" }
            throw invocation.error(message, at: "coordinates", element: index)
        }
        var channels: [String: String] = [:]
        for entry in subject.subject.emgMapping.entries {
            for muscle in entry.muscles where muscle != entry.channel { channels[muscle] = entry.channel }
        }
        guard let source = subject.subject.source else {
            throw invocation.error("the subject was not read from a folder; load it with 'load opensim'", at: "data")
        }
        // The trials' EMG as the notebook holds it: what 'process emg' made, when it ran.
        let emg = Dictionary(uniqueKeysWithValues: subject.subject.trials.compactMap { trial in trial.emg.map { (trial.name, $0) } })
        var request = FitRequest(source: source, method: method, measured: measured, train: train, test: test,
                                 coordinates: coordinates, seed: invocation.integer("seed") ?? ParameterSpec.defaultSeed, emgChannels: channels)
        request.emg = emg
        if let tendons = try invocation.choice("tendons", as: TendonCompliance.self) { request.tendons = tendons }
        return (request, subject)
    }

    /// Runs a request, showing Estimation's status lines on the terminal, and keeps what the report needs.
    static func run(_ request: FitRequest, bounds: ParameterBounds, invocation: Invocation, context: CommandContext) throws -> FitArtifact {
        context.progress.begin("\(invocation.command) (line \(invocation.location.line)): fitting on \(request.train.count) trials")
        let outcome: FitRequest.Outcome
        do {
            outcome = try request.run { line in
                if let fraction = ProgressReporter.fraction(in: line) {
                    context.progress.report("  \(line)", fraction: fraction)
                } else {
                    context.progress.status("  \(line)")
                }
            }
        } catch let error as EstimationError {
            throw invocation.error("\(invocation.command) failed: \(error)")
        } catch let error as InputError {
            throw invocation.error("cannot read the subject: \(error.description)", at: "data")
        }
        let model = outcome.predictor as? NeuralMusculoskeletalModel
        return FitArtifact(
            method: request.method.id, summary: outcome.summary, report: outcome.report,
            predictions: outcome.predictions, history: model?.history ?? [],
            measured: outcome.measured, coordinates: request.coordinates, bounds: bounds, model: model?.snapshot)
    }

    /// The value and outputs of a fit: its summary, its metrics for the JSON report, and a warning when it was tested on
    /// a trial it trained on (whether computed now or read from the cache).
    static func result(_ artifact: FitArtifact) -> CommandResult {
        let value = FitResultValue(artifact)
        var warnings: [CommandOutput] = []
        let overlap = artifact.report.test.filter(artifact.report.train.contains)
        if !overlap.isEmpty {
            warnings.append(.warning("\(overlap.joined(separator: ", ")) \(overlap.count == 1 ? "is" : "are") both trained on and tested: "
                + "its torque and measured muscles are not out-of-sample, only the hidden muscles' excitations are (leave-one-muscle-out)"))
        }
        var metrics: [(String, Double?)] = []
        for (muscle, entry) in artifact.report.excitation.sorted(by: { $0.key < $1.key }) {
            metrics += [("\(muscle) excitation r, trial mean", entry.trialMean.r), ("\(muscle) excitation RMSE, trial mean", entry.trialMean.rmse)]
        }
        for (coordinate, entry) in artifact.report.torque.sorted(by: { $0.key < $1.key }) {
            metrics += [("\(coordinate) torque R², trial mean", entry.trialMean.r2), ("\(coordinate) torque RMSE (N·m), trial mean", entry.trialMean.rmse)]
        }
        metrics.append(("fit seconds", artifact.report.fitSeconds))
        return CommandResult(value: .object(value), outputs: [.text(value.summary)] + warnings + [.metrics(title: "\(artifact.method) metrics", values: metrics)])
    }
}
