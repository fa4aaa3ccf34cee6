import Foundation
import Testing

/// `nmm study` end to end with real fits: two simulated subjects × nmm (30 steps), mse and so × two seeds.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct StudyCLITests {
    static let plan = """
        name = "cli-study"
        coordinates = ["r_elbow_flex"]
        measured = ["BIClong", "BICshort", "TRIlong", "TRIlat"]
        seeds = [1, 2]
        methods = ["nmm", "mse", "so"]

        [subjects]
        simulate = 2

        [protocol]
        split = "fixed"
        train = ["trial01", "trial02", "trial04", "trial05", "trial07", "trial09"]
        test = ["trial03", "trial06", "trial08", "trial10"]

        [method.nmm]
        steps = 30
        """

    /// Writes the plan into `scratch` and returns its path.
    private func writePlan(in scratch: URL, _ text: String = plan) throws -> String {
        let path = scratch.appendingPathComponent("study.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// study.json without its timing keys.
    private func metrics(_ folder: URL) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("study.json"))) as! [String: Any]
        return json.filter { !$0.key.contains("seconds") }
    }

    /// Every finished job's job.json bytes, by id.
    private func records(_ folder: URL) -> [String: Data] {
        let jobs = folder.appendingPathComponent("jobs")
        return Dictionary(uniqueKeysWithValues: ((try? FileManager.default.contentsOfDirectory(atPath: jobs.path)) ?? []).compactMap { id in
            FileManager.default.contents(atPath: jobs.appendingPathComponent(id).appendingPathComponent("job.json").path).map { (id, $0) }
        })
    }

    @Test func planListsJobsAndBadPlansFailWithFileAndLine() throws {
        try TestFiles.withScratchFolder { scratch in
            let path = try writePlan(in: scratch)
            let listed = try NMMExecutable.run(["study", "plan", path, "--output", scratch.appendingPathComponent("out").path])
            #expect(listed.exited(with: 0), "\(listed.stderr)")
            #expect(listed.stdout.hasPrefix("12 jobs: 2 subjects × 3 methods × 1 folds (fixed) × 2 seeds"))
            #expect(listed.stdout.contains("SIM02-so-s2\tnmm fit "))
            let bad = try writePlan(in: scratch, Self.plan.replacingOccurrences(of: "\"so\"]", with: "\"sso\"]"))
            let refused = try NMMExecutable.run(["study", "run", bad, "--output", scratch.appendingPathComponent("bad").path])
            #expect(refused.reason == .exit && refused.status != 0)
            #expect(refused.stderr.contains("\(bad):5: method 'sso' is not one of this nmm's fit methods"), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("bad/jobs").path), "nothing written for a bad plan")
        }
    }

    @Test func killedRunResumesWithoutRerunningFinishedJobs() throws {
        try TestFiles.withScratchFolder { scratch in
            let path = try writePlan(in: scratch)
            let out = scratch.appendingPathComponent("out")
            let process = Process()
            process.executableURL = try #require(NMMExecutable.url)
            process.arguments = ["study", "run", path, "--jobs", "1", "--output", out.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(120)
            while records(out).count < 3, Date() < deadline, process.isRunning { Thread.sleep(forTimeInterval: 0.2) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let before = records(out)
            #expect(before.count >= 3 && before.count < 12, "killed midway (\(before.count) jobs done)")

            let resumed = try NMMExecutable.run(["study", "run", path, "--jobs", "2", "--output", out.path])
            #expect(resumed.exited(with: 0), "\(resumed.stderr)")
            #expect(resumed.stderr.contains("\(before.count)/12 done, 0 running, 0 failed"), "plain progress lines: \(resumed.stderr)")
            let after = records(out)
            #expect(after.count == 12)
            for (id, bytes) in before { #expect(after[id] == bytes, "\(id) was run again") }
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("work").path)) ?? []).isEmpty)
            let html = try String(contentsOf: out.appendingPathComponent("study.html"), encoding: .utf8)
            #expect(html.contains("Wilcoxon") && html.contains("<svg"))

            let status = try NMMExecutable.run(["study", "status", path, "--output", out.path])
            #expect(status.stdout.contains("12/12 done, 0 failed, 0 pending"), "\(status.stdout)")

            // A notebook loads the study like any other value.
            let notebook = scratch.appendingPathComponent("uses-study.md")
            try """
                # A study in a notebook

                ```nmm
                sim = study "study.toml" output: "\(out.path)"
                print sim.comparisons
                ```
                """.write(to: notebook, atomically: true, encoding: .utf8)
            let ran = try NMMExecutable.run(["run", notebook.path, "--output", scratch.appendingPathComponent("reports").path])
            #expect(ran.exited(with: 0), "\(ran.stderr)")
            let report = try String(contentsOf: scratch.appendingPathComponent("reports/uses-study.html"), encoding: .utf8)
            #expect(report.contains("Paired comparisons per hidden muscle") && report.contains("nmm − mse"))
            #expect(report.contains("table of 12 rows × 8 columns"), "BRA and TRImed × r and RMSE × three pairs")
            #expect(report.components(separatedBy: "<svg").count - 1 >= 4, "strip charts of r and RMSE for BRA and TRImed")
        }
    }

    /// Why the Slurm test cannot run here, or nil when a local cluster answers (scripts/slurm-local start).
    static let slurmUnavailable: String? = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sinfo", "--noheader", "--format=%t"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "no Slurm here (start one with scripts/slurm-local start)" }
        let states = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return "sinfo failed: no Slurm controller answers (scripts/slurm-local start)" }
        guard states.contains("idle") || states.contains("mix") else { return "no Slurm node is idle (sinfo: \(states.trimmingCharacters(in: .whitespacesAndNewlines)))" }
        return nil
    }()

    @Test(.disabled(if: slurmUnavailable != nil, Comment(rawValue: slurmUnavailable ?? "")))
    func slurmArrayGivesTheSameStudyAsALocalRun() throws {
        try TestFiles.withScratchFolder { scratch in
            let path = try writePlan(in: scratch)
            let local = scratch.appendingPathComponent("local"), slurm = scratch.appendingPathComponent("slurm")
            let here = try NMMExecutable.run(["study", "run", path, "--jobs", "2", "--output", local.path])
            #expect(here.exited(with: 0), "\(here.stderr)")
            let submitted = try NMMExecutable.run(["study", "run", path, "--slurm", "--cpus", "1", "--output", slurm.path])
            #expect(submitted.exited(with: 0), "\(submitted.stderr)")
            #expect(submitted.stdout.contains("submitted Slurm array"))
            #expect(FileManager.default.fileExists(atPath: slurm.appendingPathComponent("slurm/array.sh").path))
            #expect(NSDictionary(dictionary: try metrics(local)).isEqual(to: try metrics(slurm)), "study.json differs between backends")
            let again = try NMMExecutable.run(["study", "run", path, "--slurm", "--output", slurm.path])
            #expect(again.exited(with: 0) && !again.stdout.contains("submitted"), "nothing left to submit: \(again.stdout)")
        }
    }
}
