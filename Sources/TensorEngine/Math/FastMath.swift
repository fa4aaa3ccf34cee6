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
        var p: Float = 1.9875691500e-4
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        let y = p * r * r + r + 1
        return y * Float(bitPattern: UInt32(bitPattern: (whole &+ 127) &<< 23))
    }

    @inline(__always)
    static func erf(_ x: Float) -> Float {
        let a = Swift.abs(x)
        let t = 1 / (1 + 0.3275911 * a)
        var p: Float = 1.061405429
        p = p * t - 1.453152027
        p = p * t + 1.421413741
        p = p * t - 0.284496736
        p = p * t + 0.254829592
        let magnitude = 1 - p * t * exp(-a * a)
        return x < 0 ? -magnitude : magnitude
    }

    /// `output[i] = GELU(input[i])` (exact-erf form; `input` may equal `output`).
    static func gelu(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, _ count: Int) {
        for i in 0..<count {
            let x = input[i]
            output[i] = 0.5 * x * (1 + erf(x * 0.70710678118654752))
        }
    }

    /// `output[i] = gradient[i] · GELU'(input[i])`.
    static func geluBackward(_ input: UnsafePointer<Float>, _ gradient: UnsafePointer<Float>,
                             _ output: UnsafeMutablePointer<Float>, _ count: Int) {
        for i in 0..<count {
            let x = input[i]
            let cdf = 0.5 * (1 + erf(x * 0.70710678118654752))
            let density = 0.39894228040143268 * exp(-0.5 * x * x)
            output[i] = gradient[i] * (cdf + x * density)
        }
    }

    /// Softmax of `count` contiguous values, stable (the maximum is subtracted first).
    static func softmaxRow(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, _ count: Int) {
        var largest = -Float.infinity
        for j in 0..<count { largest = Swift.max(largest, input[j]) }
        var total: Float = 0
        for j in 0..<count {
            let e = exp(input[j] - largest)
            output[j] = e
            total += e
        }
        let scale = 1 / total
        for j in 0..<count { output[j] *= scale }
    }
}
