import Foundation
/// How the simulated subject shares a joint torque among its muscles: per frame it minimises Σ wᵢ·aᵢᵖ subject to
/// Σ rᵢ·Fᵢ(aᵢ) = τ and floor ≤ aᵢ ≤ 1, where the rigid-tendon force Fᵢ(a) = Aᵢ·a + Pᵢ is affine in activation.
/// Personal weights wᵢ are the subject's preferences; the floor is co-contraction, rising with the torque and the
/// joint speed as people stiffen the joint for heavier, faster movements. The criterion's exponent p is the subject's
/// too: 2 is static optimisation's usual sum of squares, 3 Crowninshield & Brand's (1981) endurance criterion; which
/// one people follow is not known, and it sets how a muscle's share grows with its capacity (aᵢ ∝ (rᵢ·Aᵢ/wᵢ)^(1/(p−1))).
public struct RecruitmentRule: Sendable, Equatable, Codable {
    /// Effort weight wᵢ of each muscle (higher = recruited less).
    public var weights: [Double]
    /// Co-contraction floor at rest.
    public var baseFloor: Double
    /// Floor added per 10 N·m of |torque|.
    public var floorPerTorque: Double
    /// Floor added per rad/s of joint speed.
    public var floorPerSpeed: Double
    /// The criterion's exponent p > 1.
    public var exponent: Double

    /// A rule; see the properties.
    public init(weights: [Double], baseFloor: Double, floorPerTorque: Double, floorPerSpeed: Double, exponent: Double = 2) {
        precondition(exponent > 1, "the criterion's exponent must exceed 1")
        self.weights = weights; self.baseFloor = baseFloor; self.floorPerTorque = floorPerTorque
        self.floorPerSpeed = floorPerSpeed; self.exponent = exponent
    }

    /// The activation floor at torque `torque` (N·m) and joint speed `speed` (rad/s), at most 0.3.
    public func floor(torque: Double, speed: Double) -> Double {
        min(0.3, baseFloor + floorPerTorque * abs(torque) / 10 + floorPerSpeed * abs(speed))
    }

    /// Activations meeting `torque` given each muscle's torque per unit activation `gain` (rᵢ·Aᵢ) and passive
    /// torque (Σ rᵢ·Pᵢ), every activation in [floor, 1]. The optimum is aᵢ(λ) = clip(s·|s|^(q−1), floor, 1) with
    /// s = λ·gainᵢ/wᵢ and q = 1/(p − 1) (KKT; the factor p is absorbed in λ), and the torque it makes grows
    /// monotonically with the multiplier λ, so λ is found by bisection; nil when even saturated muscles cannot meet the
    /// torque.
    public func activations(torque: Double, gain: [Double], passiveTorque: Double, floor: Double) -> [Double]? {
        precondition(gain.count == weights.count, "one gain per muscle")
        let q = 1 / (exponent - 1)
        func clipped(_ lambda: Double) -> [Double] {
            gain.indices.map { i in
                let share = lambda * gain[i] / weights[i]
                return min(1, max(floor, share > 0 ? pow(share, q) : -pow(-share, q)))
            }
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
