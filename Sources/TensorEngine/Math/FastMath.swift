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
    static func gelu(_ values: UnsafeMutablePointer<Float>, adding bias: UnsafePointer<Float>, _ count: Int) {
        for i in 0..<count {
            let x = values[i] + bias[i]
            values[i] = 0.5 * x * (1 + erf(x * 0.70710678118654752))
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

    /// Softmax of `count` contiguous values without the final division: `values[j] = e^(values[j] − max)`
    /// in place; returns 1 / Σ, by which the caller scales whatever it computes from the values
    /// (attention scales its output rows, `d` values, instead of the `count` probabilities).
    static func unnormalizedSoftmax(_ values: UnsafeMutablePointer<Float>, _ count: Int) -> Float {
        let largest = maximum(values, count)
        for j in 0..<count { values[j] = exp(values[j] - largest) }
        return 1 / sum(values, count)
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
