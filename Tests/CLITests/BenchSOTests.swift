import Foundation
import Testing
import TestSupport

/// `nmm bench so` on one trial of S01: it runs and its JSON line has every figure (timings themselves are not checked).
@Suite(.needsSharedData, .timeLimit(.minutes(2)))
struct BenchSOTests {
    @Test func jsonLineHasEveryFigure() throws {
        let result = try NMMExecutable.run(["bench", "so", TestFiles.s01, "--trials", "trial01", "--coordinates", "r_elbow_flex",
                                            "--repetitions", "2", "--json"])
        #expect(result.exited(with: 0), "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 1, "one JSON line: \(result.stdout)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["subject", "coordinates", "muscles", "repetitions", "trials", "total_frames", "frames_per_s",
                                     "speedup_vs_opensim", "worst_median_s_per_1001_frames", "opensim_s_per_1001_frames", "load_s",
                                     "load_average"])
        #expect(object["coordinates"] as? [String] == ["r_elbow_flex"])
        #expect(object["muscles"] as? [String] == ["TRIlong", "TRIlat", "TRImed", "BIClong", "BICshort", "BRA"])
        #expect(object["repetitions"] as? Int == 2 && object["total_frames"] as? Int == 1001)
        #expect(object["opensim_s_per_1001_frames"] as? Double == 2.5)
        let trials = try #require(object["trials"] as? [[String: Any]])
        #expect(trials.count == 1)
        let trial = try #require(trials.first)
        #expect(Set(trial.keys) == ["name", "frames", "median_s", "worst_s", "frames_per_s", "speedup_vs_opensim"])
        #expect(trial["name"] as? String == "trial01" && trial["frames"] as? Int == 1001)
    }

    @Test func aSubjectWithoutTrialsIsAUsageError() throws {
        let result = try NMMExecutable.run(["bench", "so", TestFiles.walk])
        #expect(result.exited(with: 64), "\(result.stderr)")
        #expect(result.stderr.contains("\(TestFiles.walk): expected trial folders (trial01, trial02, ...), found none"))
    }
}
