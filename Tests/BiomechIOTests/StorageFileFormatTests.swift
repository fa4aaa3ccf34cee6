import SeededRandom
import Foundation
import Testing
@testable import BiomechIO

/// Format quirks, round trips and error messages of the Storage reader and writer.
@Suite struct StorageFileFormatTests {
    @Test func acceptsCRLFBlankLinesSpacesAndNaN() throws {
        let text = "Motion\r\nversion=1\r\nnRows=3\r\nnColumns=3\r\ninDegrees=yes\r\n\r\nendheader\r\n\r\n"
            + "time  knee_angle_r   hip_flexion_r\r\n"
            + "0.0   10   -20\r\n\r\n0.01\t\t nan 1e2 \r\n   0.02 -INF 3.5E-1\r\n\r\n"
        let series = try StorageFile.read(try TestData.write(text, named: "quirks.mot"))
        #expect(series.labels == ["knee_angle_r", "hip_flexion_r"])
        #expect(series.time == [0, 0.01, 0.02])
        #expect(series.columns[0][0] == 10 && series.columns[0][1].isNaN && series.columns[0][2] == -.infinity)
        #expect(series.columns[1] == [-20, 100, 0.35])
        #expect(series.inDegrees)
    }

    @Test func roundTripsExactly() throws {
        var generator = SplitMix64(seed: 7)
        let rows = 500
        let time = (0..<rows).map { Double($0) / 1000 + 0.45 }
        var special: [Double] = [0, -0.0, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
                                 -.greatestFiniteMagnitude, 1e-300, 123456789012345680, 0.1, 1 / 3, .pi, 9007199254740992]
        special += (0..<(rows - special.count)).map { _ in Double.random(in: -1...1, using: &generator) }
        let columns: [[Double]] = [
            special,
            (0..<rows).map { _ in Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) }, // any finite positive
            (0..<rows).map { _ in Double.random(in: -1000...1000, using: &generator) },
        ]
        let series = TimeSeries(time: time, labels: ["a", "b", "c"], columns: columns, inDegrees: true)
        let path = try TestData.scratchFolder() + "/roundtrip.sto"
        try StorageFile.write(series, to: path)
        let document = try StorageFile.readDocument(path)
        #expect(document.series == series)
        #expect(document.header.name == "roundtrip")
        #expect(zip(document.series.columns[0], columns[0]).allSatisfy { $0.bitPattern == $1.bitPattern })
    }

    @Test func roundTripsNaNAndInfinity() throws {
        let series = TimeSeries(time: [0, 1], labels: ["x"], columns: [[.nan, -.infinity]])
        let path = try TestData.scratchFolder() + "/special.sto"
        try StorageFile.write(series, to: path, name: "special")
        let back = try StorageFile.read(path)
        #expect(back.columns[0][0].isNaN && back.columns[0][1] == -.infinity)
    }

    @Test func writesAtomicallyOverAnOldFile() throws {
        let path = try TestData.scratchFolder() + "/atomic.sto"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try StorageFile.write(TimeSeries(time: [0], labels: ["x"], columns: [[1]]), to: path)
        #expect(try StorageFile.read(path).columns == [[1]])
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["atomic.sto"])
    }

    @Test func reportsANonNumberWithFileLineAndColumn() throws {
        let path = try TestData.write("inDegrees=no\nendheader\ntime\tx\ty\n0\t1\t2\n0.1\t3\tabc\n", named: "bad.sto")
        let error = try #require(throws: InputError.self) { try StorageFile.read(path) }
        #expect(error.line == 5)
        #expect(error.field == "y")
        #expect(error.description == "\(path):5: error: expected a number in column 'y', found 'abc'")
    }

    @Test(arguments: [
        ("version=1\ntime\tx\n0\t1\n", 1, "expected an OpenSim Storage header ending in a line 'endheader', found none"),
        ("endheader\n", 1, "expected a line of column labels after 'endheader', found the end of the file"),
        ("endheader\nx\ty\n0\t1\n", 2, "expected the first column label to be 'time', found 'x'"),
        ("inDegrees=maybe\nendheader\ntime\tx\n", 1, "expected inDegrees=yes or inDegrees=no, found 'maybe'"),
        ("nRows=two\nendheader\ntime\tx\n", 1, "expected a whole number for nRows, found 'two'"),
        ("endheader\ntime\tx\tx\n", 2, "the column label 'x' appears twice (columns 2 and 3)"),
        ("endheader\ntime\tx\ty\n0\t1\n", 3, "expected 3 values (one per column label), found 2: no value for column 'y'"),
        ("endheader\ntime\tx\n0\t1\t2\n", 3, "expected 2 values (one per column label), found more: '2'"),
        ("endheader\ntime\tx\n0\t1\n0\t2\n", 4, "expected time to increase, found 0.0 after 0.0"),
        ("endheader\ntime\tx\n0\t1.2.3\n", 3, "expected a number in column 'x', found '1.2.3'"),
        ("endheader\ntime\tx\n0\t1e\n", 3, "expected a number in column 'x', found '1e'"),
    ])
    func reportsWhatWasExpected(text: String, line: Int, message: String) throws {
        let path = try TestData.write(text, named: "case.sto")
        let error = try #require(throws: InputError.self) { try StorageFile.read(path) }
        #expect(error.file == path)
        #expect(error.line == line)
        #expect(error.message == message)
    }

    @Test func warnsAboutStaleRowAndColumnCounts() throws {
        let path = try TestData.write("nRows=3\nnColumns=3\nendheader\ntime\tx\n0\t1\n", named: "stale.sto")
        let document = try StorageFile.readDocument(path)
        #expect(document.series.columns == [[1]])
        #expect(document.warnings.map(\.warningDescription) == [
            "\(path):2: warning: the header says nColumns=3 but line 4 has 2 column labels",
            "\(path):1: warning: the header says nRows=3 but the file has 1 rows of data",
        ])
    }

    @Test func reportsAMissingFile() throws {
        let error = try #require(throws: InputError.self) { try StorageFile.read("/nonexistent/x.sto") }
        #expect(error.description == "/nonexistent/x.sto: error: cannot open the file: No such file or directory")
    }

    @Test func mapsStatePaths() {
        #expect(OpenSimLabel.columnName("/jointset/hip_r/hip_flexion_r/value") == "hip_flexion_r")
        #expect(OpenSimLabel.columnName("/jointset/hip_r/hip_flexion_r/speed") == "hip_flexion_r_speed")
        #expect(OpenSimLabel.columnName("/forceset/soleus_r/activation") == "soleus_r_activation")
        #expect(OpenSimLabel.columnName("knee_angle_r") == "knee_angle_r")
    }
}

/// The CSV reader.
@Suite struct CSVFileTests {
    @Test func readsATimeColumnAnywhereWithCRLFAndComments() throws {
        let text = "# exported\r\nknee_angle_r, time ,/jointset/hip_r/hip_flexion_r/value\r\n1.5,0,2\r\n\r\nnan , 0.5, -1e-3\r\n"
        let series = try CSVFile.read(try TestData.write(text, named: "table.csv"))
        #expect(series.time == [0, 0.5])
        #expect(series.labels == ["knee_angle_r", "hip_flexion_r"])
        #expect(series.columns[0][0] == 1.5 && series.columns[0][1].isNaN)
        #expect(series.columns[1] == [2, -0.001])
    }

    @Test func readsThroughTableFileByExtension() throws {
        let path = try TestData.write("time,x\n0,1\n1,2\n", named: "t.csv")
        #expect(try TableFile.read(path).columns == [[1, 2]])
    }

    @Test(arguments: [
        ("x,y\n0,1\n", 1, "expected a column labelled 'time', found 'x', 'y'"),
        ("time,x\n0,,\n", 2, "expected a number in column 'x', found an empty field"),
        ("time,x\n0,1,\n", 2, "expected 2 values (one per column label), found a comma after the last one"),
        ("time,x,y\n0,1,\n", 2, "expected a number in column 'y', found an empty field"),
        ("time,x\n0,1\n1;2\n", 3, "expected a number in column 'time', found '1;2'"),
        ("time,x,y\n0,1\n", 2, "expected 3 values (one per column label), found 2: no value for column 'y'"),
        ("time,,y\n", 1, "expected a column label in column 2, found an empty one"),
    ])
    func reportsWhatWasExpected(text: String, line: Int, message: String) throws {
        let path = try TestData.write(text, named: "case.csv")
        let error = try #require(throws: InputError.self) { try CSVFile.read(path) }
        #expect(error.line == line)
        #expect(error.message == message)
    }
}

/// Parsing in two halves on two threads gives exactly the result and the first error of one pass.
@Suite struct ParallelParsingTests {
    private let parser = NumericTableParser(file: "t.sto", labels: ["time", "a", "b"], separator: .whitespace, timeColumn: 0)

    private func rows(_ count: Int, damage: (Int, inout String) -> Void = { _, _ in }) -> [UInt8] {
        var text = ""
        for row in 0..<count {
            var line = "\(Double(row) / 100)\t\(Double(row) * 1.5)\t\(-Double(row) / 3)"
            damage(row, &line)
            text += line + (row % 7 == 3 ? "\r\n\n" : "\n")
        }
        return Array(text.utf8)
    }

    private func outcome(_ bytes: [UInt8], threshold: Int) -> Result<[[Double]], InputError> {
        bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(InputError) in try parser.parse(buffer, from: 0, line: 1, parallelThreshold: threshold).columns }
        }
    }

    @Test func agreesWithOnePassOnGoodRows() throws {
        let bytes = rows(5000)
        let parallel = try outcome(bytes, threshold: 0).get()
        #expect(parallel == (try outcome(bytes, threshold: .max).get()))
        #expect(parallel[0].count == 5000 && parallel[1][4999] == 4999 * 1.5)
    }

    @Test func reportsTheSameFirstErrorWhereverTheSplitFalls() {
        let count = 60
        for damagedRow in 0..<count {
            let cases: [(Int, inout String) -> Void] = [
                { row, line in if row == damagedRow { line = line.replacingOccurrences(of: "\t", with: "\tx", options: [], range: nil) } },
                { row, line in if row == damagedRow && row > 0 { line = "\(Double(row - 1) / 100)\t1\t2" } }, // time not increasing
                { row, line in if row == damagedRow { line += "\t7" } }, // one value too many
                { row, line in if row == damagedRow || row == count - 1 - damagedRow { line = "0.5 1" } },
            ]
            for damage in cases {
                let bytes = rows(count, damage: damage)
                let parallel = outcome(bytes, threshold: 0), sequential = outcome(bytes, threshold: .max)
                switch (parallel, sequential) {
                case (.failure(let a), .failure(let b)): #expect(a == b, "row \(damagedRow)")
                case (.success(let a), .success(let b)): #expect(a == b, "row \(damagedRow)")
                default: Issue.record("row \(damagedRow): \(parallel) vs \(sequential)")
                }
            }
        }
    }
}
