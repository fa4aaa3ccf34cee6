#if TENSOR_ENGINE_AVX2
import _Builtin_intrinsics.intel
#endif

/// Branch-free Float32 elementary functions whose loops the compiler vectorises.
///
/// `exp` follows Cephes' `expf` (range reduction by ln 2 split in two parts, degree-6 polynomial,
/// exponent assembled from bits): relative error below 2e-7 over [-87, 88], clamped outside.
/// `erf` is Abramowitz & Stegun 7.1.26 (formula error 1.5e-7; evaluated in Float32, below 5e-7,
/// a few units in the last place of values near 1) — which is why GELU can use it in place of `erff`.
enum FastMath {
    @inline(__always)
    static func exp(_ value: Float) -> Float {
        let x = Swift.min(Swift.max(value, -87), 88)
        let shifted = x * 1.44269504088896341 + 12582912
        let n = shifted - 12582912
        let whole = Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000
        let r = x - n * 0.693359375 + n * 2.12194440e-4
        // Horner steps as fused multiply-adds (one rounding each, and one instruction with FMA).
        var p: Float = 1.9875691500e-4
        p = (1.3981999507e-3 as Float).addingProduct(p, r)
        p = (8.3334519073e-3 as Float).addingProduct(p, r)
        p = (4.1665795894e-2 as Float).addingProduct(p, r)
        p = (1.6666665459e-1 as Float).addingProduct(p, r)
        p = (5.0000001201e-1 as Float).addingProduct(p, r)
        let y = (r + 1).addingProduct(p, r * r)
        return y * Float(bitPattern: UInt32(bitPattern: (whole &+ 127) &<< 23))
    }

    @inline(__always)
    static func erf(_ x: Float) -> Float { erfAndGaussian(x).erf }

    /// erf(x) and the e^(−x²) it computes on the way (GELU's derivative needs the latter).
    @inline(__always)
    static func erfAndGaussian(_ x: Float) -> (erf: Float, gaussian: Float) {
        let a = Swift.abs(x)
        let t = 1 / (1 + 0.3275911 * a)
        var p: Float = 1.061405429
        p = p * t - 1.453152027
        p = p * t + 1.421413741
        p = p * t - 0.284496736
        p = p * t + 0.254829592
        let gaussian = exp(-a * a)
        let magnitude = 1 - p * t * gaussian
        return (x < 0 ? -magnitude : magnitude, gaussian)
    }

    /// `values[i] = GELU(values[i])` in place (exact-erf form). One pointer, so the loop vectorises
    /// without a run-time overlap check.
    static func gelu(_ values: UnsafeMutablePointer<Float>, _ count: Int) {
        for i in 0..<count {
            let x = values[i]
            values[i] = 0.5 * x * (1 + erf(x * 0.70710678118654752))
        }
    }

    /// `values[i] = GELU(values[i] + bias[i])` in place: the bias of the layer before, added on the way.
    /// For inference: Φ(x) = ½(1 + erf(x/√2)) by Abramowitz & Stegun 7.1.28, `erf(a) = 1 − (1 + a₁a + … +
    /// a₆a⁶)^−16` (formula error 3e-7), which needs no `exp` and one reciprocal; for x < 0 it gives
    /// Φ = ½(…)^−16 without cancellation. Error of GELU below 1e-6 absolute over [−10, 10] (measured in
    /// Float32; `gelu` 5e-7), about half the instructions of the 7.1.26 form that training uses (whose
    /// e^(−x²) also serves the derivative).
    static func gelu(_ values: UnsafeMutablePointer<Float>, adding bias: UnsafePointer<Float>, _ count: Int) {
        for i in 0..<count {
            let x = values[i] + bias[i]
            let a = Swift.abs(x) * 0.70710678118654752
            var p: Float = 0.0000430638
            p = (0.0002765672 as Float).addingProduct(p, a)
            p = (0.0001520143 as Float).addingProduct(p, a)
            p = (0.0092705272 as Float).addingProduct(p, a)
            p = (0.0422820123 as Float).addingProduct(p, a)
            p = (0.0705230784 as Float).addingProduct(p, a)
            p = (1 as Float).addingProduct(p, a)
            let p2 = p * p, p4 = p2 * p2, p8 = p4 * p4
            let half = 0.5 / (p8 * p8)
            values[i] = x * (x < 0 ? half : 1 - half)
        }
    }

    /// GELU in place, also writing GELU'(x) = Φ(x) + x·φ(x) to `derivative`, where φ(x) reuses the
    /// e^(−x²/2) computed inside erf(x/√2).
    static func geluWithDerivative(_ values: UnsafeMutablePointer<Float>, _ derivative: UnsafeMutablePointer<Float>,
                                   _ count: Int) {
        for i in 0..<count {
            let x = values[i]
            let (e, gaussian) = erfAndGaussian(x * 0.70710678118654752)
            let cdf = 0.5 * (1 + e)
            values[i] = x * cdf
            derivative[i] = cdf + x * 0.39894228040143268 * gaussian
        }
    }

    /// Softmax of `count` contiguous values in place, stable (the maximum is subtracted first).
    static func softmax(_ values: UnsafeMutablePointer<Float>, _ count: Int) {
        let largest = maximum(values, count)
        for j in 0..<count { values[j] = exp(values[j] - largest) }
        let scale = 1 / sum(values, count)
        for j in 0..<count { values[j] *= scale }
    }

    /// Softmax of each of `rows` rows of `count` contiguous values given in base 2 (scores already
    /// multiplied by log₂e; attention folds that factor into its query weights), without the final
    /// division: `values[j] = 2^(values[j] − max)` in place, and `inverseSums[row]` = 1 / Σ, by which
    /// the caller scales whatever it computes from the row (attention scales its output rows, `d`
    /// values, instead of the `count` probabilities). Eight lanes at a time with
    /// `powerOfTwoOfNonPositive`; a remainder of fewer than 8 per row uses `exp` (of the value
    /// times ln 2). One call per block keeps the loop's constants in registers across rows.
    static func unnormalizedSoftmax(_ values: UnsafeMutablePointer<Float>, rows: Int, count: Int,
                                    inverseSums: UnsafeMutablePointer<Float>) {
        if count == 64 {
            for row in 0..<rows { inverseSums[row] = unnormalizedSoftmax64(UnsafeMutableRawPointer(values + row * 64)) }
            return
        }
        let vectors = count / 8
        for row in 0..<rows {
            let start = values + row * count, raw = UnsafeMutableRawPointer(start)
            var largestLanes = SIMD8<Float>(repeating: -.infinity)
            for v in 0..<vectors {
                let x = raw.loadUnaligned(fromByteOffset: v * 32, as: SIMD8<Float>.self)
                largestLanes = largestLanes.replacing(with: x, where: x .> largestLanes)
            }
            let low = largestLanes.lowHalf, high = largestLanes.highHalf
            let half = low.replacing(with: high, where: high .> low)
            var largest = Swift.max(Swift.max(half[0], half[1]), Swift.max(half[2], half[3]))
            for j in (vectors * 8)..<count { largest = Swift.max(largest, start[j]) }
            var totals = SIMD8<Float>.zero
            for v in 0..<vectors {
                let e = powerOfTwoOfNonPositive(raw.loadUnaligned(fromByteOffset: v * 32, as: SIMD8<Float>.self) - largest)
                raw.storeBytes(of: e, toByteOffset: v * 32, as: SIMD8<Float>.self)
                totals += e
            }
            var total = horizontalSum(totals)
            for j in (vectors * 8)..<count {
                start[j] = exp((start[j] - largest) * 0.69314718055994531)
                total += start[j]
            }
            inverseSums[row] = 1 / total
        }
    }

    /// `unnormalizedSoftmax` of one row of 64 values (the benchmark's window length) held in eight
    /// registers: maximum and sum as trees, the eight exponentials independent of each other.
    @inline(__always)
    private static func unnormalizedSoftmax64(_ row: UnsafeMutableRawPointer) -> Float {
        typealias V = SIMD8<Float>
        @inline(__always) func load(_ i: Int) -> V { row.loadUnaligned(fromByteOffset: i * 32, as: V.self) }
        @inline(__always) func larger(_ a: V, _ b: V) -> V { lanewiseMaximum(a, b) }
        let x0 = load(0), x1 = load(1), x2 = load(2), x3 = load(3), x4 = load(4), x5 = load(5), x6 = load(6), x7 = load(7)
        let lanes = larger(larger(larger(x0, x1), larger(x2, x3)), larger(larger(x4, x5), larger(x6, x7)))
        let half = larger(SIMD8(lowHalf: lanes.lowHalf, highHalf: lanes.lowHalf), SIMD8(lowHalf: lanes.highHalf, highHalf: lanes.highHalf)).lowHalf
        let largest = Swift.max(Swift.max(half[0], half[1]), Swift.max(half[2], half[3]))
        let e0 = powerOfTwoOfNonPositive(x0 - largest), e1 = powerOfTwoOfNonPositive(x1 - largest)
        let e2 = powerOfTwoOfNonPositive(x2 - largest), e3 = powerOfTwoOfNonPositive(x3 - largest)
        let e4 = powerOfTwoOfNonPositive(x4 - largest), e5 = powerOfTwoOfNonPositive(x5 - largest)
        let e6 = powerOfTwoOfNonPositive(x6 - largest), e7 = powerOfTwoOfNonPositive(x7 - largest)
        @inline(__always) func store(_ i: Int, _ e: V) { row.storeBytes(of: e, toByteOffset: i * 32, as: V.self) }
        store(0, e0); store(1, e1); store(2, e2); store(3, e3); store(4, e4); store(5, e5); store(6, e6); store(7, e7)
        return 1 / horizontalSum(((e0 + e1) + (e2 + e3)) + ((e4 + e5) + (e6 + e7)))
    }

    /// The larger of `a` and `b` in each lane: one `vmaxps` in release builds for x86-64 with AVX2
    /// (`TENSOR_ENGINE_AVX2`, set by `Package.swift` beside `-target-cpu haswell`), where the compiler
    /// turns a tree of `replacing(with:where:)` maxima into compares and blends on half-width registers.
    @inline(__always)
    static func lanewiseMaximum(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
        #if TENSOR_ENGINE_AVX2
        _mm256_max_ps(a, b)
        #else
        a.replacing(with: b, where: b .> a)
        #endif
    }

    /// e^x in eight lanes for x ≤ 0: `powerOfTwoOfNonPositive(x·log₂e)`. Relative error below 2.5e-7
    /// for x ≥ −1 and 5e-7 for x ≥ −5 in Float32 (the rounding of x·log₂e grows with |x|: 2e-6 at −30,
    /// where e^x is 1e-13).
    @inline(__always)
    static func exponentialOfNonPositive(_ value: SIMD8<Float>) -> SIMD8<Float> {
        powerOfTwoOfNonPositive(value * 1.44269504088896341)
    }

    /// 2^y in eight lanes for y ≤ 0 (clamped below at −126, the smallest normal power): 2^n·2^f with n
    /// the nearest integer and f in [−½, ½], a degree-5 minimax polynomial for 2^f (fitted here; formula
    /// error 7.5e-8, relative error below 2.5e-7 in Float32). Adding 1.5·2²³ + 127 rounds y to n and
    /// leaves n + 127 in the low mantissa bits, which shifted into the exponent field give 2^n (the
    /// high bits of 1.5·2²³ shift out).
    @inline(__always)
    static func powerOfTwoOfNonPositive(_ value: SIMD8<Float>) -> SIMD8<Float> {
        let y = value.replacing(with: -126, where: value .< -126)
        let shifted = y + 12583039
        let f = y - (shifted - 12583039)
        var p = SIMD8<Float>(repeating: 1.327647178e-3)
        p = SIMD8(repeating: 9.675541333e-3).addingProduct(p, f)
        p = SIMD8(repeating: 5.550713274e-2).addingProduct(p, f)
        p = SIMD8(repeating: 2.402211972e-1).addingProduct(p, f)
        p = SIMD8(repeating: 6.931469671e-1).addingProduct(p, f)
        p = SIMD8(repeating: 1.000000072).addingProduct(p, f)
        return p * unsafeBitCast(unsafeBitCast(shifted, to: SIMD8<Int32>.self) &<< 23, to: SIMD8<Float>.self)
    }

    // Reductions with eight independent partial results: Swift keeps floating-point additions in
    // source order, so a plain `total += x[i]` loop is one long dependency chain and never vectorises.

    /// Σ values[0..<count].
    @inline(__always)
    static func sum(_ values: UnsafePointer<Float>, _ count: Int) -> Float {
        var partial = SIMD8<Float>.zero
        var i = 0
        while i + 8 <= count {
            partial += UnsafeRawPointer(values + i).loadUnaligned(as: SIMD8<Float>.self)
            i += 8
        }
        var total = horizontalSum(partial)
        while i < count { total += values[i]; i += 1 }
        return total
    }

    /// Σ a[i]·b[i] over `count` elements.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
        var partial = SIMD8<Float>.zero
        var i = 0
        while i + 8 <= count {
            partial += UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self)
                * UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self)
            i += 8
        }
        var total = horizontalSum(partial)
        while i < count { total += a[i] * b[i]; i += 1 }
        return total
    }

    @inline(__always)
    private static func horizontalSum(_ v: SIMD8<Float>) -> Float {
        let half = v.lowHalf + v.highHalf
        return (half[0] + half[2]) + (half[1] + half[3])
    }

    /// The largest of `count` (> 0) values, with four independent comparison chains.
    @inline(__always)
    static func maximum(_ values: UnsafePointer<Float>, _ count: Int) -> Float {
        var m0 = -Float.infinity, m1 = m0, m2 = m0, m3 = m0
        var i = 0
        while i + 4 <= count {
            m0 = values[i] > m0 ? values[i] : m0
            m1 = values[i + 1] > m1 ? values[i + 1] : m1
            m2 = values[i + 2] > m2 ? values[i + 2] : m2
            m3 = values[i + 3] > m3 ? values[i + 3] : m3
            i += 4
        }
        while i < count { m0 = values[i] > m0 ? values[i] : m0; i += 1 }
        let a = m0 > m1 ? m0 : m1, b = m2 > m3 ? m2 : m3
        return a > b ? a : b
    }
}
