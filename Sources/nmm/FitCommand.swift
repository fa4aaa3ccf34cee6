import ArgumentParser
import BiomechIO
import Estimation
import Foundation

/// `nmm fit`: fits the NMM or a baseline (mse, so) to a subject folder and writes the test-trial predictions as
/// OpenSim .sto files and DIR/metrics.json.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit the NMM or a baseline (mse, so) to a subject folder and write test-trial predictions and metrics.",
        discussion: """
        Trials are split by name: the fit reads only --train trials (and, for mse, the test trials' measured EMG);
        --test trials are predicted and compared with inverse dynamics and, where the folder records it,
        truth_excitation.sto (evaluation only). Output: DIR/<trial>_{excitation,activation,force,torque}.sto,
        DIR/metrics.json and, for nmm, DIR/model/ (network weights and model.json with the loss history).
        """)

    @Argument(help: "Subject folder (model.osim and one folder per trial).")
    var subject: String

    @Option(help: "nmm, mse or so.")
    var method: FitMethod

    @Option(help: "Muscles whose EMG is measured, comma-separated.")
    var measured: String = ""

    @Option(help: "Training trials, comma-separated.")
    var train: String = ""

    @Option(help: "Test trials, comma-separated.")
    var test: String

    @Option(help: "Coordinates whose inverse-dynamics torques are fitted, comma-separated.")
    var coordinates: String

    @Option(help: "Random seed.")
    var seed: Int = 1

    @Option(help: "Output folder (created if missing).")
    var output: String

    @Option(help: "nmm: training steps at most (early stopping may end sooner).")
    var steps: Int = NMMConfiguration().maxSteps

    @Option(help: "nmm and mse: weight of the penalty on unmeasured muscles' excitations.")
    var effortWeight: Double?

    @Option(help: "nmm: weight of the prior tying hidden muscles to their measured agonists.")
    var agonistWeight: Double?

    @Flag(inversion: .prefixedNo, help: "nmm: fit each hidden muscle's recruitment gain relative to its measured agonists (default on; turn it off when the EMG is peak- rather than MVC-normalised, since the torque then sets gains against excitations of arbitrary scale).")
    var recruitmentGains: Bool?

    @Option(help: "nmm: fraction at the end of every training trial held out for early stopping (0: none; train all steps).")
    var validationFraction: Double?

    @Option(help: "nmm: weight of the prior keeping recruitment gains near 1.")
    var recruitmentGainPriorWeight: Double?

    @Option(help: "nmm: weight of the prior keeping the fitted parameters near the generic model's.")
    var parameterPriorWeight: Double?

    @Option(help: "mse: number of synergies (default: the fewest reaching 95 % VAF on the training EMG).")
    var synergies: Int?

    @Option(help: "Model file inside the subject folder.")
    var model: String = "model.osim"

    @Option(help: "EMG channel of muscles not named after their channel: muscle=channel,… (hidden muscles too, for evaluation).")
    var emgMap: String = ""

    @Option(help: "Coordinates whose q, q̇, q̈ feed the network, comma-separated (default: every coordinate of the kinematics file).")
    var featureCoordinates: String?

    @Option(help: "Resample every signal to this rate (Hz); default: the kinematics' own samples.")
    var sampleRate: Double?

    @Option(help: "Trial file names: kinematics,inverse-dynamics,emg,load (empty load: none).")
    var files: String = "ik.mot,id.sto,emg.sto,load.sto"

    func validate() throws {
        if let validationFraction, !(0...0.5).contains(validationFraction) {
            throw ValidationError("--validation-fraction must be between 0 and 0.5, not \(validationFraction)")
        }
    }

    func run() throws {
        let request = FitRequest(
            subjectDirectory: subject, method: method.estimationMethod, measured: commaSeparated(measured), train: commaSeparated(train),
            test: commaSeparated(test), coordinates: commaSeparated(coordinates), seed: seed, nmm: nmmConfiguration(),
            synergyCount: synergies, effortWeight: effortWeight, emgChannels: try emgChannels(), layout: try layout(),
            assembly: TrialAssembly(featureCoordinates: featureCoordinates.map(commaSeparated), sampleRate: sampleRate), modelFile: model)
        do {
            let outcome = try request.run(progress: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for prediction in outcome.predictions { try prediction.write(to: output) }
            try outcome.report.write(to: URL(fileURLWithPath: output).appendingPathComponent("metrics.json"))
            if let model = outcome.predictor as? NeuralMusculoskeletalModel {
                try model.save(to: URL(fileURLWithPath: output).appendingPathComponent("model"))
            }
            print(outcome.summary)
        } catch let error as EstimationError {
            throw ValidationError(error.message)
        }
    }

    func nmmConfiguration() -> NMMConfiguration {
        var configuration = NMMConfiguration()
        configuration.maxSteps = steps
        if let effortWeight { configuration.effortWeight = effortWeight }
        if let agonistWeight { configuration.agonistWeight = agonistWeight }
        if let parameterPriorWeight { configuration.prior.weight = parameterPriorWeight }
        if let recruitmentGains { configuration.fitsRecruitmentGains = recruitmentGains }
        if let validationFraction { configuration.validationFraction = validationFraction }
        if let recruitmentGainPriorWeight { configuration.recruitmentGainPriorWeight = recruitmentGainPriorWeight }
        return configuration
    }

    func emgChannels() throws -> [String: String] {
        var map: [String: String] = [:]
        for pair in commaSeparated(emgMap) {
            let parts = pair.split(separator: "=").map(String.init)
            guard parts.count == 2 else { throw ValidationError("--emg-map: expected muscle=channel, found '\(pair)'") }
            map[parts[0]] = parts[1]
        }
        return map
    }

    func layout() throws -> TrialFolderLayout {
        let names = files.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard names.count == 4, !names[0].isEmpty, !names[1].isEmpty else {
            throw ValidationError("--files: expected kinematics,inverse-dynamics,emg,load (e.g. ik.mot,id.sto,emg.sto,load.sto), found '\(files)'")
        }
        return TrialFolderLayout(kinematics: [names[0]], inverseDynamics: names[1], load: names[3].isEmpty ? nil : names[3],
                                 emg: names[2].isEmpty ? nil : names[2])
    }
}

/// The methods `nmm fit` offers.
enum FitMethod: String, ExpressibleByArgument, CaseIterable {
    case nmm, mse, so
    var estimationMethod: EstimationMethod {
        switch self {
        case .nmm: return .nmm
        case .mse: return .synergyExtrapolation
        case .so: return .staticOptimization
        }
    }
}
