import TestSupport
import Foundation
import Testing
@testable import BiomechIO

/// Seeded mutation fuzzing of the readers: real files damaged by byte flips, truncation, inserted
/// garbage, deleted and repeated lines and header damage must give a result or an `InputError`
/// naming the file and a line inside it — never a crash, a hang or another error type.
/// `NMM_FUZZ_SCALE=k` multiplies the number of inputs (1 by default).
@Suite(.needsSharedData) struct FuzzTests {
    static let scale = Int(ProcessInfo.processInfo.environment["NMM_FUZZ_SCALE"] ?? "") ?? 1

    @Test func storageReaderSurvivesMutatedRealFiles() throws {
        let sources = try [
            SharedData.s01Trial(1, "ik.mot"), SharedData.s01Trial(1, "id.sto"), SharedData.s01Trial(1, "emg.sto"),
            SharedData.s01Trial(1, "load.sto"), SharedData.s01Trial(1, "MuscleAnalysis_Length.sto"),
            SharedData.walk + "/coordinates.sto", SharedData.walk + "/id_walk.sto", SharedData.walk + "/electromyography.sto",
        ].map { try Self.head(of: $0, lines: 40) }
        let count = try Self.fuzz(seeds: sources, inputs: 10_000 * Self.scale, seed: 1) { bytes in
            _ = try StorageFile.parse(bytes, file: "fuzz.sto")
        }
        #expect(count.inputs == 10_000 * Self.scale)
        #expect(count.accepted > 0 && count.rejected > 0)
    }

    @Test func csvReaderSurvivesMutatedTables() throws {
        let seed = Array("# comment\ntime,knee_angle_r,hip_flexion_r\n0,1.5,-2\n0.01,1.25e-1,nan\n0.02,3,4\n".utf8)
        let count = try Self.fuzz(seeds: [seed], inputs: 5_000 * Self.scale, seed: 2) { bytes in
            _ = try CSVFile.parse(bytes, file: "fuzz.csv")
        }
        #expect(count.accepted > 0 && count.rejected > 0)
    }

    @Test func osimReaderSurvivesMutatedRealModels() throws {
        // The arm26 model without its comments (they are half its size and only slow the run),
        // and a model holding one real Millard muscle of the walking model, to reach its curves.
        let arm = try Self.withoutComments(String(decoding: FileBytes.contents(of: SharedData.s01 + "/model.osim"), as: UTF8.self))
        let walk = String(decoding: try FileBytes.contents(of: SharedData.walk + "/subject_walk_scaled.osim"), as: UTF8.self)
        let soleus = try #require(walk.range(of: "<Millard2012EquilibriumMuscle name=\"soleus_r\">")
            .flatMap { start in walk.range(of: "</Millard2012EquilibriumMuscle>", range: start.upperBound..<walk.endIndex).map { start.lowerBound..<$0.upperBound } })
        let knee = try #require(walk.range(of: "<CustomJoint name=\"walker_knee_r\">")
            .flatMap { start in walk.range(of: "</CustomJoint>", range: start.upperBound..<walk.endIndex).map { start.lowerBound..<$0.upperBound } })
        let millard = "<?xml version=\"1.0\"?>\n<OpenSimDocument Version=\"40000\"><Model name=\"w\"><JointSet><objects>\n"
            + Self.withoutComments(String(walk[knee])) + "\n</objects></JointSet><ForceSet><objects>\n"
            + Self.withoutComments(String(walk[soleus])) + "\n</objects></ForceSet></Model></OpenSimDocument>\n"
        #expect(try OSimFile.parse(Data(millard.utf8), file: "seed.osim").muscles.count == 1)
        let count = try Self.fuzz(seeds: [Array(arm.utf8), Array(millard.utf8)], inputs: 1_000 * Self.scale, seed: 3) { bytes in
            _ = try OSimFile.parse(Data(bytes), file: "fuzz.osim")
        }
        #expect(count.accepted > 0 && count.rejected > 0)
    }

    @Test func osimReaderRejectsAnElementNameThatIsNotUTF8() throws {
        // Found by the fuzz test: FoundationXML's XMLParser traps on this; the reader must not.
        let bytes = Array("<OpenSimDocument><Model>\n<Appearance><z1".utf8) + [0xF9] + Array("color>1</color></Appearance></Model></OpenSimDocument>".utf8)
        let error = try #require(throws: InputError.self) { try OSimFile.parse(Data(bytes), file: "bad.osim") }
        #expect(error.line == 2)
        #expect(error.message == "expected UTF-8 text, found the byte 0xF9 at byte offset 40")
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<OpenSimDocument><Model>\n<?appliesForce?></Model></OpenSimDocument>", 3,
         "expected no processing instruction ('<?...?>') other than the XML declaration at the start"),
        ("<?xml veor\">\n<F>\n<?xm8?>\n<OpenSimDocument/>", 3, "expected the XML declaration to end with '?>' before the next '<'"),
        ("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<OpenSimDocument/>", 1,
         "expected an OpenSim model, found a DOCTYPE declaration"),
    ])
    func osimReaderRejectsMarkupThatCrashesXMLParser(xml: String, line: Int, message: String) throws {
        // Found by libFuzzer: FoundationXML's XMLParser calls strlen on a null pointer for a
        // processing instruction without data; DOCTYPEs (entities) are refused for the same reason.
        let error = try #require(throws: InputError.self) { try OSimFile.parse(Data(xml.utf8), file: "bad.osim") }
        #expect(error.line == line && error.message == message)
    }

    @Test func osimReaderAcceptsAByteOrderMarkAndCommentsWithMarkup() throws {
        let xml = "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- <?not a PI?> <!DOCTYPE -->\n<OpenSimDocument><Model name=\"m\"/></OpenSimDocument>"
        #expect(try OSimFile.parse(Data(xml.utf8), file: "ok.osim").name == "m")
    }

    // MARK: - The mutation engine

    struct Count { var inputs = 0, accepted = 0, rejected = 0 }

    /// Runs `read` on `inputs` mutants of the seeds; every error must be an InputError about the
    /// fuzzed file with a line between 1 and the mutant's line count + 1.
    static func fuzz(seeds: [[UInt8]], inputs: Int, seed: UInt64, read: ([UInt8]) throws -> Void) throws -> Count {
        var mutator = Mutator(seed: seed)
        var count = Count()
        for index in 0..<inputs {
            let bytes = mutator.mutant(of: seeds[index % seeds.count])
            count.inputs += 1
            do {
                try read(bytes)
                count.accepted += 1
            } catch let error as InputError {
                count.rejected += 1
                let lines = bytes.filter { $0 == 0x0A }.count + 1
                #expect(error.file.hasPrefix("fuzz."), "\(error)")
                #expect(error.line.map { (1...lines + 1).contains($0) } ?? true, "\(error) (\(lines) lines)")
                #expect(!error.message.isEmpty)
            } catch {
                Issue.record("not an InputError: \(error)")
            }
        }
        return count
    }

    static func head(of path: String, lines: Int) throws -> [UInt8] {
        let bytes = try FileBytes.contents(of: path)
        var seen = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            seen += 1
            if seen == lines { return Array(bytes[...index]) }
        }
        return bytes
    }

    static func withoutComments(_ xml: String) -> String {
        var result = ""
        var rest = xml[...]
        while let open = rest.range(of: "<!--") {
            result += rest[..<open.lowerBound]
            guard let close = rest.range(of: "-->", range: open.upperBound..<rest.endIndex) else { return result }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
