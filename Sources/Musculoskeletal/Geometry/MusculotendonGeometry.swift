import BiomechIO
import Foundation

/// Sampled musculotendon geometry of one trial: every muscle's length and its moment arms about each coordinate,
/// as OpenSim's MuscleAnalysis writes them (`<prefix>_Length.sto`, `<prefix>_MomentArm_<coordinate>.sto`).
public struct MusculotendonGeometry: Sendable, Equatable, Codable {
    /// Sample times (s).
    public var time: [Double]
    /// Muscle names, the order of every per-muscle array.
    public var muscles: [String]
    /// Coordinate names, the order of `momentArm`.
    public var coordinates: [String]
    /// Musculotendon length (m), `length[muscle][frame]`.
    public var length: [[Double]]
    /// Moment arm (m) = −∂length/∂q, `momentArm[coordinate][muscle][frame]`.
    public var momentArm: [[[Double]]]

    /// Collects sampled geometry; every array must have one value per time (a programmer error otherwise).
    public init(time: [Double], muscles: [String], coordinates: [String], length: [[Double]], momentArm: [[[Double]]]) {
        precondition(length.count == muscles.count && length.allSatisfy { $0.count == time.count }, "length must be [muscle][frame]")
        precondition(momentArm.count == coordinates.count && momentArm.allSatisfy { $0.count == muscles.count && $0.allSatisfy { $0.count == time.count } },
                     "momentArm must be [coordinate][muscle][frame]")
        self.time = time
        self.muscles = muscles
        self.coordinates = coordinates
        self.length = length
        self.momentArm = momentArm
    }

    /// Reads a trial folder's MuscleAnalysis files: `<prefix>_Length.sto` and every `<prefix>_MomentArm_<coordinate>.sto`
    /// (or only `coordinates` when given). `muscles` selects and orders the muscles (default: the length file's).
    /// Throws `InputError` naming the file when one is missing, lacks a muscle, or has other times than the length file.
    public static func readMuscleAnalysis(directory: String, prefix: String = "MuscleAnalysis",
                                          muscles: [String]? = nil, coordinates: [String]? = nil) throws -> MusculotendonGeometry {
        let lengthPath = (directory as NSString).appendingPathComponent("\(prefix)_Length.sto")
        let lengths = try StorageFile.read(lengthPath)
        let names = muscles ?? lengths.labels
        let momentArmPrefix = "\(prefix)_MomentArm_"
        let coordinateNames = try coordinates ?? FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix(momentArmPrefix) && $0.hasSuffix(".sto") }
            .map { String($0.dropFirst(momentArmPrefix.count).dropLast(4)) }
            .sorted()
        func columns(of series: TimeSeries, path: String) throws -> [[Double]] {
            guard series.time.count == lengths.time.count,
                  zip(series.time, lengths.time).allSatisfy({ abs($0 - $1) <= 1e-9 * max(1, abs($1)) }) else {
                throw InputError(file: path, message: "expected the same \(lengths.time.count) sample times as \(lengthPath)")
            }
            return try names.map { name in
                guard let column = series.column(name) else {
                    throw InputError(file: path, field: name, message: "expected a column for muscle '\(name)'")
                }
                return column
            }
        }
        let lengthColumns = try columns(of: lengths, path: lengthPath)
        let momentArms = try coordinateNames.map { coordinate in
            let path = (directory as NSString).appendingPathComponent("\(momentArmPrefix)\(coordinate).sto")
            return try columns(of: StorageFile.read(path), path: path)
        }
        return MusculotendonGeometry(time: lengths.time, muscles: names, coordinates: coordinateNames,
                                     length: lengthColumns, momentArm: momentArms)
    }

    /// The mean interval between samples (s); 0 with fewer than two.
    public var sampleInterval: Double {
        time.count >= 2 ? (time[time.count - 1] - time[0]) / Double(time.count - 1) : 0
    }

    /// Lengthening velocity (m/s) of every muscle, `[muscle][frame]`, by ``LengtheningVelocity``.
    /// Needs uniformly spaced samples (a programmer error otherwise).
    public func lengtheningVelocity() -> [[Double]] {
        guard time.count >= 2 else { return length.map { $0.map { _ in 0 } } }
        return length.map { LengtheningVelocity.of($0, sampleInterval: sampleInterval) }
    }

    /// Lengthening velocity (m/s) from joint speeds, `speeds[coordinate][frame]` in the order of `coordinates`:
    /// dl/dt = Σ ∂l/∂q·q̇ = −Σ r·q̇, what OpenSim computes from the model's generalised speeds.
    public func lengtheningVelocity(speeds: [[Double]]) -> [[Double]] {
        precondition(speeds.count == coordinates.count && speeds.allSatisfy { $0.count == time.count },
                     "speeds must be [coordinate][frame] in the geometry's coordinate order")
        return muscles.indices.map { m in
            time.indices.map { k in -coordinates.indices.reduce(0) { $0 + momentArm[$1][m][k] * speeds[$1][k] } }
        }
    }

    /// The moment arms about `coordinate`, `[muscle][frame]`, or nil when the geometry has no such coordinate.
    public func momentArms(about coordinate: String) -> [[Double]]? {
        coordinates.firstIndex(of: coordinate).map { momentArm[$0] }
    }

    /// Joint torque about `coordinate` at every frame: Σ over muscles of moment arm × force (`forces[muscle][frame]`).
    public func torque(about coordinate: String, forces: [[Double]]) -> [Double]? {
        momentArms(about: coordinate).map { JointTorque.sum(momentArms: $0, forces: forces) }
    }
}
