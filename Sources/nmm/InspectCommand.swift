import ArgumentParser
import BiomechIO
import Foundation

/// `nmm inspect`: Describe an OpenSim .sto/.mot/.csv/.osim or a C3D file: kind, rows, columns, time range, rate, units.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Describe an OpenSim .sto/.mot/.csv/.osim or a C3D file: kind, rows, columns, time range, rate, units.",
        discussion: """
        For tables: the header style, rows, the time range and sampling rate, whether angles are in degrees, \
        and every column with its first, last, smallest and largest value. For models (.osim): the coordinates \
        and every muscle's parameters. For C3D files: the processor and storage format, every analog channel with \
        its rate, units and values after scale and offset, and the events; with --json, one line per file: \
        {"analog_rate": Hz, "analog_labels": [...], "analog_first_frame": [each channel's first sample]}. \
        A file that cannot be read gives `FILE:LINE: error: ...` and exit status 1.
        """
    )

    @Argument(help: "The files to describe.")
    var files: [String]

    @Flag(help: "For C3D files: one line of JSON with the analog rate, labels and first samples.")
    var json = false

    func run() throws {
        var failed = false
        for (index, file) in files.enumerated() {
            if index > 0, !json { print() }
            do {
                if json {
                    guard file.lowercased().hasSuffix(".c3d") else {
                        throw InputError(file: file, message: "--json describes C3D files; leave it out for other files")
                    }
                    Terminal.out(try FileDescription.analogJSON(file))
                } else {
                    Terminal.out(try FileDescription.describe(file), terminator: "")
                }
            } catch {
                Terminal.error("\(error)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}
