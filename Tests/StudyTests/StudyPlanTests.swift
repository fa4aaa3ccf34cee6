import Foundation
import XCTest
@testable import Study

final class StudyPlanTests: XCTestCase {
    func testFixedSplitExpandsToSubjectsMethodsSeedsWithStableIDsAndFitArguments() throws {
        let study = try TemporaryStudy(); defer { study.remove() }
        let path = try study.write("plan.toml", TemporaryStudy.plan(extra: """

            [fit]
            sample_rate = 100

            [method.nmm]
            steps = 30
            recruitment_gains = false
            """))
        let plan = try StudyPlan.load(from: path, knownMethods: ["nmm", "mse", "so"])
        XCTAssertEqual(plan.subjects.map(\.name), ["SIM01", "SIM02"])
        XCTAssertEqual(plan.subjects.map(\.source), [.simulated(seed: 1), .simulated(seed: 2)])
        let jobs = plan.jobs
        XCTAssertEqual(jobs.count, 2 * 3 * 2)
        XCTAssertEqual(jobs.prefix(3).map(\.id), ["SIM01-nmm-s1", "SIM01-nmm-s2", "SIM01-mse-s1"])
        XCTAssertEqual(Set(jobs.map(\.id)).count, jobs.count)
        XCTAssertEqual(jobs[0].arguments(subjectFolder: "SUBJ", output: "OUT"), [
            "fit", "SUBJ", "--method", "nmm", "--measured", "BIClong,BICshort,TRIlong,TRIlat", "--train", "trial01,trial02",
            "--test", "trial03", "--coordinates", "r_elbow_flex", "--seed", "1", "--sample-rate", "100",
            "--no-recruitment-gains", "--steps", "30", "--output", "OUT",
        ])
        XCTAssertFalse(jobs[2].fitArguments.contains("--steps"), "method options belong to their method only")
    }

    func testLeaveOneMuscleOutHidesEachChannelInTurn() throws {
        let study = try TemporaryStudy(); defer { study.remove() }
        let text = TemporaryStudy.plan(subjects: 1, methods: ["so"], seeds: [1])
            .replacingOccurrences(of: "split = \"fixed\"", with: "split = \"leave-one-muscle-out\"\nchannels = [\"BIClong\", \"TRIlat\"]")
        let plan = try StudyPlan.load(from: try study.write("lomo.toml", text))
        XCTAssertEqual(plan.jobs.map(\.id), ["SIM01-so-lomo-BIClong-s1", "SIM01-so-lomo-TRIlat-s1"])
        let measured = plan.jobs.map { $0.fitArguments[$0.fitArguments.firstIndex(of: "--measured")! + 1] }
        XCTAssertEqual(measured, ["BICshort,TRIlong,TRIlat", "BIClong,BICshort,TRIlong"])
    }

    func testLeaveOneTrialOutTestsEachTrialOnce() throws {
        let study = try TemporaryStudy(); defer { study.remove() }
        try FileManager.default.createDirectory(at: study.root.appendingPathComponent("data/S07"), withIntermediateDirectories: true)
        let path = try study.write("loto.toml", """
            coordinates = ["r_elbow_flex"]
            seeds = [3]
            methods = ["so"]
            [subjects]
            folders = ["data/S07"]
            [protocol]
            split = "leave-one-trial-out"
            trials = ["trial01", "trial02", "trial03"]
            """)
        let plan = try StudyPlan.load(from: path)
        XCTAssertEqual(plan.name, "loto")
        XCTAssertEqual(plan.subjects, [StudySubject(name: "S07", source: .folder(path: study.root.appendingPathComponent("data/S07").standardizedFileURL.path))])
        XCTAssertEqual(plan.jobs.map(\.id), ["S07-so-loto-trial01-s3", "S07-so-loto-trial02-s3", "S07-so-loto-trial03-s3"])
        let second = plan.jobs[1].fitArguments
        XCTAssertEqual(second[second.firstIndex(of: "--train")! + 1], "trial01,trial03")
        XCTAssertEqual(second[second.firstIndex(of: "--test")! + 1], "trial02")
    }

    /// Each bad plan: the line the error must name and words it must contain.
    func testBadPlansNameFileLineAndWhatWasExpected() throws {
        let study = try TemporaryStudy(); defer { study.remove() }
        let good = TemporaryStudy.plan()
        let cases: [(String, Int?, String)] = [
            (good.replacingOccurrences(of: "seeds = [1, 2]", with: "seeds = [1, \"two\"]"), 4, "array of integers"),
            (good.replacingOccurrences(of: "seeds = [1, 2]", with: "seeds = [1, 1]"), 4, "twice"),
            (good.replacingOccurrences(of: "seeds = [1, 2]\n", with: ""), nil, "missing 'seeds'"),
            (good.replacingOccurrences(of: "name = \"test-study\"", with: "nmae = \"x\""), 1, "unknown key 'nmae'"),
            (good.replacingOccurrences(of: "\"mse\", ", with: "\"msee\", "), 5, "expected nmm, mse, so"),
            (good.replacingOccurrences(of: "split = \"fixed\"", with: "split = \"random\""), 11, "unknown split 'random'"),
            (good.replacingOccurrences(of: "test = [\"trial03\"]", with: "test = [\"trial02\"]"), 13, "both a training and a test trial"),
            (good.replacingOccurrences(of: "simulate = 2", with: "folders = [\"nowhere\"]"), 8, "does not exist"),
            (good.replacingOccurrences(of: "name = \"test-study\"", with: "name = \"test-study"), 1, "not valid TOML"),
            (good + "\n[method.nmm]\nseed = 4\n", 16, "set by the study plan itself"),
            (good + "\n[method.agonist]\nsteps = 4\n", 15, "names no method"),
        ]
        for (text, line, words) in cases {
            let path = try study.write("bad.toml", text)
            XCTAssertThrowsError(try StudyPlan.load(from: path, knownMethods: ["nmm", "mse", "so"]), words) { error in
                guard let error = error as? StudyPlanError else { return XCTFail("\(words): \(error) is not a StudyPlanError") }
                XCTAssertEqual(error.file, path, words)
                XCTAssertEqual(error.line, line, "\(words): \(error)")
                XCTAssertTrue(error.description.contains(words), "\(error) lacks '\(words)'")
            }
        }
    }

    func testShippedPlansAreValidAndSizedAsTheIssueAsks() throws {
        let studies = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Notebooks/studies").standardizedFileURL
        let simulated = try StudyPlan.load(from: studies.appendingPathComponent("arm26-simulated.toml").path)
        XCTAssertEqual(simulated.subjects.count, 6)
        XCTAssertEqual(simulated.methods.map(\.label), ["nmm", "mse", "so", "agonist"])
        XCTAssertEqual(simulated.split.kind, "fixed")
        XCTAssertEqual(simulated.seeds.count, 2)
        XCTAssertEqual(simulated.jobs.count, 48)
        let lomo = try StudyPlan.load(from: studies.appendingPathComponent("arm26-lomo.toml").path)
        XCTAssertEqual(lomo.split, .leaveOneMuscleOut(train: simulated.folds[0].train, test: simulated.folds[0].test,
                                                      channels: ["BIClong", "BICshort", "TRIlong", "TRIlat"]))
    }
}
