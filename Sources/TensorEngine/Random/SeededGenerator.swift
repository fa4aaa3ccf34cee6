import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny generator used to expand one seed into the state
/// of `Xoshiro256StarStar`. Same seed, same numbers, on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman & Vigna 2018), seeded through SplitMix64: the engine's generator for
/// weight initialisation and synthetic data. Deterministic — never uses the system's entropy.
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

extension Tensor {
    /// Values drawn uniformly from `[lower, upper)`.
    public convenience init(uniform shape: [Int], lower: Float, upper: Float, using generator: inout Xoshiro256StarStar,
                            requiresGrad: Bool = false) {
        self.init(uninitializedShape: shape)
        for i in 0..<count { storage.pointer[i] = lower + (upper - lower) * generator.nextUniform() }
        self.requiresGrad = requiresGrad
    }

    /// Values drawn from a normal distribution.
    public convenience init(normal shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
                            using generator: inout Xoshiro256StarStar, requiresGrad: Bool = false) {
        self.init(uninitializedShape: shape)
        for i in 0..<count { storage.pointer[i] = mean + standardDeviation * generator.nextNormal() }
        self.requiresGrad = requiresGrad
    }
}
