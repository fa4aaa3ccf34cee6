import Foundation

/// The files of one trial. Build it from explicit paths (any names), or from a folder laid out
/// like arm26-lifting/S01/trialNN with `TrialFiles.inFolder`.
public struct TrialFiles: Sendable, Equatable {
    /// The trial's name (e.g. `trial01`).
    public var name: String
    /// Joint angles from inverse kinematics (.mot/.sto/.csv; degrees or radians as the file says).
    public var kinematics: String
    /// Inverse-dynamics generalized forces.
    public var inverseDynamics: String?
    /// External load (e.g. arm26's load_mass, cable_force).
    public var load: String?
    /// Processed EMG envelopes, one column per channel.
    public var emg: String?
    /// Raw EMG, one column per channel.
    public var rawEMG: String?
    /// OpenSim MuscleAnalysis outputs (`…MuscleAnalysis_Length.sto`, `…MuscleAnalysis_MomentArm_<coordinate>.sto`).
    public var muscleAnalysis: [String]
    /// `truth_*` files: evaluation only, never inputs of a fit.
    public var evaluationOnly: [String]

    /// Creates a trial from explicit paths.
    public init(name: String, kinematics: String, inverseDynamics: String? = nil, load: String? = nil, emg: String? = nil,
                rawEMG: String? = nil, muscleAnalysis: [String] = [], evaluationOnly: [String] = []) {
        self.name = name
        self.kinematics = kinematics
        self.inverseDynamics = inverseDynamics
        self.load = load
        self.emg = emg
        self.rawEMG = rawEMG
        self.muscleAnalysis = muscleAnalysis
        self.evaluationOnly = evaluationOnly
    }

    /// Every file of the trial.
    public var paths: [String] {
        [kinematics] + [inverseDynamics, load, emg, rawEMG].compactMap { $0 } + muscleAnalysis + evaluationOnly
    }

    /// The files of a trial folder named as `layout` says (by default ik.mot, id.sto, load.sto, emg.sto,
    /// emg_raw.sto), with its MuscleAnalysis_*.sto and truth_*.sto; all but the kinematics are optional.
    /// The name is the folder's.
    public static func inFolder(_ folder: String, layout: TrialFolderLayout = TrialFolderLayout()) throws -> TrialFiles {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw InputError(file: folder, message: "expected a trial folder, but it cannot be listed")
        }
        func path(_ name: String?) -> String? { name.flatMap { names.contains($0) ? "\(folder)/\($0)" : nil } }
        guard let kinematics = layout.kinematics.lazy.compactMap(path).first else {
            throw InputError(file: folder, message: "expected the trial's joint angles in \(layout.kinematics[0]), found no such file")
        }
        return TrialFiles(
            name: URL(fileURLWithPath: folder).lastPathComponent, kinematics: kinematics,
            inverseDynamics: path(layout.inverseDynamics), load: path(layout.load), emg: path(layout.emg), rawEMG: path(layout.rawEMG),
            muscleAnalysis: names.filter { $0.contains("MuscleAnalysis_") && $0.hasSuffix(".sto") }.map { "\(folder)/\($0)" },
            evaluationOnly: names.filter { $0.hasPrefix("truth_") && $0.hasSuffix(".sto") }.map { "\(folder)/\($0)" })
    }

    /// The MuscleAnalysis file of `quantity` (`Length`, `MomentArm_r_elbow_flex`, ...), when the trial has one.
    public func muscleAnalysisFile(_ quantity: String) -> String? {
        muscleAnalysis.first { Trial.muscleAnalysisQuantity($0) == quantity }
    }

    /// Every path, for hashing inputs or listing them.
    public var allPaths: [String] {
        [kinematics] + [inverseDynamics, load, emg, rawEMG].compactMap { $0 } + muscleAnalysis + evaluationOnly
    }
}
