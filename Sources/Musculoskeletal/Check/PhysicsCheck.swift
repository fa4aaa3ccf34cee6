import BiomechIO
import Foundation

/// How closely nmm's muscle model, fed a trial's true activations, reproduces OpenSim.
public struct PhysicsCheckResult: Sendable, Equatable, Codable {
    /// The trial folder's name.
    public var name: String
    /// R² of the model's joint torque against inverse dynamics (id.sto).
    public var r2: Double
    /// RMSE of the torque as a percentage of the trial's peak |inverse-dynamics torque|.
    public var rmsePercentOfPeak: Double
    /// The worst muscle's largest force error as a percentage of that muscle's peak true force.
    public var forceErrorPercentOfPeak: Double
    /// The muscle with that worst force error.
    public var worstMuscle: String

    enum CodingKeys: String, CodingKey {
        case name, r2, rmsePercentOfPeak = "rmse_pct_peak", forceErrorPercentOfPeak = "force_err_pct", worstMuscle = "worst_muscle"
    }
}

/// `nmm check-physics`: the muscle models fits use (``MuscleModels/model(for:tendons:)``) against a subject OpenSim made.
///
/// Per trial: truth_activation.sto and the muscles of truth_model.osim go through the muscle model (rigid or
/// compliant tendons as `tendons` says) on the MuscleAnalysis lengths (velocity by ``LengtheningVelocity``); Σ r·F
/// about `coordinate` is compared with the `<coordinate>_moment` column of id.sto and the forces with truth_force.sto.
public enum PhysicsCheck {
    /// Checks every trial folder of `subjectDirectory` that holds a truth_activation.sto, in name order.
    public static func run(subjectDirectory: String, coordinate: String = "r_elbow_flex", tendons: TendonCompliance = .model) throws -> [PhysicsCheckResult] {
        let modelPath = (subjectDirectory as NSString).appendingPathComponent("truth_model.osim")
        let muscles = try OSimFile.read(modelPath).muscles.map { MuscleModels.model(for: $0, tendons: tendons).muscle }
        let trials = try FileManager.default.contentsOfDirectory(atPath: subjectDirectory).sorted().filter { name in
            FileManager.default.fileExists(atPath: (subjectDirectory as NSString).appendingPathComponent("\(name)/truth_activation.sto"))
        }
        guard !trials.isEmpty else {
            throw InputError(file: subjectDirectory, message: "expected trial folders holding truth_activation.sto")
        }
        return try trials.map { try check(trialDirectory: (subjectDirectory as NSString).appendingPathComponent($0), muscles: muscles, coordinate: coordinate) }
    }

    /// Checks one trial folder with the given muscles.
    public static func check(trialDirectory: String, muscles: [any MuscleModel], coordinate: String) throws -> PhysicsCheckResult {
        func path(_ file: String) -> String { (trialDirectory as NSString).appendingPathComponent(file) }
        let geometry = try MusculotendonGeometry.readMuscleAnalysis(directory: trialDirectory, muscles: muscles.map(\.name))
        let activation = try aligned(StorageFile.read(path("truth_activation.sto")), to: geometry.time, file: path("truth_activation.sto"))
        let truthForce = try aligned(StorageFile.read(path("truth_force.sto")), to: geometry.time, file: path("truth_force.sto"))
        let inverseDynamics = try aligned(StorageFile.read(path("id.sto")), to: geometry.time, file: path("id.sto"))
        guard let momentArms = geometry.momentArms(about: coordinate) else {
            throw InputError(file: path("MuscleAnalysis_MomentArm_\(coordinate).sto"), message: "expected moment arms about '\(coordinate)'")
        }
        let torqueLabel = "\(coordinate)_moment"
        guard let measuredTorque = inverseDynamics.column(torqueLabel) else {
            throw InputError(file: path("id.sto"), field: torqueLabel, message: "expected a column '\(torqueLabel)'")
        }
        let velocity = geometry.lengtheningVelocity()
        var forces: [[Double]] = []
        var worst = (error: -1.0, muscle: "")
        for (m, muscle) in muscles.enumerated() {
            guard let a = activation.column(muscle.name) else {
                throw InputError(file: path("truth_activation.sto"), field: muscle.name, message: "expected a column for muscle '\(muscle.name)'")
            }
            guard let truth = truthForce.column(muscle.name) else {
                throw InputError(file: path("truth_force.sto"), field: muscle.name, message: "expected a column for muscle '\(muscle.name)'")
            }
            let force = muscle.forces(activation: a, musculotendonLength: geometry.length[m], musculotendonVelocity: velocity[m],
                                      sampleInterval: geometry.sampleInterval).force
            let peak = truth.map(abs).max() ?? 0
            let error = zip(force, truth).map { abs($0 - $1) }.max() ?? 0
            let percent = peak > 0 ? 100 * error / peak : 0
            if percent > worst.error { worst = (percent, muscle.name) }
            forces.append(force)
        }
        let torque = JointTorque.sum(momentArms: momentArms, forces: forces)
        let fit = TorqueAgreement(model: torque, reference: measuredTorque)
        return PhysicsCheckResult(name: (trialDirectory as NSString).lastPathComponent, r2: fit.r2,
                                  rmsePercentOfPeak: fit.rmsePercentOfPeak, forceErrorPercentOfPeak: worst.error, worstMuscle: worst.muscle)
    }

    /// `series` on the geometry's time base: as is when the times agree, linearly resampled when they are merely
    /// within its span; an `InputError` naming `file` otherwise.
    static func aligned(_ series: TimeSeries, to time: [Double], file: String) throws -> TimeSeries {
        if series.time.count == time.count && zip(series.time, time).allSatisfy({ abs($0 - $1) < 1e-9 }) { return series }
        guard let first = series.time.first, let last = series.time.last, let start = time.first, let end = time.last,
              first <= start + 1e-9, last >= end - 1e-9 else {
            throw InputError(file: file, message: "expected samples covering the MuscleAnalysis times \(time.first ?? 0)-\(time.last ?? 0) s")
        }
        return series.resampled(onto: time)
    }
}
