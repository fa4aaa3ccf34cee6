/// The processor a C3D file was written for, which fixes how its integers and floats are laid out
/// (the fourth byte of the parameter section: 83 + 1, 2 or 3).
///
/// - Intel: little-endian integers, IEEE 754 single-precision floats.
/// - DEC (VAX): little-endian integers; floats in VAX F_floating, which stores two little-endian
///   16-bit words, the sign, exponent and high fraction bits in the first, with an exponent bias of
///   129 (against IEEE's 127 for the same bit pattern), so the value is the IEEE reading of the
///   word-swapped bits divided by 4. An exponent of 0 is zero.
/// - MIPS (SGI): big-endian integers and IEEE floats.
public enum C3DProcessor: UInt8, Sendable, Equatable, CaseIterable {
    /// Intel x86, the processor of nearly every file written today.
    case intel = 84
    /// DEC VAX and PDP-11.
    case dec = 85
    /// MIPS / SGI workstations.
    case mips = 86

    /// How `nmm inspect` names it.
    public var displayName: String {
        switch self {
        case .intel: return "Intel (little-endian, IEEE floats)"
        case .dec: return "DEC (little-endian, VAX floats)"
        case .mips: return "MIPS (big-endian, IEEE floats)"
        }
    }

    /// The unsigned 16-bit integer stored in `b0, b1` (in file order).
    func uint16(_ b0: UInt8, _ b1: UInt8) -> UInt16 {
        self == .mips ? UInt16(b0) << 8 | UInt16(b1) : UInt16(b1) << 8 | UInt16(b0)
    }

    /// The float stored in `b0 … b3` (in file order).
    func float(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8) -> Float {
        switch self {
        case .intel:
            return Float(bitPattern: UInt32(b3) << 24 | UInt32(b2) << 16 | UInt32(b1) << 8 | UInt32(b0))
        case .mips:
            return Float(bitPattern: UInt32(b0) << 24 | UInt32(b1) << 16 | UInt32(b2) << 8 | UInt32(b3))
        case .dec:
            let bits = UInt32(b1) << 24 | UInt32(b0) << 16 | UInt32(b3) << 8 | UInt32(b2)
            guard (bits >> 23) & 0xFF != 0 else { return 0 }
            return Float(bitPattern: bits) / 4
        }
    }
}
