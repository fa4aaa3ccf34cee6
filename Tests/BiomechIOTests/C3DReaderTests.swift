import Foundation
import Testing
@testable import BiomechIO

/// The C3D reader against ezc3d, value for value, on small files of every processor and storage format
/// (C3DFiles/make_c3d_files.py made them and recorded ezc3d's reading in reference.json).
struct C3DReaderTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("C3DFiles").path

    struct Reference: Decodable {
        struct Event: Decodable { var label: String; var time: Double }
        var analog_rate: Double
        var analog_labels: [String]
        var analogs: [[Double]]
        var events: [Event]
    }

    static let references: [String: Reference] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: folder + "/reference.json"))
        return try! JSONDecoder().decode([String: Reference].self, from: data)
    }()

    @Test(arguments: ["ezc3d-intel-float.c3d", "intel-int.c3d", "dec-int.c3d", "dec-float.c3d", "mips-float.c3d"])
    func analogChannelsMatchTheReference(_ name: String) throws {
        let c3d = try C3DFile.read(Self.folder + "/" + name)
        let reference = try #require(Self.references[name])
        #expect(c3d.analogRate == reference.analog_rate)
        #expect(c3d.analog.labels == reference.analog_labels)
        #expect(c3d.analog.columns.count == reference.analogs.count)
        for (ours, theirs) in zip(c3d.analog.columns, reference.analogs) {
            #expect(ours.count == theirs.count)
            for (a, b) in zip(ours, theirs) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(name): \(a) vs \(b)") }
        }
        #expect(c3d.events.map(\.label) == reference.events.map(\.label))
        for (ours, theirs) in zip(c3d.events, reference.events) { #expect(abs(ours.time - theirs.time) < 1e-6) }
        #expect(c3d.warnings.isEmpty)
    }

    @Test func formatsAndTimeBaseAreReported() throws {
        let dec = try C3DFile.read(Self.folder + "/dec-float.c3d")
        #expect(dec.processor == .dec && dec.storesFloats && dec.pointRate == 250 && dec.frameCount == 5)
        #expect(dec.analog.time.count == 40 && dec.analog.time[1] == 1.0 / 2000)
        #expect(dec.analogUnits == ["mV", "mV", "mV"])
        let integers = try C3DFile.read(Self.folder + "/intel-int.c3d")
        #expect(integers.processor == .intel && !integers.storesFloats && integers.pointCount == 2)
        #expect(try C3DFile.read(Self.folder + "/mips-float.c3d").processor == .mips)
        #expect(integers.parameters.strings("POINT", "LABELS") == ["M0", "M1"])
    }

    @Test func decFloatsDecodeAsVAXFFloating() {
        // 1.0 in VAX F_floating is 0x4080 0x0000 (exponent 129, fraction 0), stored as two little-endian words.
        #expect(C3DProcessor.dec.float(0x80, 0x40, 0, 0) == 1)
        #expect(C3DProcessor.dec.float(0x80, 0xC0, 0, 0) == -1)
        #expect(C3DProcessor.dec.float(0, 0, 0x12, 0x34) == 0)
        #expect(C3DProcessor.mips.float(0x3F, 0x80, 0, 0) == 1 && C3DProcessor.intel.float(0, 0, 0x80, 0x3F) == 1)
    }

    @Test func tableFileReadsTheAnalogChannels() throws {
        let table = try TableFile.read(Self.folder + "/intel-int.c3d")
        #expect(table.labels == ["EMG_SOL", "EMG TA", "FP1 Fz"] && table.sampleRate.map { abs($0 - 2000) < 1e-6 } == true)
    }

    /// Every damaged version of a file — cut anywhere, or one byte changed anywhere in its header and
    /// parameter section — reads or gives an error naming the file; none crashes.
    @Test func damagedFilesGiveErrorsNotCrashes() throws {
        let path = Self.folder + "/intel-int.c3d"
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        for length in stride(from: 0, to: bytes.count, by: 7) {
            do { _ = try C3DFile.parse(Array(bytes.prefix(length)), file: "cut.c3d") } catch { #expect(error.file == "cut.c3d") }
        }
        for position in 0..<1024 {
            for value: UInt8 in [0, 0x7F, 0x80, 0xFF] {
                var damaged = bytes
                damaged[position] = value
                do { _ = try C3DFile.parse(damaged, file: "damaged.c3d") } catch { #expect(error.file == "damaged.c3d") }
            }
        }
    }

    @Test func notAC3DFileSaysWhatWasExpected() throws {
        let text = [UInt8]("time\tx\n0\t1\n".utf8) + [UInt8](repeating: 0x20, count: 600)
        #expect(throws: InputError.self) { try C3DFile.parse(text, file: "notes.c3d") }
        do { _ = try C3DFile.parse(text, file: "notes.c3d") } catch { #expect(error.description.contains("expected the C3D key 0x50")) }
    }
}
