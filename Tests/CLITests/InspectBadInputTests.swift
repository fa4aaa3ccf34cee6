import TestSupport
import SeededRandom
import Foundation
import Testing

/// `nmm inspect` on broken files: exit status 1 (never a crash) and a diagnostic naming file, line and field.
@Suite(.needsSharedData, .timeLimit(.minutes(2)))
struct InspectBadInputTests {
    /// Runs `nmm inspect` and requires a clean failure: exit status exactly 1, nothing killed by a signal.
    private func inspectFails(_ paths: [String]) throws -> NMMExecutable.Result {
        let result = try NMMExecutable.run(["inspect"] + paths)
        #expect(result.exited(with: 1), "reason \(result.reason), status \(result.status), stderr: \(result.stderr)")
        return result
    }

    /// Writes `contents` to a scratch file called `name`, inspects it (requiring a clean failure) and
    /// returns the file's path with the result.
    private func inspectFails(writing contents: Data, named name: String) throws -> (file: String, result: NMMExecutable.Result) {
        try TestFiles.withScratchFolder { folder in
            let file = folder.appendingPathComponent(name).path
            try contents.write(to: URL(fileURLWithPath: file))
            return (file, try inspectFails([file]))
        }
    }

    @Test func nonNumberInADataRowNamesFileLineAndColumn() throws {
        let text = "bad\nversion=1\nnRows=3\nnColumns=4\ninDegrees=no\nendheader\ntime\tTRIlong\tBIClong\tBRA\n"
            + "0\t0.1\t0.2\t0.3\n0.01\t0.1\t0.2\t0.3\n0.02\t0.1\t1.2e\t0.3\n"
        let (file, result) = try inspectFails(writing: Data(text.utf8), named: "bad.sto")
        #expect(result.stderr == "\(file):10: error: expected a number in column 'BIClong', found '1.2e'\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func wrongNumberOfValuesNamesTheLine() throws {
        let (file, result) = try inspectFails(writing: Data("s\nendheader\ntime a b\n0 1 2\n0.1 1\n".utf8), named: "short.mot")
        #expect(result.stderr.hasPrefix("\(file):5: error: expected 3 values"), "\(result.stderr)")
    }

    @Test func malformedCSVNamesLineAndColumn() throws {
        let (file, result) = try inspectFails(writing: Data("time,a,b\n0,1,2\n0.1,1,zz\n".utf8), named: "bad.csv")
        #expect(result.stderr == "\(file):3: error: expected a number in column 'b', found 'zz'\n")
    }

    @Test func missingFile() throws {
        let file = SharedData.root.path + "/no-such-folder/absent.sto"
        let result = try inspectFails([file])
        #expect(result.stderr == "\(file): error: cannot open the file: No such file or directory\n")
    }

    @Test func truncatedModelNamesTheLineWhereTheXMLStops() throws {
        let truncated = try Data(contentsOf: URL(fileURLWithPath: TestFiles.s01 + "/model.osim")).prefix(3000)
        let lastLine = truncated.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let (file, result) = try inspectFails(writing: truncated, named: "truncated.osim")
        #expect(result.stderr.hasPrefix("\(file):\(lastLine): error: expected well-formed XML"), "\(result.stderr)")
    }

    @Test(arguments: ["empty.sto", "empty.mot", "empty.csv", "empty.osim"])
    func emptyFile(name: String) throws {
        let (file, result) = try inspectFails(writing: Data(), named: name)
        #expect(result.stderr.hasPrefix("\(file):1: error: expected "), "\(result.stderr)")
    }

    @Test(arguments: ["noise.sto", "noise.osim"])
    func randomBytesAreRejectedNotCrashedOn(name: String) throws {
        var generator = SplitMix64(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let (file, result) = try inspectFails(writing: Data(bytes), named: name)
        #expect(result.stderr.hasPrefix("\(file):"), "\(result.stderr)")
    }

    @Test func aDirectoryIsNotAFile() throws {
        let result = try inspectFails([TestFiles.s01 + "/trial01"])
        #expect(result.stderr.hasPrefix("\(TestFiles.s01)/trial01: error: expected a regular file"), "\(result.stderr)")
    }

    @Test func goodFilesAreStillDescribedBesideABadOne() throws {
        let missing = SharedData.root.path + "/no-such-folder/absent.sto"
        let good = TestFiles.s01 + "/trial01/ik.mot"
        let result = try inspectFails([missing, good])
        #expect(result.stdout.hasPrefix("\nfile: \(good)\n"))
        #expect(result.stderr.hasPrefix(missing))
    }
}
