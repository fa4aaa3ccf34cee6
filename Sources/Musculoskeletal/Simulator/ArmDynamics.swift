import Foundation

/// A planar two-link arm in the sagittal plane: upper arm rotating at the shoulder (elevation q₁, 0 = hanging),
/// forearm + hand at the elbow (flexion q₂), gravity along −y, and a load held at the hand: a point mass and/or a
/// vertical cable force. Its inverse dynamics give the shoulder and elbow torques that produce a motion.
///
/// ``arm26`` takes the segment masses, centres of mass and inertias of OpenSim's arm26 model; its hand point
/// (0.2615 m along the forearm, 2.4 mm behind its axis) was fitted by least squares to arm26-lifting/S01's elbow
/// inverse dynamics. Against OpenSim's id.sto on S01's noise-free kinematics this planar model gives the elbow torque
/// to ≤ 0.5 % of peak (RMS), the shoulder to ~2 % (arm26's joint axes are tilted a few degrees out of plane).
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
    /// Distance of the hand point, where loads act, along the forearm from the elbow (m).
    public var handDistance: Double
    /// Offset of the hand point perpendicular to the forearm, positive anterior when the arm hangs (m).
    public var handOffset: Double
    /// Gravitational acceleration (m/s²).
    public var gravity: Double

    /// arm26's segments (OpenSim models collection, CC BY 3.0).
    public static let arm26 = ArmDynamics(
        upperArm: Segment(mass: 1.864572, centerOfMass: 0.180496, inertia: 0.013193),
        forearm: Segment(mass: 1.534315, centerOfMass: 0.181479, inertia: 0.020062),
        upperArmLength: 0.2904, handDistance: 0.26150, handOffset: -0.00236, gravity: 9.80665)

    /// Shoulder and elbow torques (N·m, positive elevating / flexing) for angles `q`, speeds `qd` and accelerations
    /// `qdd` (each [shoulder, elbow], rad), holding `loadMass` (kg) at the hand pulled up by `cableForce` (N).
    public func inverseDynamics(q: [Double], qd: [Double], qdd: [Double], loadMass: Double, cableForce: Double) -> [Double] {
        precondition(q.count == 2 && qd.count == 2 && qdd.count == 2, "two coordinates: shoulder, elbow")
        // Points of the forearm frame at (along, across) sit at distance d and angle β from its axis:
        // a·u(θ) + b·n(θ) = d·u(θ + β), u(θ) = (sin θ, −cos θ), n = du/dθ. The forearm with the load is one body.
        let m2 = forearm.mass + loadMass
        let along = (forearm.mass * forearm.centerOfMass + loadMass * handDistance) / m2
        let across = loadMass * handOffset / m2
        let c2 = (along * along + across * across).squareRoot(), beta2 = atan2(across, along)
        let i2 = forearm.inertia + forearm.mass * (pow(forearm.centerOfMass - along, 2) + across * across)
            + loadMass * (pow(handDistance - along, 2) + pow(handOffset - across, 2))
        let hand = (handDistance * handDistance + handOffset * handOffset).squareRoot(), betaHand = atan2(handOffset, handDistance)
        let (m1, c1, i1, l1) = (upperArm.mass, upperArm.centerOfMass, upperArm.inertia, upperArmLength)
        let sinShoulder = sin(q[0])
        let m11 = i1 + m1 * c1 * c1 + i2 + m2 * (l1 * l1 + c2 * c2 + 2 * l1 * c2 * cos(q[1] + beta2))
        let m12 = i2 + m2 * (c2 * c2 + l1 * c2 * cos(q[1] + beta2))
        let m22 = i2 + m2 * c2 * c2
        let h = m2 * l1 * c2 * sin(q[1] + beta2)
        // The cable pulls the hand up: its generalised forces are Jᵀ·(0, F).
        let sinHand = sin(q[0] + q[1] + betaHand)
        let cableShoulder = cableForce * (l1 * sinShoulder + hand * sinHand)
        let cableElbow = cableForce * hand * sinHand
        let sinForearm = sin(q[0] + q[1] + beta2)
        let shoulder = m11 * qdd[0] + m12 * qdd[1] - h * (2 * qd[0] * qd[1] + qd[1] * qd[1])
            + gravity * (m1 * c1 * sinShoulder + m2 * (l1 * sinShoulder + c2 * sinForearm)) - cableShoulder
        let elbow = m12 * qdd[0] + m22 * qdd[1] + h * qd[0] * qd[0] + gravity * m2 * c2 * sinForearm - cableElbow
        return [shoulder, elbow]
    }
}
