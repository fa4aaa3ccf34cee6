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

    /// OpenSim's compliant-tendon reference (issue 15): every force within 1 % of its peak, torques at R² ≥ 0.999 by
    /// default (truth_model.osim's tendons are compliant); --tendons rigid misses by far more.
    @Test(arguments: ["knee_angle_r", "ankle_angle_r"])
    func compliantReferenceMeetsIssue15Bars(coordinate: String) throws {
        let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("MusculoskeletalTests/CompliantReference").path
        for (tendons, meets) in [("model", true), ("rigid", false)] {
            let result = try NMMExecutable.run(["check-physics", reference, "--coordinate", coordinate, "--tendons", tendons, "--json"])
            try #require(result.exited(with: 0), "\(result.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let trial = try #require((json["trials"] as? [[String: Any]])?.first)
            let r2 = try #require(trial["r2"] as? Double), forceError = try #require(trial["force_err_pct"] as? Double)
            #expect((r2 >= 0.999 && forceError <= 1) == meets, "\(tendons) \(coordinate): R² \(r2), force error \(forceError) %")
        }
    }

    @Test func folderWithoutTruthModelFailsCleanly() throws {
        let result = try NMMExecutable.run(["check-physics", TestFiles.walk, "--json"])
        #expect(result.exited(with: 1), "reason \(result.reason), status \(result.status)")
        #expect(result.stderr.contains(TestFiles.walk + "/truth_model.osim: error: cannot open the file"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
