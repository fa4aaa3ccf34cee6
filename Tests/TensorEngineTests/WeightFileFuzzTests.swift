import Foundation
import TestSupport
import Testing
@testable import TensorEngine

/// Seeded fuzzing of weight files: mutated bytes (half of them given a valid CRC-32 again, so the parser past the
/// checksum is reached) and metadata replaced by hostile sizes must give a `WeightFileError` or a network that runs —
/// never a crash, a hang or a multi-gigabyte allocation. `NMM_FUZZ_SCALE=k` multiplies the number of inputs.
@Suite struct WeightFileFuzzTests {
    static let scale = Int(ProcessInfo.processInfo.environment["NMM_FUZZ_SCALE"] ?? "") ?? 1
    static let configuration = TransformerConfiguration(inputSize: 5, modelSize: 16, heads: 2, feedForwardSize: 24, layers: 1,
                                                        outputSize: 3, maxSequenceLength: 8)
    static let hostileSizes: [Int64] = [0, -1, 1, 3, 7, 64000, 1 << 31, 1 << 40, .max, .min, 4096, 65536]

    /// `bytes` with their last four bytes replaced by the CRC-32 of the rest.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 4 else { return bytes }
        let body = bytes.dropLast(4)
        return Array(body) + withUnsafeBytes(of: CRC32.checksum(of: body).littleEndian, Array.init)
    }

    /// Loads a mutant and runs the network on a window of zeros.
    static func load(_ bytes: [UInt8]) throws {
        let network = try TransformerEncoder.load(from: WeightFile(bytes: bytes, path: "fuzz.nmmw"), path: "fuzz.nmmw")
        let c = network.configuration
        let length = min(c.maxSequenceLength, 8)
        let output = network.predict(Tensor(shape: [1, length, c.inputSize], scalars: [Float](repeating: 0, count: length * c.inputSize)))
        #expect(output.shape == [1, length, c.outputSize])
    }

    @Test func mutatedWeightFilesAreRefusedOrRun() throws {
        let original = TransformerEncoder(configuration: Self.configuration, seed: 3).weightFile
        let seed = original.encoded()
        try Self.load(seed)
        var mutator = Mutator(seed: 17)
        var accepted = 0, refused = 0
        for index in 0..<(3000 * Self.scale) {
            var bytes: [UInt8]
            if index.isMultiple(of: 4) {
                var file = original
                let entry = mutator.int(in: 0...(file.metadata.count - 1))
                file.metadata[entry].value = Self.hostileSizes[mutator.int(in: 0...(Self.hostileSizes.count - 1))]
                bytes = file.encoded()
            } else {
                bytes = mutator.mutant(of: seed)
                if index.isMultiple(of: 2) { bytes = Self.resealed(bytes) }
            }
            do {
                try Self.load(bytes)
                accepted += 1
            } catch let error as WeightFileError {
                refused += 1
                #expect(error.path == "fuzz.nmmw" && !error.problem.isEmpty)
            } catch {
                Issue.record("not a WeightFileError: \(error)")
            }
        }
        #expect(accepted > 0 && refused > 0)
    }

    @Test func extentsWhoseProductOverflowsAreRefusedBeforeAllocating() throws {
        // One tensor of rank 4 with extents 2^32 − 1 each: the product overflows Int; the reader must say so.
        var bytes = Array("NMMW".utf8) + [1, 0, 0, 0] + [0, 0, 0, 0] + [1, 0, 0, 0]
        bytes += [1, 0] + Array("w".utf8) + [4] + Array(repeating: [0xFF, 0xFF, 0xFF, 0xFF], count: 4).flatMap { $0 }
        bytes += [0, 0, 0, 0]
        let error = try #require(throws: WeightFileError.self) { try WeightFile(bytes: Self.resealed(bytes), path: "big.nmmw") }
        #expect(error.problem.hasPrefix("is truncated: tensor w [4294967295, 4294967295, 4294967295, 4294967295] needs more bytes"))
    }
}
