import ArgumentParser
import BiomechIO
import Estimation
import Foundation
import Musculoskeletal

/// `nmm fit`: fits any registered method to a subject folder and writes the test-trial predictions as
/// OpenSim .sto files and DIR/metrics.json.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit the NMM or a baseline to a subject folder and write test-trial predictions and metrics.",
        discussion: """
        The subject folder is read as its manifest (nmm-subject.json) says, or in any layout nmm detects: trial folders, \
        the NMSM Pipeline's per-type folders (IKData/, IDData/, EMGData/, MAData/, directly or under preprocessed/), or one \
        trial's files beside the model (OpenSim AnalyzeTool output); what was found is printed first. With --files, trial \
        folders with those file names are read instead.
        Trials are split by name: the fit reads only --train trials (and, for mse, the test trials' measured EMG);
        --test trials are predicted and compared with inverse dynamics and, where the folder records it,
        truth_excitation.sto (evaluation only). A subject with one trial trains and tests on it by default. Output: DIR/<trial>_{excitation,activation,force,torque}.sto,
        DIR/metrics.json and, for nmm, DIR/model/ (network weights and model.json with the loss history).

        The methods and their own options:

        """ + MethodRegistry.help)

    @Argument(help: "Subject folder: a manifest (nmm-subject.json), trial folders, the NMSM Pipeline layout, or one trial beside its model.")
    var subject: String

    @Option(help: ArgumentHelp("The estimation method: \(MethodRegistry.all.map { $0.id }.joined(separator: ", ")) (`nmm help methods` describes them).",
                               valueName: "id"))
    var method: String

    @Option(help: "Muscles whose EMG is measured, comma-separated (default for nmm and mse: every muscle with an EMG channel that crosses the coordinates).")
    var measured: String = ""

    @Option(help: "Training trials, comma-separated (default: the only trial, when there is one).")
    var train: String = ""

    @Option(help: "Test trials, comma-separated (default: the only trial, when there is one).")
    var test: String = ""

    @Option(help: "Coordinates whose inverse-dynamics torques are fitted, comma-separated.")
    var coordinates: String

    @Option(help: "Random seed.")
    var seed: Int = 1

    @Option(help: "Output folder (created if missing).")
    var output: String

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The method's own options, e.g. --steps 500 (`nmm help methods` lists them).",
                                                            valueName: "method-options"))
    var methodOptions: [String] = []

    @Option(help: "Model file inside the subject folder (default: the manifest's, else model.osim, else the folder's only .osim).")
    var model: String?

    @Option(help: "EMG channel of muscles not named after their channel: muscle=channel,… (hidden muscles too, for evaluation).")
    var emgMap: String = ""

    @Option(help: "Coordinates whose q, q̇, q̈ feed the network, comma-separated (default: every coordinate of the kinematics file).")
    var featureCoordinates: String?

    @Option(help: "Resample every signal to this rate (Hz); default: the kinematics' own samples.")
    var sampleRate: Double?

    @Option(help: "Tendons: rigid, compliant, or model (each muscle as the model file's ignore_tendon_compliance says).")
    var tendons: TendonCompliance = .model

    @Option(help: "Trial folders' file names: kinematics,inverse-dynamics,emg,load (empty load: none), e.g. ik.mot,id.sto,emg.sto,load.sto (default: detect the layout).")
    var files: String?

    func validate() throws {
        if let sampleRate, !(sampleRate.isFinite && TrialAssembly.sampleRates.contains(sampleRate)) {
            throw ValidationError("--sample-rate must be from \(Int(TrialAssembly.sampleRates.lowerBound)) to "
                + "\(Int(TrialAssembly.sampleRates.upperBound)) Hz, not \(sampleRate)")
        }
    }

    /// Fits, then writes every result into a temporary folder that replaces DIR whole (see ``ResultFolder``). A data
    /// error exits 1 in plain words; nothing is written.
    func run() throws {
        do {
            let folder = try ResultFolder(output) { $0 == "metrics.json" || $0 == "model" || ResultFolder.isPrediction($0) }
            let outcome = try request().run(progress: { Terminal.error($0) })
            try folder.write { directory in
                for prediction in outcome.predictions { try prediction.write(to: directory.path) }
                try outcome.report.write(to: directory.appendingPathComponent("metrics.json"))
                if let model = outcome.predictor as? NeuralMusculoskeletalModel {
                    try model.save(to: directory.appendingPathComponent("model"))
                }
            }
            Terminal.out(outcome.summary)
        } catch {
            throw Terminal.failure(error)
        }
    }

    /// The fit the options describe: trial folders with --files' names, else the subject folder as detected (what was
    /// found is printed).
    func request() throws -> FitRequest {
        let assembly = TrialAssembly(featureCoordinates: featureCoordinates.map(commaSeparated), sampleRate: sampleRate)
        if let files {
            var request = FitRequest(
                subjectDirectory: subject, method: try configuredMethod(), measured: commaSeparated(measured), train: commaSeparated(train),
                test: commaSeparated(test), coordinates: commaSeparated(coordinates), seed: seed, emgChannels: try emgChannels(),
                layout: try layout(files), assembly: assembly, modelFile: model ?? "model.osim")
            request.tendons = tendons
            return request
        }
        var source = try SubjectSource.detect(folder: subject)
        if let model { source.modelPath = (subject as NSString).appendingPathComponent(model) }
        Terminal.error(source.summary)
        let method = try configuredMethod()
        let (train, test) = try trials(in: source, trains: type(of: method).capabilities.needsTrainingTrials)
        var request = FitRequest(source: source, method: method, measured: commaSeparated(measured), train: train, test: test,
                                 coordinates: commaSeparated(coordinates), seed: seed, emgChannels: try emgChannels(source.emgMapping),
                                 assembly: assembly)
        request.tendons = tendons
        return request
    }

    /// The `--method` with its own options (the arguments ArgumentParser did not know) applied.
    func configuredMethod() throws -> any EstimationMethod {
        do {
            var configured = try MethodRegistry.defaultMethod(id: method)
            let (values, ignored) = try MethodOptionArguments.parse(methodOptions, method: type(of: configured))
            for (name, value) in values { try configured.set(option: name, to: value) }
            for note in ignored { Terminal.error(note) }
            return configured
        } catch let error as EstimationError {
            throw ValidationError(error.message)
        }
    }

    /// --train and --test, each defaulting to the subject's only trial when it has one (--train only for a method
    /// that `trains`).
    func trials(in source: SubjectSource, trains: Bool) throws -> (train: [String], test: [String]) {
        let only = source.trials.count == 1 ? source.trials.map(\.name) : []
        let (train, test) = (commaSeparated(self.train), commaSeparated(self.test))
        guard !test.isEmpty || !only.isEmpty else {
            throw ValidationError("name the test trials with --test (the subject's trials: \(source.trials.map(\.name).joined(separator: ", ")))")
        }
        return (train.isEmpty && trains ? only : train, test.isEmpty ? only : test)
    }

    /// Muscle → channel: the folder's own map, then --emg-map's pairs.
    func emgChannels(_ folderMapping: EMGMapping? = nil) throws -> [String: String] {
        var map: [String: String] = [:]
        for entry in folderMapping?.entries ?? [] {
            for muscle in entry.muscles { map[muscle] = entry.channel }
        }
        for pair in commaSeparated(emgMap) {
            let parts = pair.split(separator: "=").map(String.init)
            guard parts.count == 2 else { throw ValidationError("--emg-map: expected muscle=channel, found '\(pair)'") }
            map[parts[0]] = parts[1]
        }
        return map
    }

    func layout(_ files: String) throws -> TrialFolderLayout {
        let names = files.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard names.count == 4, !names[0].isEmpty, !names[1].isEmpty else {
            throw ValidationError("--files: expected kinematics,inverse-dynamics,emg,load (e.g. ik.mot,id.sto,emg.sto,load.sto), found '\(files)'")
        }
        return TrialFolderLayout(kinematics: [names[0]], inverseDynamics: names[1], load: names[3].isEmpty ? nil : names[3],
                                 emg: names[2].isEmpty ? nil : names[2])
    }
}
