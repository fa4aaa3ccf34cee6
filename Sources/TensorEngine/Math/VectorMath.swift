/// Branch-free `exp` and `log` of eight Float32 lanes at once, for fused kernels written outside
/// TensorEngine with explicit `SIMD8<Float>` (e.g. the muscle model's force kernel).
///
/// `exp` is the algorithm of `FastMath.exp` (Cephes `expf`: relative error below 2e-7 over
/// [-87, 88], clamped outside); `log` is Cephes' `logf` (relative error below 2e-7 for positive
/// normal inputs; zero, negative, subnormal, infinite and NaN inputs are not handled).
/// Both are `@inlinable` so that they vectorise inside the caller, and both use separate multiply
/// and add (no `addingProduct`): a caller compiled for the x86-64 baseline has no FMA instruction,
/// where a fused multiply-add would become a library call per lane.
public enum VectorMath {
    /// e^x in each lane.
    @inlinable @inline(__always)
    public static func exp(_ value: SIMD8<Float>) -> SIMD8<Float> {
        // Clamped to [-87, 88] by selects (the standard library's pointwiseMin/Max are not inlined).
        let low = value.replacing(with: -87, where: value .< -87)
        let x = low.replacing(with: 88, where: low .> 88)
        let shifted = x * 1.44269504088896341 + 12582912
        let n = shifted - 12582912
        let whole = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let r = x - n * 0.693359375 + n * 2.12194440e-4
        var p = SIMD8<Float>(repeating: 1.9875691500e-4)
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        let y = p * (r * r) + r + 1
        return y * unsafeBitCast((whole &+ 127) &<< 23, to: SIMD8<Float>.self)
    }

    /// The natural logarithm of each (positive, normal) lane.
    @inlinable @inline(__always)
    public static func log(_ value: SIMD8<Float>) -> SIMD8<Float> {
        let bits = unsafeBitCast(value, to: SIMD8<Int32>.self)
        // value = m·2^e with m in [0.5, 1), then m in [√½, √2) by moving one factor 2 into e.
        var exponent = SIMD8<Float>(((bits &>> 23) & 0xFF) &- 126)
        var m = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F00_0000, to: SIMD8<Float>.self)
        let small = m .< 0.707106781186547524
        exponent = exponent.replacing(with: exponent - 1, where: small)
        m = m.replacing(with: m + m, where: small)
        let x = m - 1
        let z = x * x
        var p = SIMD8<Float>(repeating: 7.0376836292e-2)
        p = p * x - 1.1514610310e-1
        p = p * x + 1.1676998740e-1
        p = p * x - 1.2420140846e-1
        p = p * x + 1.4249322787e-1
        p = p * x - 1.6668057665e-1
        p = p * x + 2.0000714765e-1
        p = p * x - 2.4999993993e-1
        p = p * x + 3.3333331174e-1
        var y = p * x * z
        y = y + exponent * -2.12194440e-4
        y = y - 0.5 * z
        return x + y + exponent * 0.693359375
    }
}
