import Musculoskeletal
import Estimation

/// What a fit stores in the cache and a notebook name holds: the test-trial predictions, the metrics, the
/// personalised parameters and (for the NMM) the loss history and the model itself.
public struct FitArtifact: Codable, Sendable {
    /// "nmm", "mse" or "so".
    public var method: String
    /// Estimation's one-paragraph summary.
    public var summary: String
    /// The metrics, in `nmm fit`'s metrics.json schema.
    public var report: MetricsReport
    /// One prediction per test trial.
    public var predictions: [TrialPrediction]
    /// The NMM's loss history (empty for the baselines).
    public var history: [NMMTrainingRecord]
    /// The muscles whose EMG was an input.
    public var measured: [String]
    /// The coordinates whose torques were fitted.
    public var coordinates: [String]
    /// The bounds of the personalised scale factors.
    public var bounds: ParameterBounds
    /// The fitted NMM, weights included, so that `predict` runs it on other trials (nil for the baselines).
    public var model: NMMSnapshot? = nil
    /// True for what `predict` made: predictions of other trials, without metrics.
    public var isPrediction = false
    /// The trials `predict` refined (nil for a fit's own predictions).
    public var refinedTrials: [String]? = nil
    /// What `predict` refined them to reproduce (nil for a fit's own predictions).
    public var refinementTarget: RefinementTarget? = nil
}

/// A fit as a notebook value: `fit.metrics`, `fit.parameters`, `fit.loss`, and per test trial
/// `fit.trial03.excitation`, `.activation`, `.force`, `.torque`.
public struct FitResultValue: NotebookObject {
    /// The kind's name in messages.
    public static let kind = "fit"
    /// What was computed.
    public var artifact: FitArtifact

    /// Wraps an artifact.
    public init(_ artifact: FitArtifact) {
        self.artifact = artifact
    }

    /// The method and the headline numbers.
    public var summary: String {
        let report = artifact.report
        if artifact.isPrediction {
            let predicted = "\(artifact.method) fitted on \(report.train.joined(separator: ", ")) predicted \(report.test.joined(separator: ", "))"
            let refined = artifact.refinedTrials ?? []
            if refined.isEmpty { return predicted + " from kinematics and load alone" }
            return artifact.refinementTarget == .ownInverseDynamics
                ? predicted + " from kinematics and load alone, refined to the inverse dynamics nmm computes from them"
                : predicted + " from kinematics and load, refined with the torque and EMG of \(refined.joined(separator: ", "))"
        }
        let seconds = NumberText.readable(report.fitSeconds, significant: 3)
        var parts = [artifact.method == "so"
            ? "so solved \(report.test.joined(separator: ", ")) frame by frame in \(seconds) s"
            : "\(artifact.method) fitted on \(report.train.count) trial\(report.train.count == 1 ? "" : "s") in \(seconds) s, tested on \(report.test.joined(separator: ", "))"]
        for coordinate in report.torque.keys.sorted() {
            parts.append("\(coordinate) torque R² \(report.torque[coordinate]?.trialMean.r2.map { NumberText.readable($0, significant: 3) } ?? "—") (trial mean)")
        }
        return parts.joined(separator: "; ")
    }

    /// The prediction for trial `name`.
    public func prediction(_ name: String) -> TrialPrediction? {
        artifact.predictions.first { $0.name == name }
    }

    /// Fields: the metrics (`metrics`: every muscle and coordinate; `excitation`, `torque`), the parameter table, the loss
    /// history and each test trial.
    public func member(_ name: String) -> Value? {
        switch name {
        case "metrics": return .record(Record(evaluations(artifact.report.excitation) + evaluations(artifact.report.torque)))
        case "excitation": return .record(Record(evaluations(artifact.report.excitation)))
        case "torque": return .record(Record(evaluations(artifact.report.torque)))
        case "parameters": return .table(FitTables.parameters(self))
        case "loss": return lossHistory.map { .series($0) }
        case "method": return .string(artifact.method)
        case "test": return .list(artifact.report.test.map { .string($0) })
        default:
            guard let prediction = prediction(name) else { return nil }
            func series(_ rows: [[Double]], _ labels: [String], _ quantity: String, _ unit: String) -> Value {
                .series(SeriesSet(time: prediction.time, channels: zip(labels, rows).map { SeriesSet.Channel(name: $0, values: $1) },
                                  quantity: quantity, unit: unit))
            }
            return .record(Record([
                ("excitation", series(prediction.excitation, prediction.muscles, "Excitation", "0–1")),
                ("activation", series(prediction.activation, prediction.muscles, "Activation", "0–1")),
                ("force", series(prediction.force, prediction.muscles, "Muscle force", "N")),
                ("torque", series(prediction.torque, prediction.coordinates.map { "\($0)_moment" }, "Joint torque", "N·m")),
            ]))
        }
    }

    /// Each muscle's or coordinate's evaluation as a record, by name.
    private func evaluations(_ entries: [String: SignalEvaluation]) -> [(String, Value)] {
        entries.keys.sorted().map { ($0, entries[$0]!.value) }
    }

    /// The field names.
    public var memberNames: [String] {
        ["metrics", "excitation", "torque", "parameters", "method", "test"] + (artifact.history.isEmpty ? [] : ["loss"]) + artifact.predictions.map(\.name)
    }

    /// The step whose state the fit kept and its loss: the first lowest validation loss, as the trainer keeps it, or the
    /// last step (with its total loss) when it trained without validation.
    var keptStep: (step: Int, loss: Double)? {
        let validated = artifact.history.compactMap { record in record.validation.map { (step: record.step, loss: $0) } }
        if let best = validated.min(by: { $0.loss < $1.loss }) { return best }
        return artifact.history.last.map { (step: $0.step, loss: $0.total) }
    }

    /// The training and validation losses against the optimisation step, if the method has them.
    var lossHistory: SeriesSet? {
        let history = artifact.history
        guard !history.isEmpty else { return nil }
        var channels = [
            SeriesSet.Channel(name: "total", values: history.map(\.total)),
            SeriesSet.Channel(name: "EMG", values: history.map(\.emg)),
            SeriesSet.Channel(name: "torque", values: history.map(\.torque)),
        ]
        if history.contains(where: { $0.validation != nil }) {
            channels.append(SeriesSet.Channel(name: "validation", values: history.map { $0.validation ?? .nan }))
        }
        return SeriesSet(time: history.map { Double($0.step) }, channels: channels, quantity: "Loss", unit: "–")
    }
}
