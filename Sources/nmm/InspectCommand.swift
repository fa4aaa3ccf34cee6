import ArgumentParser

/// `nmm inspect`: Describe an OpenSim .sto/.mot/.csv/.osim file: kind, rows, columns, time range, rate, units.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Describe an OpenSim .sto/.mot/.csv/.osim file: kind, rows, columns, time range, rate, units."
    )

    func run() throws {
        throw ValidationError("`inspect` is not implemented yet")
    }
}
