import Foundation

/// Runs a program to completion with its output in a log file.
enum Subprocess {
    /// Runs `executable arguments`, stdout and stderr appended to `log`; `started` gets the process id.
    /// Returns the exit status (128 + signal when it was killed).
    static func run(_ executable: URL, _ arguments: [String], log: URL, started: (Int32) -> Void = { _ in }) throws -> Int32 {
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw StudyRunError("cannot create \(log.path)") }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        started(process.processIdentifier)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Runs a program and returns its exit status, stdout and stderr (for sbatch, squeue and sacct).
    static func capture(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so a chatty program never blocks on a full pipe.
        let errors = DataBox(), group = DispatchGroup(), errorReader = error.fileHandleForReading
        DispatchQueue.global().async(group: group) { errors.data = errorReader.readDataToEndOfFile() }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errors.data, as: UTF8.self))
    }

    /// The last `count` non-empty lines of a text file.
    static func tail(of file: URL, lines count: Int) -> String {
        guard let data = FileManager.default.contents(atPath: file.path) else { return "" }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.filter { !$0.isEmpty }.suffix(count).joined(separator: "\n")
    }
}

/// Bytes one reader thread fills and the caller reads after joining it.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
