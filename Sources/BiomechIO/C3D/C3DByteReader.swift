/// Bounds-checked reads of a C3D file's bytes in its processor's format. Every read past the end
/// throws an `InputError` saying what was being read, so a damaged file never crashes the reader.
struct C3DByteReader {
    let bytes: [UInt8]
    let file: String
    var processor: C3DProcessor

    /// The byte at `offset`.
    func byte(_ offset: Int, _ what: @autoclosure () -> String) throws(InputError) -> UInt8 {
        try require(offset, 1, what())
        return bytes[offset]
    }

    /// The signed byte at `offset`.
    func int8(_ offset: Int, _ what: @autoclosure () -> String) throws(InputError) -> Int {
        Int(Int8(bitPattern: try byte(offset, what())))
    }

    /// The unsigned 16-bit integer at `offset`.
    func uint16(_ offset: Int, _ what: @autoclosure () -> String) throws(InputError) -> Int {
        try require(offset, 2, what())
        return Int(processor.uint16(bytes[offset], bytes[offset + 1]))
    }

    /// The signed 16-bit integer at `offset`.
    func int16(_ offset: Int, _ what: @autoclosure () -> String) throws(InputError) -> Int {
        Int(Int16(bitPattern: UInt16(try uint16(offset, what()))))
    }

    /// The float at `offset`.
    func float(_ offset: Int, _ what: @autoclosure () -> String) throws(InputError) -> Float {
        try require(offset, 4, what())
        return processor.float(bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3])
    }

    /// `count` bytes at `offset` as text (Latin-1, as C3D writers use), trailing spaces and NULs removed.
    func text(_ offset: Int, count: Int, _ what: @autoclosure () -> String) throws(InputError) -> String {
        try require(offset, count, what())
        var end = offset + count
        while end > offset, bytes[end - 1] == 0x20 || bytes[end - 1] == 0 { end -= 1 }
        return String(bytes[offset..<end].map { Character(Unicode.Scalar($0)) })
    }

    /// Throws unless `count` bytes from `offset` are in the file.
    func require(_ offset: Int, _ count: Int, _ what: @autoclosure () -> String) throws(InputError) {
        guard offset >= 0, count >= 0, offset <= bytes.count - count else {
            throw InputError(file: file, message: "expected \(what()) at byte \(offset), but the file ends at byte \(bytes.count) (a truncated or damaged C3D file)")
        }
    }
}
