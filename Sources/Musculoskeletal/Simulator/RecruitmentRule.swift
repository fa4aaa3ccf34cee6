/// How the simulated subject shares a joint torque among its muscles: per frame it minimises Σ wᵢ·aᵢ² subject to
/// Σ rᵢ·Fᵢ(aᵢ) = τ and floor ≤ aᵢ ≤ 1, where the rigid-tendon force Fᵢ(a) = Aᵢ·a + Pᵢ is affine in activation.
/// Personal weights wᵢ are the subject's preferences; the floor is co-contraction, rising with the torque and the
/// joint speed as people stiffen the joint for heavier, faster movements.
public struct RecruitmentRule: Sendable, Equatable, Codable {
    /// Effort weight wᵢ of each muscle (higher = recruited less).
    public var weights: [Double]
    /// Co-contraction floor at rest.
    public var baseFloor: Double
    /// Floor added per 10 N·m of |torque|.
    public var floorPerTorque: Double
    /// Floor added per rad/s of joint speed.
    public var floorPerSpeed: Double

    /// The activation floor at torque `torque` (N·m) and joint speed `speed` (rad/s), at most 0.3.
    public func floor(torque: Double, speed: Double) -> Double {
        min(0.3, baseFloor + floorPerTorque * abs(torque) / 10 + floorPerSpeed * abs(speed))
    }

    /// Activations meeting `torque` given each muscle's torque per unit activation `gain` (rᵢ·Aᵢ) and passive
    /// torque (Σ rᵢ·Pᵢ), every activation in [floor, 1]. The optimum is aᵢ(λ) = clip(λ·gainᵢ/wᵢ, floor, 1) (KKT), and
    /// the torque it makes grows monotonically with the multiplier λ, so λ is found by bisection; nil when even
    /// saturated muscles cannot meet the torque.
    public func activations(torque: Double, gain: [Double], passiveTorque: Double, floor: Double) -> [Double]? {
        precondition(gain.count == weights.count, "one gain per muscle")
        func clipped(_ lambda: Double) -> [Double] {
            gain.indices.map { min(1, max(floor, lambda * gain[$0] / weights[$0])) }
        }
        func netTorque(_ lambda: Double) -> Double {
            zip(clipped(lambda), gain).reduce(passiveTorque) { $0 + $1.0 * $1.1 }
        }
        // Beyond ±bound every muscle with a moment arm is saturated.
        let bound = gain.indices.filter { gain[$0] != 0 }.map { weights[$0] / abs(gain[$0]) }.max() ?? 0
        var (low, high) = (-bound, bound)
        let tolerance = 1e-12 * max(1, abs(torque))
        guard netTorque(low) <= torque + tolerance, netTorque(high) >= torque - tolerance else { return nil }
        for _ in 0..<200 where high - low > 1e-15 * bound {
            let middle = (low + high) / 2
            if netTorque(middle) < torque { low = middle } else { high = middle }
        }
        return clipped((low + high) / 2)
    }
}
