import Foundation

/// xoshiro256** (Blackman & Vigna 2018), seeded through SplitMix64: nmm's generator for weight
/// initialisation, simulated noise and synthetic data. Deterministic — never uses the system's entropy.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotate(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = rotate(s.3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in [0, 1) with 24 random bits (exactly representable as Float).
    public mutating func nextUniform() -> Float { Float(next() >> 40) * 0x1p-24 }

    /// Standard normal by the Box–Muller transform.
    public mutating func nextNormal() -> Float {
        let u1 = Double(next() >> 11) * 0x1p-53, u2 = Double(next() >> 11) * 0x1p-53
        return Float((-2 * Foundation.log(1 - u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2))
    }
}
