import Foundation

/// A planar two-link arm in the sagittal plane: upper arm rotating at the shoulder (elevation q₁, 0 = hanging),
/// forearm + hand at the elbow (flexion q₂), gravity along −y, and a load held at the hand: a point mass and/or a
/// vertical cable force. Its inverse dynamics give the shoulder and elbow torques that produce a motion.
///
/// ``arm26`` takes the segment masses, centres of mass and inertias of OpenSim's arm26 model; its hand point
/// (0.2615 m along the forearm) was fitted to arm26-lifting/S01's inverse dynamics. Against OpenSim's id.sto on
/// S01's noise-free kinematics this planar model gives the elbow torque to 0.3 % of peak (RMS), the shoulder to ~2 %
/// (arm26's joint axes are tilted a few degrees out of plane).
public struct ArmDynamics: Sendable, Equatable {
    /// One rigid segment.
    public struct Segment: Sendable, Equatable {
        /// Mass (kg).
        public var mass: Double
        /// Distance from the proximal joint to the centre of mass along the segment (m).
        public var centerOfMass: Double
        /// Moment of inertia about the centre of mass, perpendicular to the plane (kg·m²).
        public var inertia: Double
    }

    /// The upper arm (r_humerus).
    public var upperArm: Segment
    /// The forearm and hand (r_ulna_radius_hand).
    public var forearm: Segment
    /// Shoulder-to-elbow distance (m).
    public var upperArmLength: Double
    /// Elbow-to-hand distance, where loads act (m).
    public var handDistance: Double
    /// Gravitational acceleration (m/s²).
    public var gravity: Double

    /// arm26's segments (OpenSim models collection, CC BY 3.0).
    public static let arm26 = ArmDynamics(
        upperArm: Segment(mass: 1.864572, centerOfMass: 0.180496, inertia: 0.013193),
        forearm: Segment(mass: 1.534315, centerOfMass: 0.181479, inertia: 0.020062),
        upperArmLength: 0.2904, handDistance: 0.2615, gravity: 9.80665)

    /// Shoulder and elbow torques (N·m, positive elevating / flexing) for angles `q`, speeds `qd` and accelerations
    /// `qdd` (each [shoulder, elbow], rad), holding `loadMass` (kg) at the hand pulled up by `cableForce` (N).
    public func inverseDynamics(q: [Double], qd: [Double], qdd: [Double], loadMass: Double, cableForce: Double) -> [Double] {
        precondition(q.count == 2 && qd.count == 2 && qdd.count == 2, "two coordinates: shoulder, elbow")
        // The forearm with the load as one body: combined mass, centre of mass and inertia about it.
        let m2 = forearm.mass + loadMass
        let c2 = (forearm.mass * forearm.centerOfMass + loadMass * handDistance) / m2
        let i2 = forearm.inertia + forearm.mass * pow(forearm.centerOfMass - c2, 2) + loadMass * pow(handDistance - c2, 2)
        let (m1, c1, i1, l1) = (upperArm.mass, upperArm.centerOfMass, upperArm.inertia, upperArmLength)
        let cosElbow = cos(q[1]), sinElbow = sin(q[1]), sinShoulder = sin(q[0]), sinArm = sin(q[0] + q[1])
        let m11 = i1 + m1 * c1 * c1 + i2 + m2 * (l1 * l1 + c2 * c2 + 2 * l1 * c2 * cosElbow)
        let m12 = i2 + m2 * (c2 * c2 + l1 * c2 * cosElbow)
        let m22 = i2 + m2 * c2 * c2
        let h = m2 * l1 * c2 * sinElbow
        // The cable pulls the hand up: its generalised forces are Jᵀ·(0, F).
        let cableShoulder = cableForce * (l1 * sinShoulder + handDistance * sinArm)
        let cableElbow = cableForce * handDistance * sinArm
        let shoulder = m11 * qdd[0] + m12 * qdd[1] - h * (2 * qd[0] * qd[1] + qd[1] * qd[1])
            + gravity * (m1 * c1 * sinShoulder + m2 * (l1 * sinShoulder + c2 * sinArm)) - cableShoulder
        let elbow = m12 * qdd[0] + m22 * qdd[1] + h * qd[0] * qd[0] + gravity * m2 * c2 * sinArm - cableElbow
        return [shoulder, elbow]
    }
}
