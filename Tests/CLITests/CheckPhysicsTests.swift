import Foundation
import Testing
import TestSupport

/// `nmm check-physics` on the OpenSim reference subject and on a subject from `nmm simulate`.
@Suite(.needsSharedData, .timeLimit(.minutes(3)))
struct CheckPhysicsTests {
    @Test func openSimReferenceSubjectMeetsTheBars() throws {
        try PhysicsCheckReport(subject: TestFiles.s01).expectIssue4Bars()
    }

    @Test func simulatedSubjectIsSelfConsistent() throws {
        try TestFiles.withScratchFolder { folder in
            let subject = folder.appendingPathComponent("SIM03").path
            let result = try NMMExecutable.run(["simulate", subject, "--seed", "3"])
            #expect(result.exited(with: 0), "\(result.stderr)")
            #expect(result.stdout == "wrote 10 trials of SIM01 (seed 3) to \(subject)\n")
            try PhysicsCheckReport(subject: subject).expectIssue4Bars()
        }
    }

    @Test func tableOutputHasOneRowPerTrial() throws {
        let result = try NMMExecutable.run(["check-physics", TestFiles.s01])
        #expect(result.exited(with: 0), "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").dropFirst()
        #expect(rows.map { $0.split(separator: " ").first.map(String.init) } == (1...10).map { String(format: "trial%02d", $0) })
    }

    @Test func folderWithoutTruthModelFailsCleanly() throws {
        let result = try NMMExecutable.run(["check-physics", TestFiles.walk, "--json"])
        #expect(result.exited(with: 1), "reason \(result.reason), status \(result.status)")
        #expect(result.stderr.contains(TestFiles.walk + "/truth_model.osim: error: cannot open the file"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
