#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses decimal numbers straight from bytes, correctly rounded (the same Double as `strtod`).
///
/// A number is read as w × 10^q with an integer significand w of at most 19 digits. Three paths:
/// 1. Clinger's fast path: w < 2^53 and |q| ≤ 22 make w and 10^|q| exact Doubles, so one IEEE
///    multiplication or division rounds the exact result once — correctly.
/// 2. Exact integer arithmetic for |q| ≤ 19 (the 17-digit values OpenSim 4 writes): w × 10^q
///    or w · 2^s / 10^|q| in 128-bit integers, then rounded to 53 bits half-to-even by hand,
///    the division's remainder deciding ties (see `roundedToDouble`).
/// 3. Everything else (more than 19 digits, larger exponents) goes to the C library's `strtod`,
///    which is correctly rounded too, but about 200 ns a number here (glibc).
/// Accepted syntax: optional sign, digits with an optional point, optional exponent (`e`/`E`,
/// sign, digits), and `nan`, `inf`, `infinity` in any case.
enum DecimalParser {
    /// 10^0 ... 10^22: every one is exactly representable as a Double.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The number spelled by `count` bytes at `start`, or nil when they are not a number.
    @inline(__always)
    static func parse(_ start: UnsafePointer<UInt8>, count: Int) -> Double? {
        var index = 0
        var negative = false
        if count > 0, start[0] == UInt8(ascii: "-") || start[0] == UInt8(ascii: "+") {
            negative = start[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < count else { return nil }
        if !isDigit(start[index]) && start[index] != UInt8(ascii: ".") {
            guard let special = parseSpecial(start + index, count: count - index) else { return nil }
            return negative ? -special : special
        }

        var significand: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDigit = false
        var droppedNonZero = false
        while index < count, isDigit(start[index]) {
            let digit = UInt64(start[index] &- 48)
            sawDigit = true
            if significantDigits < 19 {
                if significand != 0 || digit != 0 {
                    significand = significand &* 10 &+ digit
                    significantDigits += 1
                }
            } else {
                exponent += 1
                droppedNonZero = droppedNonZero || digit != 0
            }
            index += 1
        }
        if index < count, start[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, isDigit(start[index]) {
                let digit = UInt64(start[index] &- 48)
                sawDigit = true
                if significantDigits < 19 {
                    if significand != 0 || digit != 0 {
                        significand = significand &* 10 &+ digit
                        significantDigits += 1
                    }
                    exponent -= 1
                } else {
                    droppedNonZero = droppedNonZero || digit != 0
                }
                index += 1
            }
        }
        guard sawDigit else { return nil }
        if index < count, start[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < count, start[index] == UInt8(ascii: "-") || start[index] == UInt8(ascii: "+") {
                exponentNegative = start[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < count, isDigit(start[index]) else { return nil }
            var written = 0
            while index < count, isDigit(start[index]) {
                if written < 100_000 { written = written * 10 + Int(start[index] &- 48) }
                index += 1
            }
            exponent += exponentNegative ? -written : written
        }
        guard index == count else { return nil }

        if significand == 0 { return negative ? -0.0 : 0.0 }
        let magnitude: Double
        if !droppedNonZero, significand <= 1 << 53, exponent >= -22, exponent <= 22 {
            magnitude = exponent < 0 ? Double(significand) / exactPowersOfTen[-exponent] : Double(significand) * exactPowersOfTen[exponent]
        } else if !droppedNonZero, exponent >= -19, exponent <= 19 {
            magnitude = exponent < 0 ? quotient(significand, dividedByTenToThe: -exponent) : product(significand, timesTenToThe: exponent)
        } else {
            return parseWithStrtod(start, count: count)
        }
        return negative ? -magnitude : magnitude
    }

    /// 10^0 ... 10^19 as integers (10^19 < 2^64).
    private static let integerPowersOfTen: [UInt64] = (0...19).map { power in (0..<power).reduce(UInt64(1)) { value, _ in value * 10 } }

    /// w × 10^q correctly rounded, for 0 ≤ q ≤ 19: the exact product fits in 128 bits.
    @inline(__always)
    private static func product(_ w: UInt64, timesTenToThe q: Int) -> Double {
        let (high, low) = w.multipliedFullWidth(by: integerPowersOfTen[q])
        if high == 0 { return roundedToDouble(low, sticky: false, binaryExponent: 0) }
        let shift = high.leadingZeroBitCount // top 64 bits of the product, the rest only as a sticky bit
        let top = shift == 0 ? high : (high << shift) | (low >> (64 - shift))
        return roundedToDouble(top, sticky: (low << shift) != 0, binaryExponent: 64 - shift)
    }

    /// w / 10^q correctly rounded, for 1 ≤ q ≤ 19 and w ≠ 0: with a = w shifted to fill 64 bits
    /// and d = 10^q whose top bit is bit p, the 128-bit N = a · 2^(64−j) with j = 64 − p has its
    /// high word below d, so N / d is a 63- or 64-bit quotient Q, and w / d = (Q + R/d) · 2^(j−64−lz(w)).
    @inline(__always)
    private static func quotient(_ w: UInt64, dividedByTenToThe q: Int) -> Double {
        let divisor = integerPowersOfTen[q]
        let leading = w.leadingZeroBitCount
        let a = w << leading
        let j = divisor.leadingZeroBitCount + 1 // 64 − p, with p = 63 − leadingZeroBitCount
        let (quotient, remainder) = divisor.dividingFullWidth((high: a >> j, low: a << (64 - j)))
        return roundedToDouble(quotient, sticky: remainder != 0, binaryExponent: j - 64 - leading)
    }

    /// (value + a fraction that is non-zero when `sticky`) × 2^binaryExponent, rounded to the
    /// nearest Double, ties to even. Exact for the exponent range the callers produce (no
    /// overflow, no subnormals: |result| is between 1e-19 and 2^128).
    @inline(__always)
    private static func roundedToDouble(_ value: UInt64, sticky: Bool, binaryExponent: Int) -> Double {
        let width = 64 - value.leadingZeroBitCount
        guard width > 53 else { return Double(sign: .plus, exponent: binaryExponent, significand: Double(value)) }
        var dropped = width - 53
        var mantissa = value >> dropped
        let rest = value & ((1 << dropped) - 1)
        let half: UInt64 = 1 << (dropped - 1)
        if rest > half || (rest == half && (sticky || mantissa & 1 == 1)) {
            mantissa += 1
            if mantissa == 1 << 53 {
                mantissa >>= 1
                dropped += 1
            }
        }
        return Double(sign: .plus, exponent: binaryExponent + dropped, significand: Double(mantissa))
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

    /// `nan`, `inf` or `infinity` (any case), else nil.
    private static func parseSpecial(_ start: UnsafePointer<UInt8>, count: Int) -> Double? {
        var word = ""
        for offset in 0..<min(count, 9) { word.unicodeScalars.append(Unicode.Scalar(start[offset] | 0x20)) }
        guard count <= 8 else { return nil }
        switch word {
        case "nan": return .nan
        case "inf", "infinity": return .infinity
        default: return nil
        }
    }

    /// The rare hard case: hands a NUL-terminated copy of an already validated token to strtod.
    private static func parseWithStrtod(_ start: UnsafePointer<UInt8>, count: Int) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            for offset in 0..<count { buffer[offset] = CChar(bitPattern: start[offset]) }
            buffer[count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }
}
