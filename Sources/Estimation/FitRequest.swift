import BiomechIO
import Musculoskeletal
import Foundation

/// One fit as `nmm fit` and the notebooks run it: load the subject, fit on the training trials, predict the test
/// trials and evaluate them.
public struct FitRequest: Sendable {
    /// Subject folder.
    public var subjectDirectory: String
    /// The method with its settings.
    public var method: any EstimationMethod
    /// Measured muscles (their EMG channels are named after them unless `emgChannels` says otherwise).
    public var measured: [String]
    /// Training trials.
    public var train: [String]
    /// Test trials.
    public var test: [String]
    /// Coordinates whose torques are fitted and evaluated.
    public var coordinates: [String]
    /// Seed.
    public var seed: Int
    /// Muscle → EMG channel, for channels that drive a muscle of another name (measured muscles, and hidden ones
    /// whose recording is the reference of a leave-one-muscle-out evaluation).
    public var emgChannels: [String: String]
    /// The names of the files in each trial folder.
    public var layout: TrialFolderLayout
    /// How each trial's signals become a fit's inputs.
    public var assembly: TrialAssembly
    /// The model file inside the subject folder.
    public var modelFile: String
    /// Where the subject's files are, when found by ``SubjectSource`` (any layout); nil reads trial folders named by
    /// `layout` and `modelFile`.
    public var source: SubjectSource?
    /// Processed EMG by trial name that replaces the files' (what a notebook's `process emg` made).
    public var emg: [String: TimeSeries] = [:]
    /// Which tendons are compliant (default: as the model file says).
    public var tendons: TendonCompliance = .model

    /// A request; see the properties.
    public init(subjectDirectory: String, method: any EstimationMethod, measured: [String], train: [String], test: [String],
                coordinates: [String], seed: Int, emgChannels: [String: String] = [:], layout: TrialFolderLayout = TrialFolderLayout(),
                assembly: TrialAssembly = TrialAssembly(), modelFile: String = "model.osim") {
        self.subjectDirectory = subjectDirectory; self.method = method; self.measured = measured; self.train = train
        self.test = test; self.coordinates = coordinates; self.seed = seed; self.emgChannels = emgChannels; self.layout = layout
        self.assembly = assembly; self.modelFile = modelFile
    }

    /// A request for a subject whose files `source` names; the other properties as in the main initialiser.
    public init(source: SubjectSource, method: any EstimationMethod, measured: [String], train: [String], test: [String], coordinates: [String],
                seed: Int, emgChannels: [String: String] = [:], assembly: TrialAssembly = TrialAssembly()) {
        self.init(subjectDirectory: source.folder, method: method, measured: measured, train: train, test: test, coordinates: coordinates,
                  seed: seed, emgChannels: emgChannels, assembly: assembly)
        self.source = source
    }

    /// What a fit produced.
    public struct Outcome: Sendable {
        /// Test-trial predictions.
        public var predictions: [TrialPrediction]
        /// The metrics.
        public var report: MetricsReport
        /// The muscles whose EMG was an input (the request's, or the default ones).
        public var measured: [String]
        /// The fitted method (a ``NeuralMusculoskeletalModel`` for nmm, with its loss history).
        public var predictor: any ExcitationPredictor
        /// A short human-readable summary.
        public var summary: String
    }

    /// Checks the request, then loads, fits, predicts and evaluates. `progress` receives status lines.
    public func run(progress: (String) -> Void = { _ in }) throws -> Outcome {
        guard !test.isEmpty else { throw EstimationError("no test trials: name them with --test") }
        guard !coordinates.isEmpty else { throw EstimationError("no coordinates: name them with --coordinates") }
        let capabilities = type(of: method).capabilities
        if capabilities.needsTrainingTrials, train.isEmpty { throw EstimationError("--method \(method.id) needs training trials (--train)") }
        let overlap = Set(train).intersection(test)
        if !overlap.isEmpty {
            progress("note: \(overlap.sorted().joined(separator: ", ")) both trained on and tested: only the hidden muscles' excitations are out-of-sample (leave-one-muscle-out)")
        }
        let subject = try source.map { try SubjectData.load(source: $0, trialNames: train + test, coordinates: coordinates, assembly: assembly, emg: emg,
                                                                  tendons: tendons) }
            ?? SubjectData.load(directory: subjectDirectory, trialNames: train + test, coordinates: coordinates,
                                modelFile: modelFile, layout: layout, assembly: assembly, tendons: tendons)
        for note in subject.modellingNotes { progress("note: \(note)") }
        let measured = try MeasuredMuscleChoice(request: self, subject: subject).resolve(progress: progress)
        let trainTrials = train.map { subject.trials[$0]! }, testTrials = test.map { subject.trials[$0]! }
        let channels = Dictionary(uniqueKeysWithValues: measured.map { ($0, emgChannels[$0] ?? $0) })

        let clock = ContinuousClock(), start = clock.now
        let predictor = try method.fit(FitProblem(subject: subject, trainingTrials: trainTrials, measured: channels, seed: seed),
                                       progress: progress)
        var fitSeconds = (clock.now - start).seconds
        let predictionStart = clock.now
        let predictions = try testTrials.map(predictor.predict)
        let predictSeconds = (clock.now - predictionStart).seconds
        for prediction in predictions { try prediction.validate(source: method.id) }
        // A method that trains nothing does its work while predicting.
        if !capabilities.needsTrainingTrials { fitSeconds += predictSeconds }

        let excitation = Evaluation.excitationMetrics(predictions: predictions, testTrials: testTrials, measured: Set(measured), channels: emgChannels)
        var report = MetricsReport(
            method: method.id, seed: seed, train: train, test: test, fitSeconds: fitSeconds, excitation: excitation,
            torque: Evaluation.torqueMetrics(predictions: predictions, testTrials: testTrials),
            parameters: Evaluation.parameterTable(system: subject.system, parameters: predictor.parameters,
                                                 recruitmentGains: predictor.recruitmentGains,
                                                 recruitmentExponent: predictor.recruitmentExponent, truthModel: subject.truthModel))
        report.emgNormalization = subject.emgNormalization
        report.inputs = predictor.inputs
        report.predictSeconds = predictSeconds
        let drift = predictions.compactMap { prediction in prediction.recruitmentDrift.map { (prediction.name, $0) } }
        if !drift.isEmpty { report.recruitmentDrift = Dictionary(drift, uniquingKeysWith: { first, _ in first }) }
        let summary = ([String(format: "%@: fitted in %.3f s; means over %d test trials (r and R² over the trials whose reference varies)",
                               method.id, fitSeconds, test.count)]
            + report.torque.keys.sorted().map { "  torque \($0): R² \(Self.text(report.torque[$0]!.trialMean.r2)), RMSE \(Self.text(report.torque[$0]!.trialMean.rmse, digits: 3)) N·m" }
            + excitation.keys.sorted().map { m in
                "  \(m)\(excitation[m]!.measured == true ? " (measured)" : ""): r \(Self.text(excitation[m]!.trialMean.r)), RMSE \(Self.text(excitation[m]!.trialMean.rmse, digits: 4))"
            }).joined(separator: "\n")
        return Outcome(predictions: predictions, report: report, measured: measured, predictor: predictor, summary: summary)
    }

    /// A metric for the summary: "—" when undefined.
    static func text(_ value: Double?, digits: Int = 3) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? "—"
    }
}
