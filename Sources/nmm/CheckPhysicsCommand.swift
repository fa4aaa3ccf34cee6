import ArgumentParser

/// `nmm check-physics`: Feed a subject's true activations through the muscle model and compare torques and forces with OpenSim.
struct CheckPhysicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-physics",
        abstract: "Feed a subject's true activations through the muscle model and compare torques and forces with OpenSim."
    )

    func run() throws {
        throw ValidationError("`check-physics` is not implemented yet")
    }
}
