/// The neural musculoskeletal model as an ``EstimationMethod``: a Transformer trained with the subject's
/// personalised muscles (``NMMTrainer``) to predict every muscle's excitation from kinematics, load and the measured EMG.
public struct NMMMethod: EstimationMethod {
    public static let id = "nmm"
    public static let summary = "Neural musculoskeletal model: a Transformer trained on EMG and inverse-dynamics torque predicts every muscle."
    public static let discussion = """
        Trains a Transformer encoder that reads windows of joint kinematics (angle, velocity and acceleration \
        of each coordinate) and the external load, and outputs an excitation for every muscle — measured or \
        not. Activation dynamics, the subject's Hill-type muscles and the moment arms turn the excitations \
        into joint torques. The loss asks for the measured muscles' EMG (data) and for the inverse-dynamics \
        torques (physics), so the hidden muscles' excitations are whatever makes the physics agree. The \
        measured muscles' max isometric forces (×0.5–2), optimal fibre lengths and tendon slack lengths \
        (×0.85–1.15) and the activation time constants are fitted at the same time, within those bounds; the \
        hidden muscles keep the model's strengths and lengths (their strength trades one for one with an \
        excitation no EMG measures), unless --hidden-muscle-parameters. Training stops early when the validation \
        loss stops improving. EMG normalised to its own peak (every measured channel peaks at 1) says when a \
        muscle works but not how hard; it is read at the level static optimisation gives each channel's muscles on \
        the training trials (--emg-scale; MVC-normalised EMG is read at face value).
        By default (inputs all) the NMM is hybrid: the network also reads the measured channels' EMG (masked in \
        half the training windows, so a trial without EMG is still predicted; --no-emg-input), and a predicted \
        trial that has inverse-dynamics torques has the network's excitations refined, with the fitted \
        parameters, so that the muscles reproduce that torque and the measured muscles their EMG while staying \
        near the network's proposal (activation dynamics and delay included, excitations kept in [0, 1]); the \
        correction is held to slow changes (below 2 Hz by default), so the torque sets a hidden muscle's level and \
        shape but the EMG's frame-to-frame noise is not passed on, and each frame's EMG counts less the higher it \
        is, as surface EMG's error grows with its amplitude (--emg-noise-level). A hidden muscle's recruitment \
        against its measured agonists may drift slowly within a trial (as the brachialis's share of elbow flexion \
        moves with forearm rotation, which the model lacks) where the trial's torque supports it: refined to \
        alternate 1-s blocks of its torque, the drift must predict the blocks left out 5 % better than a fixed \
        recruitment (trials of 2 s or more; --no-recruitment-drift). \
        With inputs kinematics it predicts from kinematics and load alone, as the seed paper's NMM: when the \
        model's skeleton can be moved (bodies and pin, slider or custom joints with linear couplings, as arm26's), \
        nmm's own inverse dynamics turn the trial's kinematics and load into joint torques, with the load at a hand \
        point placed from the training trials' inverse dynamics, and the proposal is refined to those torques alone \
        (used only when they reproduce every training trial's torque within an RMSE of 10 % of the coordinate's RMS \
        torque; otherwise, e.g. for gait without ground reactions, the prediction is the network's). metrics.json \
        records the inputs under "inputs".
        """
    public static let capabilities = MethodCapabilities(
        needsTrainingTrials: true, needsMeasuredMuscles: true, needsMeasuredEMGAtPrediction: false,
        needsInverseDynamicsAtPrediction: false, personalisesParameters: true, predictsFromKinematicsAlone: true,
        hasLossHistory: true, refinesWithTrialData: true)
    public static let chartStyle = MethodChartStyle(color: "#D55E00", dash: "6 3", width: 1.8)
    public static let defaultConfiguration = NMMConfiguration()
    public static let options: [MethodOption<NMMConfiguration>] = [
        .integer("steps", \.maxSteps, in: 1...1_000_000, help: "Training steps at most (early stopping may end sooner)."),
        .number("validation-fraction", \.validationFraction, in: 0...0.5,
                help: "Fraction at the end of every training trial held out for early stopping (0: none; train all steps)."),
        .number("emg-weight", \.emgWeight, in: 0...1e6,
                help: "Weight of the measured muscles' EMG in training, against the torque's weight of 1: how closely measured muscles must follow their EMG where the torque disagrees."),
        .number("effort-weight", \.effortWeight, in: 0...1e6,
                help: "Weight of the penalty on the excitations of hidden muscles without a measured agonist (all hidden muscles with agonist-weight 0)."),
        .number("agonist-weight", \.agonistWeight, in: 0...1e6, help: "Weight of the prior tying hidden muscles to their measured agonists."),
        .flag("recruitment-gains", \.fitsRecruitmentGains,
              help: "Fit each hidden muscle's recruitment gain relative to its measured agonists (turn it off when the EMG is peak- rather than MVC-normalised, since the torque then sets gains against excitations of arbitrary scale)."),
        .number("recruitment-gain-prior-weight", \.recruitmentGainPriorWeight, in: 0...1e6,
                help: "Weight of the prior keeping recruitment gains near 1 (and the recruitment exponent near 1)."),
        .flag("recruitment-exponent", \.fitsRecruitmentExponent,
              help: "Fit the subject's recruitment exponent q: a hidden muscle's share of its measured agonists' drive grows as its torque capacity to the power q (1: static optimisation's sum of squared activations; 0.5: the sum of cubes; towards 0 synergists share alike)."),
        .flag("emg-gains", \.fitsEMGGains,
              help: "Fit a gain for each measured EMG channel (the excitation is the channel times its gain): for EMG normalised to its own peak, whose scale says nothing of the excitation; the torque sets the product of a muscle's strength and its channel's gain, the priors share it out."),
        .number("emg-gain-prior-weight", \.emgGainPriorWeight, in: 0...1e6,
                help: "Weight of the prior keeping the EMG gains near 1 (with emg-gains)."),
        .choice("emg-scale", \.emgScale,
                help: "How the measured EMG's scale is read: face-value (the envelope is the excitation, as with MVC-normalised EMG), static-optimization (each channel times the level static optimisation gives its muscles on the training trials) or automatic (static-optimization when every measured channel peaks at 1, i.e. the EMG is normalised to its own peak)."),
        .flag("hidden-muscle-parameters", \.fitsHiddenMuscleParameters,
              help: "Fit the hidden muscles' strengths and lengths too (by default they keep the model's: no EMG separates a hidden muscle's strength from its excitation)."),
        .flag("time-constants", \.fitsTimeConstants,
              help: "Fit the activation and deactivation time constants and the electromechanical delay, shared by all muscles (without it: the generic model's time constants and no delay)."),
        .number("parameter-prior-weight", \.prior.weight, in: 0...1e6,
                help: "Weight of the prior keeping the fitted parameters near the generic model's."),
        .choice("inputs", \.inputs,
                help: "What a predicted trial is read for: all (the hybrid NMM: the network's proposal is refined to reproduce the trial's inverse-dynamics torque and measured EMG when it has them) or kinematics (kinematics and load alone, as the seed paper's NMM, refined to nmm's own inverse dynamics of them when the model's skeleton allows)."),
        .flag("emg-input", \.readsEMG,
              help: "Let the network read the measured channels' EMG beside kinematics and load (with inputs all; masked in half the training windows, so trials without EMG are still predicted)."),
        .number("proposal-weight", \.refinement.proposalWeight, in: 1e-6...1e6,
                help: "Weight keeping refined excitations near the network's proposal (with inputs all), against the torque and EMG terms of weight 1."),
        .number("agonist-blend", \.refinement.agonistBlend, in: 0...1,
                help: "How far (0–1) a hidden muscle's proposal moves towards its measured agonists' EMG before the refinement (with inputs all)."),
        .number("emg-noise-level", \.refinement.emgNoiseLevel, in: 0...10,
                help: "EMG level at which a channel's error stops being mostly additive and grows with the signal: the refinement weighs each frame's EMG by 1/(1 + (EMG/level)²), so the torque shapes the muscles more where the EMG is least sure (0: every frame alike; with inputs all)."),
        .number("correction-cutoff", \.refinement.correctionCutoff, in: 0.01...50,
                help: "Frequency (Hz) below which the refinement may correct the network's proposal freely; faster corrections are damped (with inputs all)."),
        .flag("recruitment-drift", \.refinement.usesRecruitmentDrift,
              help: "Let a hidden muscle's recruitment against its measured agonists drift slowly within a trial (knots every 0.5 s), where the trial's torque supports it: refined on alternate 1-s blocks of its torque, the drift must predict the blocks left out 5 % better than a fixed recruitment (trials of 2 s or more; with inputs all)."),
    ]

    public var configuration: NMMConfiguration

    public init(configuration: NMMConfiguration) { self.configuration = configuration }

    /// Trains the network and the parameters on the training trials with their EMG at the levels ``EMGLevels`` gives;
    /// the fitted model records those levels, the subject's coordinates and sample rate, so that once saved it predicts
    /// trials of a folder alone.
    public func fit(_ problem: FitProblem, progress: (String) -> Void) throws -> any ExcitationPredictor {
        let subject = problem.subject
        let levels = try EMGLevels.levels(configuration.emgScale, for: problem, progress: progress)
        let model = try NMMTrainer(configuration: configuration)
            .fit(system: subject.system, trials: problem.trainingTrials.map { $0.scalingEMG(by: levels) }, measured: problem.measured,
                 coordinates: subject.coordinates, seed: problem.seed, progress: progress)
        model.emgLevels = levels
        model.coordinates = subject.coordinates
        model.sampleRate = subject.assembly.sampleRate
        model.measured = problem.measured
        model.torqueScales = TorqueLoss.rmsScales(of: problem.trainingTrials, coordinates: subject.coordinates)
        if configuration.inputs == .kinematics {
            do {
                let learned = try SubjectDynamics.learn(model: subject.model, trials: problem.trainingTrials, coordinates: subject.coordinates)
                model.dynamics = learned.dynamics
                let least = learned.dynamics.trainingAgreement.values.flatMap { $0 }.min() ?? 1
                progress("kinematics-only predictions are refined to nmm's own inverse dynamics (training trials' torque RMSE ≤ "
                         + "\(String(format: "%.1f", 100 * learned.largestError)) % of its RMS, R² ≥ \(String(format: "%.3f", least)))")
            } catch {
                progress("kinematics-only predictions are the network's alone: \(error)")
            }
        }
        return model
    }
}
