import Foundation
import Testing
@testable import TensorEngine

@Suite("Weight files: round trip, checksum, clear errors")
struct SerializationTests {
    let small = TransformerConfiguration(inputSize: 3, modelSize: 8, heads: 2, feedForwardSize: 12, layers: 2,
                                         outputSize: 2, maxSequenceLength: 6)

    func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("nmm-tensor-\(UUID().uuidString)-\(name)")
    }

    @Test("CRC-32 check value")
    func crc() { #expect(CRC32.checksum(of: Array("123456789".utf8)) == 0xCBF4_3926) }

    @Test("save then load gives the same weights and outputs")
    func roundTrip() throws {
        let model = TransformerEncoder(configuration: small, seed: 7)
        let url = temporaryFile("model.nmmw")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let loaded = try TransformerEncoder.load(from: url)
        #expect(loaded.configuration == small)
        for (a, b) in zip(model.namedParameters, loaded.namedParameters) {
            #expect(a.name == b.name && a.tensor.scalars == b.tensor.scalars)
        }
        var generator = Xoshiro256StarStar(seed: 3)
        let x = Tensor(normal: [2, 6, 3], using: &generator)
        #expect(model(x).scalars == loaded(x).scalars)
        let other = TransformerEncoder(configuration: small, seed: 8)
        #expect(other(x).scalars != model(x).scalars)
        try other.loadWeights(from: url)
        #expect(other(x).scalars == model(x).scalars)
    }

    @Test("one flipped byte is reported as corruption")
    func corrupt() throws {
        var bytes = WeightFile(metadata: [("k", 1)], tensors: [("w", [2], [1, 2])]).encoded()
        bytes[bytes.count - 8] ^= 0x40
        #expect(throws: WeightFileError.self) { try WeightFile(bytes: bytes, path: "w.nmmw") }
        do { _ = try WeightFile(bytes: bytes, path: "w.nmmw") } catch {
            #expect("\(error)".hasPrefix("w.nmmw is corrupt: CRC-32"))
        }
    }

    @Test("wrong magic, newer version, truncation are clear errors")
    func malformed() throws {
        let good = WeightFile(metadata: [], tensors: [("w", [3], [1, 2, 3])]).encoded()
        func message(_ bytes: [UInt8]) -> String {
            do { _ = try WeightFile(bytes: bytes, path: "f"); return "" } catch { return "\(error)" }
        }
        #expect(message(Array("PK\u{3}\u{4}xxxxxxxxxxxxxxxx".utf8)).contains("not an nmm weight file"))
        var newer = good
        newer[4] = 9
        #expect(message(newer).contains("format version 9"))
        var truncated = Array(good.dropLast(9))
        truncated += withUnsafeBytes(of: CRC32.checksum(of: truncated).littleEndian) { Array($0) }
        #expect(message(truncated).contains("truncated"))
        #expect(try WeightFile(bytes: good, path: "f") == WeightFile(metadata: [], tensors: [("w", [3], [1, 2, 3])]))
    }

    @Test("a file of another configuration is refused with both configurations named")
    func mismatch() throws {
        let url = temporaryFile("model.nmmw")
        defer { try? FileManager.default.removeItem(at: url) }
        try TransformerEncoder(configuration: small, seed: 1).save(to: url)
        var wider = small
        wider.modelSize = 16
        let model = TransformerEncoder(configuration: wider, seed: 1)
        do {
            try model.loadWeights(from: url)
            Issue.record("loading a mismatched file succeeded")
        } catch {
            #expect("\(error)".contains("modelSize=8"))
            #expect("\(error)".contains("modelSize=16"))
        }
        #expect(throws: WeightFileError.self) { try TransformerEncoder.load(from: temporaryFile("missing.nmmw")) }
    }
}
