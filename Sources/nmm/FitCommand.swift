import ArgumentParser

/// `nmm fit`: Fit the NMM or a baseline (mse, so) to a subject folder and write test-trial predictions and metrics.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit the NMM or a baseline (mse, so) to a subject folder and write test-trial predictions and metrics."
    )

    func run() throws {
        throw ValidationError("`fit` is not implemented yet")
    }
}
