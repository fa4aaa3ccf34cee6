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
        guard let (value, length) = parsePrefix(start, count: count), length == count else { return nil }
        return value
    }

    /// The longest number at the start of the `count` bytes at `start` and its length in bytes,
    /// or nil when they do not start with a number (like strtod, `1e` yields 1 of length 1).
    @inline(__always)
    static func parsePrefix(_ start: UnsafePointer<UInt8>, count: Int) -> (value: Double, length: Int)? {
        var index = 0
        var negative = false
        if count > 0, start[0] == UInt8(ascii: "-") || start[0] == UInt8(ascii: "+") {
            negative = start[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < count else { return nil }
        if !isDigit(start[index]) && start[index] != UInt8(ascii: ".") {
            guard let (special, length) = parseSpecial(start + index, count: count - index) else { return nil }
            return (negative ? -special : special, index + length)
        }
        // Digits straight into w, eight at a time where possible; more than 19 digits (leading
        // zeros included) may overflow w, and then the careful per-digit loop reads them again.
        let digitsStart = index
        var w: UInt64 = 0
        readDigits(start, count: count, index: &index, into: &w)
        var fractionDigits = 0
        var sawPoint = false
        if index < count, start[index] == UInt8(ascii: ".") {
            sawPoint = true
            index += 1
            let fractionStart = index
            readDigits(start, count: count, index: &index, into: &w)
            fractionDigits = index - fractionStart
        }
        let digitCount = index - digitsStart - (sawPoint ? 1 : 0)
        guard digitCount > 0 else { return nil }
        var exponent = -fractionDigits
        var droppedNonZero = false
        if digitCount > 19 {
            (w, exponent, droppedNonZero) = significandOfLongSpelling(start + digitsStart, count: index - digitsStart)
        }
        exponent += readExponent(start, count: count, index: &index)

        if w == 0 { return (negative ? -0.0 : 0.0, index) }
        let magnitude: Double
        if !droppedNonZero, w <= 1 << 53, exponent >= -22, exponent <= 22 {
            magnitude = exponent < 0 ? Double(w) / exactPowersOfTen[-exponent] : Double(w) * exactPowersOfTen[exponent]
        } else if !droppedNonZero, exponent >= -19, exponent <= 19 {
            magnitude = exponent < 0 ? quotient(w, dividedByTenToThe: -exponent) : product(w, timesTenToThe: exponent)
        } else {
            return (parseWithStrtod(start, count: index), index)
        }
        return (negative ? -magnitude : magnitude, index)
    }

    /// Appends the decimal digits at `index` to `w` (wrapping on overflow), eight at a time while
    /// eight digits follow (SWAR: one 64-bit load, a digit test and three multiplications).
    @inline(__always)
    private static func readDigits(_ start: UnsafePointer<UInt8>, count: Int, index: inout Int, into w: inout UInt64) {
        while index + 8 <= count {
            let chunk = UInt64(littleEndian: UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self))
            guard areEightDigits(chunk) else { break }
            w = w &* 100_000_000 &+ valueOfEightDigits(chunk)
            index += 8
        }
        while index < count, isDigit(start[index]) {
            w = w &* 10 &+ UInt64(start[index] &- 48)
            index += 1
        }
    }

    @inline(__always)
    private static func areEightDigits(_ chunk: UInt64) -> Bool {
        (chunk & 0xF0F0_F0F0_F0F0_F0F0) | (((chunk &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4) == 0x3333_3333_3333_3333
    }

    /// The value of eight ASCII digits loaded little-endian (first digit in the lowest byte).
    @inline(__always)
    private static func valueOfEightDigits(_ chunk: UInt64) -> UInt64 {
        var value = chunk &- 0x3030_3030_3030_3030
        value = (value &* 10) &+ (value >> 8) // pairs
        let low = (value & 0x0000_00FF_0000_00FF) &* (100 + (1_000_000 << 32))
        let high = ((value >> 16) & 0x0000_00FF_0000_00FF) &* (1 + (10_000 << 32))
        return (low &+ high) >> 32
    }

    /// For spellings with more than 19 digits: the first 19 significant digits, the power of ten
    /// that scales them, and whether a non-zero digit was dropped. The `count` bytes at `start` are
    /// digits with at most one point (checked by the caller).
    private static func significandOfLongSpelling(_ start: UnsafePointer<UInt8>, count: Int) -> (UInt64, Int, Bool) {
        var significand: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var droppedNonZero = false
        var index = 0
        var afterPoint = false
        while index < count {
            let byte = start[index]
            if byte == UInt8(ascii: "."), !afterPoint {
                afterPoint = true
            } else if isDigit(byte) {
                let digit = UInt64(byte &- 48)
                if significantDigits < 19 {
                    if significand != 0 || digit != 0 {
                        significand = significand &* 10 &+ digit
                        significantDigits += 1
                    }
                    if afterPoint { exponent -= 1 }
                } else {
                    if !afterPoint { exponent += 1 }
                    droppedNonZero = droppedNonZero || digit != 0
                }
            }
            index += 1
        }
        return (significand, exponent, droppedNonZero)
    }

    /// The exponent part (`e`/`E`, optional sign, digits) at `index`, 0 when there is none (an
    /// `e` without digits is not part of the number, as in strtod). Huge exponents saturate.
    @inline(__always)
    private static func readExponent(_ start: UnsafePointer<UInt8>, count: Int, index: inout Int) -> Int {
        guard index < count, start[index] | 0x20 == UInt8(ascii: "e") else { return 0 }
        var cursor = index + 1
        var negative = false
        if cursor < count, start[cursor] == UInt8(ascii: "-") || start[cursor] == UInt8(ascii: "+") {
            negative = start[cursor] == UInt8(ascii: "-")
            cursor += 1
        }
        guard cursor < count, isDigit(start[cursor]) else { return 0 }
        var written = 0
        while cursor < count, isDigit(start[cursor]) {
            if written < 100_000 { written = written * 10 + Int(start[cursor] &- 48) }
            cursor += 1
        }
        index = cursor
        return negative ? -written : written
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

    /// `infinity`, `inf` or `nan` (any case) at `start`, with its length, else nil.
    private static func parseSpecial(_ start: UnsafePointer<UInt8>, count: Int) -> (Double, Int)? {
        func matches(_ word: StaticString) -> Bool {
            guard count >= word.utf8CodeUnitCount else { return false }
            for offset in 0..<word.utf8CodeUnitCount where start[offset] | 0x20 != word.utf8Start[offset] { return false }
            return true
        }
        if matches("infinity") { return (.infinity, 8) }
        if matches("inf") { return (.infinity, 3) }
        if matches("nan") { return (.nan, 3) }
        return nil
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
