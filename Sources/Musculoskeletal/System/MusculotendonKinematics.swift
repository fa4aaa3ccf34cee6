/// Musculotendon lengths, lengthening velocities and moment arms of the model's muscles over one trial, as
/// OpenSim's MuscleAnalysis gives them (`Length`, `MomentArm_<coordinate>`), on the trial's time base.
public struct MusculotendonKinematics: Sendable, Equatable {
    /// Muscle names, the order of every per-muscle array.
    public var muscles: [String]
    /// Coordinates the moment arms are about, the order of `momentArm`'s first index.
    public var coordinates: [String]
    /// `length[muscle][frame]` (m).
    public var length: [[Double]]
    /// `velocity[muscle][frame]` (m/s), the time derivative of the low-pass filtered length.
    public var velocity: [[Double]]
    /// `momentArm[coordinate][muscle][frame]` (m).
    public var momentArm: [[[Double]]]

    /// Collects the arrays; their shapes must agree (a programmer error otherwise).
    public init(muscles: [String], coordinates: [String], length: [[Double]], velocity: [[Double]], momentArm: [[[Double]]]) {
        precondition(length.count == muscles.count && velocity.count == muscles.count, "geometry: one length and velocity series per muscle")
        precondition(momentArm.count == coordinates.count && momentArm.allSatisfy { $0.count == muscles.count }, "geometry: moment arms per coordinate and muscle")
        self.muscles = muscles; self.coordinates = coordinates
        self.length = length; self.velocity = velocity; self.momentArm = momentArm
    }

    /// The number of frames.
    public var frameCount: Int { length.first?.count ?? 0 }
}
