import Foundation
import Testing
import TestSupport

/// `nmm fit --method` and `nmm help methods` come from Estimation's method registry; a subject whose model uses
/// another muscle class is fitted with that class's curves and says so.
@Suite(.timeLimit(.minutes(5)))
struct FitMethodTests {
    /// A copy of S01 named `name` in `folder` whose model.osim is `edit`ed; returns its path.
    static func s01(in folder: URL, named name: String, editing edit: (String) throws -> String) throws -> String {
        let subject = folder.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: TestFiles.s01, toPath: subject)
        let model = subject + "/model.osim"
        try edit(try TestFiles.text(model)).write(toFile: model, atomically: true, encoding: .utf8)
        return subject
    }

    @Test func helpMethodsListsEveryMethodWithItsCapabilitiesAndOptions() throws {
        let result = try NMMExecutable.run(["help", "methods"])
        #expect(result.exited(with: 0))
        for line in ["nmm — ", "mse — ", "so — ", "agonist — ", "mean — ", "predicts from kinematics and load alone", "reads each predicted trial's EMG",
                     "--steps (a whole number from 1 to 1000000; default 3000)", "--synergies", "--reserve-optimal-force"] {
            #expect(result.stdout.contains(line), "help methods lacks '\(line)'")
        }
    }

    @Test(.needsSharedData)
    func anOptionOfAnotherMethodIsSkippedWithANote() throws {
        try TestFiles.withScratchFolder { folder in
            let output = folder.appendingPathComponent("mean").path
            let result = try NMMExecutable.run(["fit", TestFiles.s01, "--method", "mean", "--train", "trial01", "--test", "trial03",
                                                "--coordinates", "r_elbow_flex", "--output", output, "--steps", "5", "--validation-fraction=0"])
            #expect(result.exited(with: 0), "\(result.stderr)")
            #expect(result.stderr.contains("--steps is an option of nmm; --method mean does not use it (ignored)"))
            #expect(result.stderr.contains("--validation-fraction is an option of nmm; --method mean does not use it (ignored)"))
            #expect(FileManager.default.fileExists(atPath: output + "/metrics.json"))
        }
    }

    @Test func anOptionNoMethodHasIsRefusedWithTheMethodsOwnOptions() throws {
        let result = try NMMExecutable.run(["fit", TestFiles.s01, "--method", "mse", "--test", "trial03", "--coordinates", "r_elbow_flex",
                                            "--output", "/nonexistent/never-written", "--stepz", "5"])
        #expect(result.exited(with: 64))
        #expect(result.stderr.contains("--method mse has no option --stepz") && result.stderr.contains("--synergies"))
    }

    @Test func anOptionOutsideItsRangeIsRefused() throws {
        let result = try NMMExecutable.run(["fit", TestFiles.s01, "--method", "nmm", "--test", "trial03", "--coordinates", "r_elbow_flex",
                                            "--output", "/nonexistent/never-written", "--steps=-5"])
        #expect(result.exited(with: 64))
        #expect(result.stderr.contains("'steps' takes a whole number from 1 to 1000000, not -5"))
    }

    @Test(.needsSharedData)
    func aThelenSubjectIsFittedWithThelenCurvesAndSaysSo() throws {
        try TestFiles.withScratchFolder { folder in
            let subject = try Self.s01(in: folder, named: "thelen") {
                $0.replacingOccurrences(of: "DeGrooteFregly2016Muscle", with: "Thelen2003Muscle")
            }
            let output = folder.appendingPathComponent("so").path
            let result = try NMMExecutable.run(["fit", subject, "--method", "so", "--test", "trial03", "--coordinates", "r_elbow_flex",
                                                "--output", output])
            #expect(result.exited(with: 0), "\(result.stderr)")
            #expect(result.stderr.contains("BRA (Thelen2003Muscle): Thelen's curves"))
            let metrics = try TestFiles.text(output + "/metrics.json")
            #expect(metrics.contains("\"BRA\""))
        }
    }

    @Test(.needsSharedData)
    func aSpanningMuscleOfAClassNmmCannotModelIsAnErrorNamingIt() throws {
        try TestFiles.withScratchFolder { folder in
            let subject = try Self.s01(in: folder, named: "unknown-class") { text in
                var text = text
                let open = try #require(text.range(of: "<DeGrooteFregly2016Muscle name=\"BRA\">"))
                text.replaceSubrange(open, with: "<Schutte1993Muscle_Deprecated name=\"BRA\">")
                let close = try #require(text.range(of: "</DeGrooteFregly2016Muscle>", range: open.lowerBound..<text.endIndex))
                text.replaceSubrange(close, with: "</Schutte1993Muscle_Deprecated>")
                return text
            }
            let result = try NMMExecutable.run(["fit", subject, "--method", "so", "--test", "trial03", "--coordinates", "r_elbow_flex",
                                                "--output", folder.appendingPathComponent("so").path])
            #expect(result.exited(with: 1))
            #expect(result.stderr.contains("muscle 'BRA'") && result.stderr.contains("Schutte1993Muscle_Deprecated"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("so/metrics.json").path))
        }
    }

    /// The floors run like any method and metrics.json has the per-trial shape: a constant estimate's r is null.
    @Test(.needsSharedData)
    func floorsWritePerTrialMetricsWithUndefinedAsNull() throws {
        try TestFiles.withScratchFolder { folder in
            for method in ["agonist", "mean"] {
                let output = folder.appendingPathComponent(method).path
                let result = try NMMExecutable.run(["fit", TestFiles.s01, "--method", method, "--measured", "BIClong,BICshort,TRIlong,TRIlat",
                                                    "--train", "trial01,trial02", "--test", "trial03,trial08", "--coordinates", "r_elbow_flex",
                                                    "--output", output])
                #expect(result.exited(with: 0), "\(result.stderr)")
                let data = try Data(contentsOf: URL(fileURLWithPath: output + "/metrics.json"))
                let metrics = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                let bra = try #require((metrics["excitation"] as? [String: Any])?["BRA"] as? [String: Any])
                let trial = try #require((bra["per_trial"] as? [String: Any])?["trial08"] as? [String: Any])
                #expect(Set(trial.keys) == ["r", "rmse", "nrmse", "r2", "vaf", "active"])
                #expect(bra["measured"] as? Bool == false)
                if method == "mean" { #expect(trial["r"] is NSNull, "a constant estimate has no r") }
                else { #expect(trial["r"] is Double) }
            }
        }
    }
}
