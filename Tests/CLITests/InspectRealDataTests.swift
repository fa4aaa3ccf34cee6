import Foundation
import Testing
import TestSupport

/// `nmm inspect` on the real OpenSim files of ../shared/data, checked against the files' own text.
@Suite(.needsSharedData, .timeLimit(.minutes(2)))
struct InspectRealDataTests {
    /// Runs `nmm inspect path`, requires exit status 0 and returns the parsed output.
    private func inspect(_ path: String) throws -> InspectOutput {
        let result = try NMMExecutable.run(["inspect", path])
        #expect(result.exited(with: 0), "\(result.stderr)")
        #expect(result.stdout.hasPrefix("file: \(path)\n"))
        return InspectOutput(result.stdout)
    }

    /// Every listed column's first and last value agree with the raw text of the file's first and last rows.
    private func expectFirstAndLastRows(_ output: InspectOutput, _ raw: RawStorageText, label: (String) -> String = { $0 }) {
        for fileLabel in raw.labels.dropFirst() {
            guard let printed = output.statistics(of: label(fileLabel)), let exact = raw.firstAndLast(fileLabel) else {
                Issue.record("column '\(label(fileLabel))' is not listed")
                continue
            }
            #expect(agreesToPrintedPrecision(printed.first, exact.first), "\(fileLabel) first: \(printed.first) vs \(exact.first)")
            #expect(agreesToPrintedPrecision(printed.last, exact.last), "\(fileLabel) last: \(printed.last) vs \(exact.last)")
        }
    }

    /// Every muscle of class `className` in the model file is listed with the max_isometric_force its XML gives;
    /// returns how many muscles the file has.
    private func expectMaxIsometricForces(_ output: InspectOutput, modelPath: String, className: String) throws -> Int {
        let reference = OSimText(text: try TestFiles.text(modelPath)).muscles(ofClass: className, property: "max_isometric_force")
        for muscle in reference {
            let row = output.lines.first { $0.hasPrefix("  \(muscle.name) ") }
            let printed = row?.split(separator: " ").dropFirst().first.flatMap { Double($0) }
            guard let printed, let value = muscle.value else {
                Issue.record("\(muscle.name): no max_isometric_force printed (\(String(describing: row))) or none in the file")
                continue
            }
            #expect(agreesToPrintedPrecision(printed, value), "\(muscle.name): printed \(printed), file \(value)")
        }
        return reference.count
    }

    @Test func motionFileInDegrees() throws {
        let path = TestFiles.s01 + "/trial01/ik.mot"
        let output = try inspect(path)
        let raw = try #require(RawStorageText(try TestFiles.text(path)))
        #expect(output.value("kind") == "OpenSim Motion file, OpenSim 4 header (version=3)")
        #expect(output.value("rows") == "1001")
        #expect(raw.rowCount == 1001)
        #expect(output.value("time") == "0 to 10 s (uniform, 100 Hz)")
        #expect(raw.firstRow[0] == 0 && raw.lastRow[0] == 10)
        #expect(output.value("units")?.hasPrefix("degrees (inDegrees=yes)") == true)
        #expect(output.value("columns") == "3 (time and 2 data columns)")
        #expect(output.columnLabels == ["r_shoulder_elev", "r_elbow_flex"])
        expectFirstAndLastRows(output, raw)
        let elbow = try #require(output.statistics(of: "r_elbow_flex"))
        #expect(abs(elbow.first - 66.1644) < 1e-4, "values are shown in the file's degrees")
    }

    @Test func oldStyleMuscleAnalysisHeader() throws {
        let path = TestFiles.s01 + "/trial01/MuscleAnalysis_Length.sto"
        let output = try inspect(path)
        let raw = try #require(RawStorageText(try TestFiles.text(path)))
        #expect(output.value("kind") == "OpenSim Storage file, OpenSim 3 header (version=1)")
        #expect(output.value("name") == "Length")
        #expect(output.value("rows") == "1001")
        #expect(output.value("time") == "0 to 10 s (uniform, 100 Hz)")
        // Muscle-tendon lengths are metres: inDegrees speaks of angles only.
        #expect(output.value("units") == "angles in radians (inDegrees=no); other columns are read as written")
        #expect(output.columnLabels == ["TRIlong", "TRIlat", "TRImed", "BIClong", "BICshort", "BRA"])
        expectFirstAndLastRows(output, raw)
    }

    @Test func arm26ModelMuscles() throws {
        let path = TestFiles.s01 + "/model.osim"
        let output = try inspect(path)
        #expect(output.value("kind") == "OpenSim model 'arm26'")
        #expect(output.value("coordinates") == "2")
        #expect(output.value("muscles") == "6 (6 DeGrooteFregly2016Muscle)")
        #expect(try expectMaxIsometricForces(output, modelPath: path, className: "DeGrooteFregly2016Muscle") == 6)
        let biceps = try #require(output.lines.first { $0.hasPrefix("  BIClong ") })
        #expect(biceps.split(separator: " ").dropFirst().prefix(2) == ["624.3", "N"])
    }

    @Test func statePathLabelsAreMappedToCoordinateNames() throws {
        let path = TestFiles.walk + "/coordinates.sto"
        let output = try inspect(path)
        let raw = try #require(RawStorageText(try TestFiles.text(path)))
        #expect(output.value("rows") == "1350")
        #expect(output.value("time") == "0.45 to 1.799 s (uniform, 1000 Hz)")
        #expect(output.columnLabels.count == 31)
        #expect(output.columnLabels.contains("hip_flexion_r"))
        #expect(!output.columnLabels.contains { $0.contains("/") }, "no state path is left as a column name")
        #expect(output.lines.contains { $0.hasPrefix("note: 31 OpenSim state-path labels are read as column names") })
        #expect(raw.labels[7] == "/jointset/hip_r/hip_flexion_r/value")
        expectFirstAndLastRows(output, raw) { $0.split(separator: "/").dropLast().last.map(String.init) ?? $0 }
    }

    @Test func electromyographyAt2000Hz() throws {
        let path = TestFiles.walk + "/electromyography.sto"
        let output = try inspect(path)
        let raw = try #require(RawStorageText(try TestFiles.text(path)))
        #expect(output.value("rows") == "\(raw.rowCount)")
        #expect(output.value("time") == "0 to 2.3895 s (uniform, 2000 Hz)")
        #expect(output.columnLabels == Array(raw.labels.dropFirst()))
        #expect(output.columnLabels.contains("soleus"))
        expectFirstAndLastRows(output, raw)
    }

    @Test func rajagopalModelHasEightyMillardMuscles() throws {
        let path = TestFiles.walk + "/subject_walk_scaled.osim"
        let output = try inspect(path)
        #expect(output.value("kind") == "OpenSim model 'subject_walk_scaled'")
        #expect(output.value("muscles") == "80 (80 Millard2012EquilibriumMuscle)")
        #expect(try expectMaxIsometricForces(output, modelPath: path, className: "Millard2012EquilibriumMuscle") == 80)
    }
}
