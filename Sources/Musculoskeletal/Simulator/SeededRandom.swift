import Foundation
import TensorEngine

/// Double-precision draws from TensorEngine's seeded xoshiro256** generator, so a seed fixes every simulated number.
struct SeededRandom {
    private var generator: Xoshiro256StarStar

    /// A stream determined by `seed`.
    init(seed: UInt64) { generator = Xoshiro256StarStar(seed: seed) }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func uniform() -> Double { Double(generator.next() >> 11) * 0x1p-53 }

    /// Uniform in `range`.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double { range.lowerBound + (range.upperBound - range.lowerBound) * uniform() }

    /// Standard normal (Box-Muller).
    mutating func normal() -> Double {
        let u = max(uniform(), 0x1p-60)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * uniform())
    }

    /// A child stream for one sub-task, so adding draws to one part does not shift the others.
    mutating func split() -> SeededRandom { SeededRandom(seed: generator.next()) }
}
