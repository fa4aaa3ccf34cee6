import Foundation

/// Named tensors plus integer metadata in nmm's binary weight format, version 1.
///
/// Layout (all integers little-endian):
///
/// | bytes | content |
/// |---|---|
/// | 4 | magic `NMMW` (ASCII) |
/// | 4 | format version, UInt32 = 1 |
/// | 4 | metadata entry count, UInt32; then per entry: UInt16 key length, UTF-8 key, Int64 value |
/// | 4 | tensor count, UInt32; then per tensor: UInt16 name length, UTF-8 name, UInt8 rank, rank × UInt32 extents, Float32 values (IEEE 754, row-major) |
/// | 4 | CRC-32 (zlib's) of every preceding byte, UInt32 |
///
/// Readers reject a wrong magic, a newer version, a bad checksum and a truncated file with a
/// `WeightFileError` naming the file.
public struct WeightFile: Equatable {
    /// The format version this code writes and the newest it reads.
    public static let version: UInt32 = 1
    /// The highest tensor rank a file may declare.
    static let maximumRank: UInt8 = 8
    static let magic: [UInt8] = Array("NMMW".utf8)

    /// Integer settings stored beside the weights (e.g. a model's sizes), in insertion order.
    public var metadata: [(key: String, value: Int64)]
    /// The tensors' names, shapes and values, in insertion order.
    public var tensors: [(name: String, shape: [Int], values: [Float])]

    /// A file's contents.
    public init(metadata: [(key: String, value: Int64)], tensors: [(name: String, shape: [Int], values: [Float])]) {
        self.metadata = metadata
        self.tensors = tensors
    }

    /// Equal metadata and tensors.
    public static func == (a: WeightFile, b: WeightFile) -> Bool {
        a.metadata.elementsEqual(b.metadata) { $0 == $1 }
            && a.tensors.elementsEqual(b.tensors) { $0.name == $1.name && $0.shape == $1.shape && $0.values == $1.values }
    }

    /// The encoded bytes, checksum included.
    public func encoded() -> [UInt8] {
        var bytes = WeightFile.magic
        append(WeightFile.version, to: &bytes)
        append(UInt32(metadata.count), to: &bytes)
        for (key, value) in metadata {
            appendName(key, to: &bytes)
            append(UInt64(bitPattern: value), to: &bytes)
        }
        append(UInt32(tensors.count), to: &bytes)
        for (name, shape, values) in tensors {
            precondition(shape.reduce(1, *) == values.count, "tensor \(name): shape \(shape) does not hold \(values.count) values")
            appendName(name, to: &bytes)
            bytes.append(UInt8(shape.count))
            for extent in shape { append(UInt32(extent), to: &bytes) }
            bytes.reserveCapacity(bytes.count + 4 * values.count)
            for value in values { append(value.bitPattern, to: &bytes) }
        }
        append(CRC32.checksum(of: bytes), to: &bytes)
        return bytes
    }

    /// Writes the file atomically.
    public func write(to url: URL) throws {
        do {
            try Data(encoded()).write(to: url, options: .atomic)
        } catch {
            throw WeightFileError(path: url.path, problem: "cannot be written: \(error.localizedDescription)")
        }
    }

    /// Reads and verifies a file.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw WeightFileError(path: url.path, problem: "cannot be read: \(error.localizedDescription)")
        }
        try self.init(bytes: [UInt8](data), path: url.path)
    }

    /// Decodes and verifies `bytes`; `path` only labels errors.
    public init(bytes: [UInt8], path: String) throws {
        func fail(_ problem: String) -> WeightFileError { WeightFileError(path: path, problem: problem) }
        guard bytes.count >= 16, Array(bytes[0..<4]) == WeightFile.magic else {
            throw fail("is not an nmm weight file (expected the 4-byte magic \"NMMW\" at the start)")
        }
        var reader = ByteReader(bytes: bytes[..<(bytes.count - 4)], path: path)
        let version: UInt32 = try reader.read("format version")
        guard version >= 1 && version <= WeightFile.version else {
            throw fail("has format version \(version); this nmm reads versions 1...\(WeightFile.version)")
        }
        let stored = UInt32(bytes[bytes.count - 4]) | UInt32(bytes[bytes.count - 3]) << 8
            | UInt32(bytes[bytes.count - 2]) << 16 | UInt32(bytes[bytes.count - 1]) << 24
        let computed = CRC32.checksum(of: bytes[..<(bytes.count - 4)])
        guard stored == computed else {
            throw fail("is corrupt: CRC-32 of the contents is \(hex(computed)) but the file records \(hex(stored))")
        }
        var metadata: [(key: String, value: Int64)] = []
        let entries: UInt32 = try reader.read("metadata count")
        for _ in 0..<entries {
            let key = try reader.readName("metadata key")
            let raw: UInt64 = try reader.read("value of metadata \(key)")
            metadata.append((key, Int64(bitPattern: raw)))
        }
        var tensors: [(name: String, shape: [Int], values: [Float])] = []
        let tensorCount: UInt32 = try reader.read("tensor count")
        for _ in 0..<tensorCount {
            let name = try reader.readName("tensor name")
            let rank: UInt8 = try reader.read("rank of tensor \(name)")
            guard rank <= WeightFile.maximumRank else { throw fail("has tensor \(name) of rank \(rank); at most \(WeightFile.maximumRank) is read") }
            var shape: [Int] = []
            for _ in 0..<rank { shape.append(Int(try reader.read("shape of tensor \(name)") as UInt32)) }
            // Extents are checked against the bytes that remain before anything is allocated: a product that
            // overflows, or needs more bytes than the file holds, is refused.
            var count = 1
            for extent in shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: extent)
                guard !overflow, product <= reader.remaining / 4 else {
                    throw fail("is truncated: tensor \(name) \(shape) needs more bytes than the \(reader.remaining) that remain")
                }
                count = product
            }
            var values = [Float](repeating: 0, count: count)
            for i in 0..<count { values[i] = Float(bitPattern: try reader.read("values of tensor \(name)")) }
            tensors.append((name, shape, values))
        }
        guard reader.remaining == 0 else { throw fail("has \(reader.remaining) unexpected bytes after the last tensor") }
        self.init(metadata: metadata, tensors: tensors)
    }

    private func append<I: FixedWidthInteger>(_ value: I, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private func appendName(_ name: String, to bytes: inout [UInt8]) {
        let utf8 = Array(name.utf8)
        append(UInt16(utf8.count), to: &bytes)
        bytes.append(contentsOf: utf8)
    }
}

private func hex(_ value: UInt32) -> String { "0x" + String(value, radix: 16, uppercase: true) }

/// Sequential little-endian reads that report truncation with what was being read.
private struct ByteReader {
    let bytes: ArraySlice<UInt8>
    let path: String
    var offset: Int

    init(bytes: ArraySlice<UInt8>, path: String) {
        self.bytes = bytes
        self.path = path
        offset = bytes.startIndex + 4
    }

    var remaining: Int { bytes.endIndex - offset }

    mutating func read<I: FixedWidthInteger>(_ what: String) throws -> I {
        let size = MemoryLayout<I>.size
        guard remaining >= size else {
            throw WeightFileError(path: path, problem: "is truncated at byte \(offset) while reading the \(what)")
        }
        var value: I = 0
        for i in 0..<size { value |= I(bytes[offset + i]) << (8 * i) }
        offset += size
        return value
    }

    mutating func readName(_ what: String) throws -> String {
        let length = Int(try read(what) as UInt16)
        guard remaining >= length else {
            throw WeightFileError(path: path, problem: "is truncated at byte \(offset) while reading a \(what)")
        }
        defer { offset += length }
        guard let name = String(validating: bytes[offset..<(offset + length)], as: UTF8.self) else {
            throw WeightFileError(path: path, problem: "has a \(what) that is not UTF-8 at byte \(offset)")
        }
        return name
    }
}

/// A weight file that cannot be used: names the file and says what is wrong.
public struct WeightFileError: Error, CustomStringConvertible, Equatable {
    /// The file.
    public let path: String
    /// What is wrong, phrased to follow the path ("is corrupt: …").
    public let problem: String

    /// `path problem`.
    public var description: String { "\(path) \(problem)" }
}
