import ArgumentParser
import BiomechIO
import Estimation
import Foundation

/// What nmm prints, escaped so that text taken from files and notebooks (labels, names, paths) cannot drive the
/// terminal with control sequences (see `TerminalText`).
enum Terminal {
    /// Prints `text` on standard output.
    static func out(_ text: String, terminator: String = "\n") {
        print(TerminalText.escaped(text), terminator: terminator)
    }

    /// Prints `text` and a line break on standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.escaped(text) + "\n").utf8))
    }
}

extension Terminal {
    /// Reports a failed command's `error` on standard error in plain words (`FILE:LINE: error: …`, never a usage
    /// banner: the command line was right, the data or the files were not) and gives the exit status 1 to throw.
    /// Usage errors and exit codes pass through unchanged.
    static func failure(_ error: Error) -> Error {
        switch error {
        case is ExitCode, is ValidationError, is CleanExit:
            return error
        case let error as EstimationError:
            Terminal.error("error: \(error.message)")
        case let error as CocoaError:
            let path = (error.userInfo[NSFilePathErrorKey] as? String).map { "\($0): " } ?? ""
            Terminal.error("\(path)error: \(FileProblem.reason(error))")
        default:
            Terminal.error("\(error)")
        }
        return ExitCode.failure
    }
}
