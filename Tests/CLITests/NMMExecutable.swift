import Foundation

/// The `nmm` executable SwiftPM builds beside the test bundle, run as a user runs it.
enum NMMExecutable {
    /// What one run of `nmm` did: how it ended, its exit status and both output streams.
    struct Result {
        /// `.exit` for a normal exit; `.uncaughtSignal` means the process crashed.
        var reason: Process.TerminationReason
        /// The exit status (or the signal number when `reason` is `.uncaughtSignal`).
        var status: Int32
        var stdout: String
        var stderr: String

        /// True when the process exited by itself with `code` (not killed by a signal).
        func exited(with code: Int32) -> Bool { reason == .exit && status == code }
    }

    /// Why a run could not start.
    struct NotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String { "the nmm executable is not beside the test bundle (looked at \(searched.joined(separator: ", ")))" }
    }

    /// Where the executable may be: beside the test bundle, or one level up when the bundle is a folder.
    private static let candidates: [URL] = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return [bundle.appendingPathComponent("nmm"), bundle.deletingLastPathComponent().appendingPathComponent("nmm")]
    }()

    /// The executable's location, if it was built.
    static let url: URL? = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// Runs `nmm arguments` to completion. Standard error goes through a file so neither pipe can block the other.
    static func run(_ arguments: [String]) throws -> Result {
        guard let url else { throw NotFound(searched: candidates.map(\.path)) }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let errorURL = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-cli-tests-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorURL) }
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let stderr = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
        return Result(reason: process.terminationReason, status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self), stderr: stderr)
    }
}
