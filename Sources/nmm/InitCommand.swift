import ArgumentParser
import BiomechIO
import Foundation

/// `nmm init`: writes a subject manifest for a folder nmm can read, and says what a fit would miss.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a subject manifest (nmm-subject.json) for a folder nmm can read, and say what is missing.",
        discussion: """
        Detects the folder's layout (trial folders, the NMSM Pipeline's IKData/, IDData/, EMGData/, MAData/, or one \
        trial beside its model), prints what it found and what a fit would miss (inverse dynamics, EMG, MuscleAnalysis \
        files, a map for EMG channels that name no muscle), and writes FOLDER/nmm-subject.json naming every file, which \
        `nmm fit` and `load opensim` then read. Edit it to add an "emg_map", "time_window"s, raw EMG ("raw_emg" per \
        trial, and "raw_emg": {"mvc": [...]}) or "kinematics_units". An existing manifest is kept unless --force.
        """)

    @Argument(help: "The subject folder.")
    var folder: String

    @Flag(help: "Replace an existing nmm-subject.json.")
    var force = false

    func run() throws {
        let path = (folder as NSString).appendingPathComponent(SubjectManifest.fileName)
        let exists = FileManager.default.fileExists(atPath: path)
        if exists && !force {
            throw ValidationError("\(path) exists already; nmm reads it as it is (--force writes a new one from the folder's files)")
        }
        let source = try SubjectSource.detect(folder: folder, readingManifest: false)
        print(source.summary)
        let missing = try source.missing(model: try OSimFile.read(source.modelPath))
        try SubjectManifest(source).jsonData().write(to: URL(fileURLWithPath: path), options: .atomic)
        print("wrote \(path)")
        print(missing.isEmpty ? "nothing missing" : "missing or to check:\n" + missing.map { "  " + $0 }.joined(separator: "\n"))
    }
}
