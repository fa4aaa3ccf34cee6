#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses decimal numbers straight from bytes, correctly rounded (the same Double as `strtod`).
///
/// The common case takes Clinger's fast path: when the decimal significand has at most 19
/// digits, fits in 53 bits and the power of ten is at most 10^22, both are exact Doubles, so one
/// IEEE multiplication or division rounds the exact product once — the correctly rounded result.
/// Everything else (long significands, large exponents) goes to the C library's `strtod`, which
/// is correctly rounded too. Accepted syntax: optional sign, digits with an optional point,
/// optional exponent (`e`/`E`, sign, digits), and `nan`, `inf`, `infinity` in any case.
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
        if !droppedNonZero, significand <= 1 << 53, exponent >= -22, exponent <= 22 {
            let magnitude = Double(significand)
            let value = exponent < 0 ? magnitude / exactPowersOfTen[-exponent] : magnitude * exactPowersOfTen[exponent]
            return negative ? -value : value
        }
        return parseWithStrtod(start, count: count)
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
