import Estimation

/// `fit so`: the static-optimisation baseline.
struct FitSOCommand: CachedCommand {
    typealias Artifact = FitArtifact

    static let name = "fit so"
    static let summary = "Static optimisation (OpenSim's classic): per frame, the least activation that makes the torques."
    static let discussion = """
        For every frame of the test trials on its own, finds the muscle activations 0 ≤ a ≤ 1 with the \
        smallest sum of squares that make the generic model's rigid-tendon muscles reproduce the \
        inverse-dynamics torques exactly — what OpenSim's Static Optimization tool does. It uses no EMG and \
        knows nothing of time, so it tends to leave co-contracting muscles silent.
        """
    static let parameters: [ParameterSpec] = FitSupport.commonParameters
    static let examples = ["so = fit so sets coordinates: [r_elbow_flex]"]

    func compute(_ invocation: Invocation, context: CommandContext) throws -> FitArtifact {
        let (request, _) = try FitSupport.request(.staticOptimization, invocation)
        return try FitSupport.run(request, bounds: ParameterBounds(), invocation: invocation, context: context)
    }

    func result(from artifact: FitArtifact, invocation: Invocation, context: CommandContext) throws -> CommandResult {
        FitSupport.result(artifact)
    }
}
