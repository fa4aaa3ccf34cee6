import BiomechIO
import Estimation

/// `predict`: runs a fitted NMM on other trials, from their kinematics and load, refined with their inverse dynamics
/// and EMG when the fit reads them and the trials have them.
struct PredictCommand: NotebookCommand {
    static let name = "predict"
    static let summary = "Predict other trials with a fitted NMM, from their kinematics and load (and their torque and EMG, to refine with)."
    static let discussion = """
        Runs the network and the personalised muscles of an NMM fit on other trials of a subject: every \
        muscle's excitation, activation and force and the joint torques, from the joint kinematics (and the \
        external load, when the network reads it). A fit with `inputs: all` (the default) then refines each \
        trial whose folder has its inverse dynamics (id.sto) with that torque and the processed EMG (emg.sto) \
        of the measured muscles, as it refined its test trials; `inputs: kinematics` reads neither, which is \
        what the seed paper's NMM is for (a fit with `inputs: kinematics` refines to nmm's own inverse dynamics of \
        the trial's kinematics and load when the model's skeleton allows). The trials are read as the fit read its own (the same coordinates, \
        features and sample rate), so each trial folder needs the kinematics, the MuscleAnalysis lengths and \
        moment arms and, when the network reads it, the load. The result is used like a fit: `p.trial04.excitation`, `plot emg`, \
        `plot torque` (give `reference:` to draw the recordings beside it), `table parameters`. It has no \
        metrics: evaluating needs the recordings a prediction does without, so fit with those trials as test \
        trials to measure them.
        """
    static let parameters: [ParameterSpec] = [
        .argument("fit", .kind(FitResultValue.kind), help: "An NMM fit."),
        .argument("data", .kind(SubjectValue.kind), help: "The subject whose trials are predicted."),
        .option("trials", .list(.word), default: "the trials the fit did not train on", help: "Trials to predict."),
        .option("inputs", .word, default: "all", help: "all: refine with each trial's torque and EMG when it has them; kinematics: read neither."),
    ]
    static let examples = ["unseen = predict nmm data trials: [trial04, trial05]", "paper = predict nmm data inputs: kinematics"]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        guard let fit = invocation.object("fit", as: FitResultValue.self), let data = invocation.object("data", as: SubjectValue.self) else {
            return CommandResult()
        }
        guard let model = fit.artifact.model else {
            let why = fit.artifact.method == "nmm"
                ? "this nmm fit was read from a cache entry written before fits kept their network; run the notebook with --no-cache"
                : "only an nmm fit predicts trials from kinematics alone (\(fit.artifact.method) needs each trial's \(fit.artifact.method == "mse" ? "EMG" : "inverse dynamics"))"
            throw invocation.error(why, at: "fit")
        }
        let names = invocation.words("trials") ?? data.subject.trials.map(\.name).filter { !fit.artifact.report.train.contains($0) }
        guard !names.isEmpty else { throw invocation.error("no trials to predict: the fit trained on every trial of the subject; name some with 'trials: [...]'") }
        _ = try data.selecting(names, for: invocation, argument: "trials")
        let inputs = try invocation.choice("inputs", as: NMMInputs.self) ?? .all
        let result: PredictionResult
        do {
            result = try PredictionRequest(model: model, subjectDirectory: data.subject.folder, trials: names, inputs: inputs).run()
        } catch let error as EstimationError {
            throw invocation.error("predict failed: \(error)", at: "data")
        } catch let error as InputError {
            throw invocation.error("cannot read the subject: \(error.description)", at: "data")
        }
        var artifact = fit.artifact
        artifact.predictions = result.predictions
        artifact.refinedTrials = result.refinedTrials
        artifact.refinementTarget = result.refinementTarget
        artifact.report.test = names
        artifact.report.excitation = [:]
        artifact.report.torque = [:]
        artifact.isPrediction = true
        let value = FitResultValue(artifact)
        return CommandResult(value: .object(value), outputs: [.text(value.summary)])
    }
}
