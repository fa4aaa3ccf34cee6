import Estimation

/// `fit mse`: the muscle synergy extrapolation baseline.
struct FitMSECommand: CachedCommand {
    typealias Artifact = FitArtifact

    static let name = "fit mse"
    static let summary = "Fit the muscle-synergy-extrapolation baseline (Ao et al. 2020) and predict the test trials."
    static let discussion = """
        Muscle synergy extrapolation (Ao, Shourijeh, Patten and Fregly, J Biomech 2020; Frontiers 2022): the \
        measured EMG is factorised into a few synergies by non-negative matrix factorisation (as many as \
        explain 95 % of its variance, unless `synergies:` says), and each unmeasured muscle's excitation is a \
        weighted sum of the synergy activations, with weights (and the subject's muscle parameters) chosen so \
        that the muscles reproduce the inverse-dynamics torques. Unlike the NMM, it needs the test trials' \
        measured EMG to predict them.
        """
    static let parameters: [ParameterSpec] = FitSupport.commonParameters + [
        .option("synergies", .integer, default: "by 95 % variance accounted for", help: "Number of synergies."),
    ]
    static let examples = ["mse = fit mse sets measured: [BIClong, BICshort, TRIlong, TRIlat] coordinates: [r_elbow_flex]"]

    func compute(_ invocation: Invocation, context: CommandContext) throws -> FitArtifact {
        var (request, _) = try FitSupport.request(.synergyExtrapolation, invocation)
        if let synergies = invocation.integer("synergies") {
            guard synergies >= 1, synergies <= request.measured.count else {
                throw invocation.error("between 1 and \(request.measured.count) synergies (one per measured muscle at most)", at: "synergies")
            }
            request.synergyCount = synergies
        }
        return try FitSupport.run(request, bounds: ParameterBounds(), invocation: invocation, context: context)
    }

    func result(from artifact: FitArtifact, invocation: Invocation, context: CommandContext) throws -> CommandResult {
        FitSupport.result(artifact)
    }
}
