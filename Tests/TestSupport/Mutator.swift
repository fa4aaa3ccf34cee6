import SeededRandom

/// Seeded, deterministic mutation of byte strings for the fuzz tests of every reader (tables, .osim, model.json,
/// weight files, notebooks): byte flips, truncation, inserted garbage and parser-stressing tokens, deleted ranges,
/// repeated and dropped lines, header damage and swaps. The same seed gives the same mutants on every machine.
public struct Mutator {
    private var generator: SplitMix64

    /// A mutator drawing from `seed`.
    public init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// Tokens that stress a parser: separators, line ends, specials, header keys, XML, JSON and notebook syntax.
    public static let garbage: [String] = [
        "\t", " ", "\r\n", "\n", "\r", "\n\n", ",", "nan", "-nan", "inf", "1e999", "-1e-999", "1e", ".", "-", "+", "e5",
        "0x1p3", "99999999999999999999999", "endheader", "=", "inDegrees=yes", "nRows=-1", "nColumns=999999999999999999999",
        "version=", "time", "\u{0}", "\u{FEFF}", "é", "<", ">", "/>", "&amp;", "&bogus;", "<![CDATA[", "<!--", "-->",
        "</Model>", "<Coordinate name=\"x\">", "<range>", "</range>", "\"", "'", "name=\"", "<?xml", "]]>",
        "{", "}", "[", "]", ":", "null", "true", "-1", "0", "1e19", "\u{1B}]0;x\u{07}", "[[[[[[[[", "{a}", "\\", "#",
    ]

    /// A random number in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }

    /// `seed` with one to four random mutations.
    public mutating func mutant(of seed: [UInt8]) -> [UInt8] {
        var bytes = seed
        for _ in 0..<int(in: 1...4) { mutate(&bytes) }
        return bytes
    }

    /// Applies one random mutation to `bytes`.
    public mutating func mutate(_ bytes: inout [UInt8]) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
        switch Int.random(in: 0..<9, using: &generator) {
        case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
        case 1 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &generator)
        case 2: bytes.removeLast(bytes.count - position) // truncation
        case 3: bytes.insert(contentsOf: Array(Self.garbage.randomElement(using: &generator)!.utf8), at: position)
        case 4: bytes.insert(contentsOf: (0..<Int.random(in: 1...16, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }, at: position)
        case 5 where !bytes.isEmpty: // delete a range
            bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...64, using: &generator)))
        case 6: // repeat or drop a whole line
            let start = bytes[..<position].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let end = bytes[position...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            if Bool.random(using: &generator) { bytes.insert(contentsOf: bytes[start..<end], at: start) } else { bytes.removeSubrange(start..<end) }
        case 7: // header damage: change a digit or letter in the first 300 bytes
            let headerPosition = Int.random(in: 0..<max(1, min(bytes.count, 300)), using: &generator)
            if headerPosition < bytes.count { bytes[headerPosition] = Array("0123456789-=xyE\t ".utf8).randomElement(using: &generator)! }
        default: // swap two random bytes
            if bytes.count > 1 { bytes.swapAt(position, Int.random(in: 0..<bytes.count, using: &generator)) }
        }
    }
}
