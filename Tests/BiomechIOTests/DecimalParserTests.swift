import SeededRandom
import Foundation
import Testing
@testable import BiomechIO

/// The byte-level number parser against the C library's correctly rounded strtod.
@Suite struct DecimalParserTests {
    private func parse(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { DecimalParser.parse($0.baseAddress!, count: $0.count) }
    }

    @Test func agreesWithStrtodOnRandomSpellings() {
        var generator = SplitMix64(seed: 42)
        var checked = 0
        for _ in 0..<200_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let digits = Int.random(in: 1...20, using: &generator)
            let spellings = [value.description, String(format: "%.\(digits)g", value), String(format: "%.\(digits % 10)f", value),
                             String(format: "%.\(digits)e", value * 1e-5)]
            for text in spellings {
                #expect(parse(text)?.bitPattern == strtod(text, nil).bitPattern, "\(text)")
                checked += 1
            }
        }
        #expect(checked > 700_000)
    }

    @Test func agreesWithStrtodOnHardCases() {
        let cases = ["9007199254740993", "9007199254740992.5", "0.1", "1e23", "8.98846567431158e307", "2.2250738585072011e-308",
                     "4.9406564584124654e-324", "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623159e308",
                     "0.000000000000000000000000000001", "123456789012345678901234567890", "1e-400", "-0", "+.5", "5.", "00012",
                     "1.00000000000000011102230246251565404236316680908203125", "1E+22", "1e-22", "1e22", "1e-23",
                     "9007199254740993.0", "9007199254740995.00", "9007199254740993e1", "18014398509481987", "18446744073709551615",
                     "9999999999999999999", "9999999999999999999e19", "1e-19", "0.0000000000000000001", "4.4501477170144023e-308",
                     "0.01857697069862126", "7.000000000000001e-2", "0.07000000000000001"]
        for text in cases { #expect(parse(text)?.bitPattern == strtod(text, nil).bitPattern, "\(text)") }
    }

    @Test func agreesWithStrtodOnTheIntegerPathIncludingTies() {
        var generator = SplitMix64(seed: 9)
        var checked = 0
        for _ in 0..<300_000 {
            let digits = Int.random(in: 1...19, using: &generator)
            let significand = UInt64.random(in: 1...(digits == 19 ? 9_999_999_999_999_999_999 : (0..<digits).reduce(UInt64(1)) { v, _ in v * 10 } - 1),
                                            using: &generator)
            let exponent = Int.random(in: -19...19, using: &generator)
            let text = "\(significand)e\(exponent)"
            #expect(parse(text)?.bitPattern == strtod(text, nil).bitPattern, "\(text)")
            checked += 1
        }
        // Exact ties between two Doubles: 53 significant bits followed by a single 1 bit.
        for _ in 0..<100_000 {
            let shift = Int.random(in: 1...10, using: &generator)
            let tie = (UInt64.random(in: (1 << 52)...((1 << 53) - 1), using: &generator) << shift) | (1 << (shift - 1))
            guard tie < 10_000_000_000_000_000_000 else { continue }
            for text in ["\(tie)", "\(tie).0", "\(tie)00e-2"] {
                #expect(parse(text)?.bitPattern == strtod(text, nil).bitPattern, "\(text)")
                checked += 1
            }
        }
        #expect(checked > 500_000)
    }

    @Test func readsOnlyTheBytesItIsGiven() {
        // Found by libFuzzer with AddressSanitizer: a spelling of more than 19 digits at the very
        // end of the input was read on past it.
        var bytes = Array("10000000000000000000000000".utf8)
        for count in [20, 21, 26] {
            let value = bytes.withUnsafeMutableBufferPointer { DecimalParser.parse($0.baseAddress!, count: count) }
            let expected = strtod(String(decoding: bytes[..<count], as: UTF8.self), nil)
            #expect(value?.bitPattern == expected.bitPattern, "\(count)")
        }
    }

    @Test func rejectsWhatIsNotANumber() {
        for text in ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "0x10", "1,5", "abc", "nana", "1 2", "--1", "inf1", "1d0"] {
            #expect(parse(text) == nil, "\(text)")
        }
    }

    @Test func readsSpecialValues() {
        #expect(parse("nan")?.isNaN == true && parse("-NaN")?.isNaN == true)
        #expect(parse("inf") == .infinity && parse("-Infinity") == -.infinity && parse("+INF") == .infinity)
        #expect(parse("-0")?.sign == .minus)
    }
}
