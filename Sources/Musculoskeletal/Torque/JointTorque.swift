/// Joint torque from muscle forces: τ_j = Σ_i r_ij · F_i (moment arm r = −∂l/∂q, so a shortening muscle
/// with positive moment arm drives the coordinate positive). Linear in both, so ∂τ/∂F_i = r_ij and ∂τ/∂r_ij = F_i.
public enum JointTorque {
    /// Torque at every frame from `momentArms[muscle][frame]` and `forces[muscle][frame]`.
    public static func sum<T: MuscleScalar>(momentArms: [[T]], forces: [[T]]) -> [T] {
        precondition(momentArms.count == forces.count, "one moment-arm series per force series")
        guard let frames = forces.first?.count else { return [] }
        var torque = [T](repeating: 0, count: frames)
        for (arm, force) in zip(momentArms, forces) {
            precondition(arm.count == frames && force.count == frames, "every series needs one value per frame")
            for k in 0..<frames { torque[k] += arm[k] * force[k] }
        }
        return torque
    }
}
