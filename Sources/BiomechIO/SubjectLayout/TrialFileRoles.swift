import Foundation

/// Which signal a file holds, guessed from its name as labs and OpenSim's tools name them: the
/// arm26-lifting names (`ik.mot`, `id.sto`, `emg.sto`, `emg_raw.sto`, `load.sto`), and words in the
/// name — `ik`, `coordinates`, `kinematics` (joint angles), `id`, `inverse_dynamics` (generalized
/// forces), `emg`, `electromyography` (with `raw`, or a .c3d file: raw EMG), `load`, `grf`,
/// `external_loads` (the external load). `MuscleAnalysis_` files and `truth_` files are found by
/// those prefixes, as everywhere.
enum TrialFileRoles {
    /// The files of a folder that holds one trial, with notes on what was ambiguous; nil when no file
    /// looks like kinematics.
    static func trialFiles(in folder: String, name: String, names: [String]) -> (files: TrialFiles, notes: [String])? {
        var notes: [String] = []
        func pick(_ role: Role, preferred: [String]) -> String? {
            if let exact = preferred.first(where: names.contains) { return "\(folder)/\(exact)" }
            let candidates = names.filter { Self.role(of: $0) == role }
            if candidates.count > 1 {
                notes.append("\(candidates.count) files could be the \(role.rawValue) (\(candidates.joined(separator: ", "))); using \(candidates[0])")
            }
            return candidates.first.map { "\(folder)/\($0)" }
        }
        guard let kinematics = pick(.kinematics, preferred: ["ik.mot", "ik.sto"]) else { return nil }
        let files = TrialFiles(
            name: name, kinematics: kinematics, inverseDynamics: pick(.inverseDynamics, preferred: ["id.sto"]),
            load: pick(.load, preferred: ["load.sto"]), emg: pick(.emg, preferred: ["emg.sto"]),
            rawEMG: pick(.rawEMG, preferred: ["emg_raw.sto"]),
            muscleAnalysis: names.filter { $0.contains("MuscleAnalysis_") && $0.hasSuffix(".sto") }.map { "\(folder)/\($0)" },
            evaluationOnly: names.filter { $0.hasPrefix("truth_") && $0.hasSuffix(".sto") }.map { "\(folder)/\($0)" })
        return (files, notes)
    }

    enum Role: String {
        case kinematics = "kinematics", inverseDynamics = "inverse dynamics", emg = "processed EMG", rawEMG = "raw EMG", load = "external load"
    }

    /// The role of a file name, nil for files of no known role.
    static func role(of fileName: String) -> Role? {
        let lower = fileName.lowercased()
        guard let dot = lower.lastIndex(of: "."), [".sto", ".mot", ".csv", ".c3d"].contains(String(lower[dot...])),
              !fileName.contains("MuscleAnalysis_"), !lower.hasPrefix("truth_") else { return nil }
        let words = Set(lower[..<dot].split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        if lower.hasSuffix(".c3d") || (!words.isDisjoint(with: ["emg", "electromyography"]) && words.contains("raw")) { return .rawEMG }
        if !words.isDisjoint(with: ["emg", "electromyography"]) { return .emg }
        if words.contains("id") || (words.contains("inverse") && words.contains("dynamics")) { return .inverseDynamics }
        if !words.isDisjoint(with: ["ik", "coordinates", "kinematics"]) { return .kinematics }
        if !words.isDisjoint(with: ["load", "loads", "grf"]) { return .load }
        return nil
    }

    /// The sorted names of the files in `folder` (empty when it cannot be listed).
    static func fileNames(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    /// Whether `path` is a folder.
    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
