import ArgumentParser
import BiomechIO
import Foundation

/// `nmm inspect`: Describe an OpenSim .sto/.mot/.csv/.osim file: kind, rows, columns, time range, rate, units.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Describe an OpenSim .sto/.mot/.csv/.osim file: kind, rows, columns, time range, rate, units.",
        discussion: """
        For tables: the header style, rows, the time range and sampling rate, whether angles are in degrees, \
        and every column with its first, last, smallest and largest value. For models (.osim): the coordinates \
        and every muscle's parameters. A file that cannot be read gives `FILE:LINE: error: ...` and exit status 1.
        """
    )

    @Argument(help: "The files to describe.")
    var files: [String]

    func run() throws {
        var failed = false
        for (index, file) in files.enumerated() {
            if index > 0 { print() }
            do {
                Terminal.out(try FileDescription.describe(file), terminator: "")
            } catch {
                Terminal.error("\(error)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}
