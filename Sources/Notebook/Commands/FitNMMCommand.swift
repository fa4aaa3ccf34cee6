import Estimation

/// `fit nmm`: the neural musculoskeletal model.
struct FitNMMCommand: CachedCommand {
    typealias Artifact = FitArtifact

    static let name = "fit nmm"
    static let summary = "Fit the neural musculoskeletal model and predict every muscle's excitation on the test trials."
    static let discussion = """
        Trains a Transformer encoder that reads windows of joint kinematics (angle, velocity and acceleration \
        of each coordinate) and the external load, and outputs an excitation for every muscle — measured or \
        not. Activation dynamics, the subject's Hill-type muscles and the moment arms turn the excitations \
        into joint torques. The loss asks for the measured muscles' EMG (data) and for the inverse-dynamics \
        torques (physics), so the hidden muscles' excitations are whatever makes the physics agree. The \
        subject's max isometric forces (×0.5–2), optimal fibre lengths and tendon slack lengths (×0.85–1.15) \
        and the activation time constants are fitted at the same time, within those bounds. Training stops \
        early when the validation loss stops improving. The fit is cached: re-running an unchanged notebook \
        skips it.
        """
    static let parameters: [ParameterSpec] = FitSupport.commonParameters + [
        .option("steps", .integer, default: "1500", help: "Maximum optimisation steps."),
    ]
    static let examples = [
        "nmm = fit nmm sets measured: [BIClong, BICshort, TRIlong, TRIlat] coordinates: [r_elbow_flex] seed: 7",
    ]

    func compute(_ invocation: Invocation, context: CommandContext) throws -> FitArtifact {
        var (request, _) = try FitSupport.request(.nmm, invocation)
        if let steps = invocation.integer("steps") {
            guard steps >= 1 else { throw invocation.error("steps must be at least 1", at: "steps") }
            request.nmm.maxSteps = steps
        }
        return try FitSupport.run(request, bounds: ParameterBounds(), invocation: invocation, context: context)
    }

    func result(from artifact: FitArtifact, invocation: Invocation, context: CommandContext) throws -> CommandResult {
        FitSupport.result(artifact)
    }
}
