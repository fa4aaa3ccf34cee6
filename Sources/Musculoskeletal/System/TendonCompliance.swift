/// Which tendons a fit, a prediction or check-physics models as compliant (`--tendons`).
public enum TendonCompliance: String, Sendable, Codable, CaseIterable {
    /// Every tendon rigid, as if the .osim said `ignore_tendon_compliance` true for all.
    case rigid
    /// Every tendon compliant: fibre length a state solved frame by frame (``FiberVelocityRule``).
    case compliant
    /// Each muscle as its .osim's `ignore_tendon_compliance` says (OpenSim's own choice; the default).
    case model

    /// Whether a muscle whose .osim says `ignore_tendon_compliance = ignoresCompliance` gets a rigid tendon.
    public func isRigid(ignoreTendonCompliance ignoresCompliance: Bool) -> Bool {
        switch self {
        case .rigid: return true
        case .compliant: return false
        case .model: return ignoresCompliance
        }
    }
}
