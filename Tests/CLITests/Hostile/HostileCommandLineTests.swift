import TestSupport
import Foundation
import Testing

/// Hostile command lines and damaged subject folders for `nmm fit`, `nmm predict` and `nmm inspect`: options out of
/// range are usage errors (status 64); damaged data is an error naming the file (status 1) with nothing written.
@Suite(.needsSharedData, .timeLimit(.minutes(5)))
struct HostileCommandLineTests {
    /// `nmm fit` of the project's `subject` (trial01 for training, trial03 for testing) into Output/fit.
    static func fit(_ name: String, method: String = "nmm", _ options: [String], status: Int32, message: String,
                    plant: @escaping @Sendable (URL) throws -> Void = { try HostileData.miniSubject(in: $0) }) -> HostileCase {
        HostileCase(name: "fit: \(name)", plant: plant, arguments: { project in
            ["fit", project.appendingPathComponent("subject").path, "--method", method, "--measured", "BIClong,BICshort,TRIlong,TRIlat",
             "--train", "trial01", "--test", "trial03", "--coordinates", "r_elbow_flex",
             "--output", project.appendingPathComponent("Output/fit").path] + (method == "nmm" ? ["--steps", "2"] : []) + options
        }, status: status, message: message)
    }

    static let options: [HostileCase] = [
        fit("--steps=-5", ["--steps=-5"], status: 64, message: "option 'steps' takes a whole number from 1 to 1000000, not -5"),
        fit("--steps 0", ["--steps", "0"], status: 64, message: "option 'steps' takes a whole number from 1 to 1000000, not 0"),
        fit("--steps 2000000", ["--steps", "2000000"], status: 64, message: "option 'steps' takes a whole number from 1 to 1000000"),
        fit("--steps 1e23", ["--steps", "1e23"], status: 64, message: "--steps: expected a whole number from 1 to 1000000, found '1e23'"),
        fit("--steps 99999999999999999999", ["--steps", "99999999999999999999"], status: 64, message: "--steps: expected a whole number from 1 to 1000000"),
        fit("--sample-rate nan", ["--sample-rate", "nan"], status: 64, message: "--sample-rate must be from 1 to 10000 Hz, not nan"),
        fit("--sample-rate -100", ["--sample-rate=-100"], status: 64, message: "--sample-rate must be from 1 to 10000 Hz"),
        fit("--sample-rate 1e7", ["--sample-rate", "1e7"], status: 64, message: "--sample-rate must be from 1 to 10000 Hz"),
        fit("--sample-rate inf", ["--sample-rate", "inf"], status: 64, message: "--sample-rate must be from 1 to 10000 Hz"),
        fit("--sample-rate 0", ["--sample-rate", "0"], status: 64, message: "--sample-rate must be from 1 to 10000 Hz"),
        fit("--sample-rate -1e300", ["--sample-rate=-1e300"], status: 64, message: "--sample-rate must be from 1 to 10000 Hz"),
        fit("--effort-weight nan", ["--effort-weight", "nan"], status: 64, message: "--effort-weight: expected a number from 0.0 to 1000000.0, found 'nan'"),
        fit("--effort-weight -1", ["--effort-weight=-1"], status: 64, message: "option 'effort-weight' takes a number from 0.0 to 1000000.0, not -1.0"),
        fit("--agonist-weight inf", ["--agonist-weight", "inf"], status: 64, message: "--agonist-weight: expected a number from 0.0 to 1000000.0, found 'inf'"),
        fit("--parameter-prior-weight 1e300", ["--parameter-prior-weight", "1e300"], status: 64, message: "option 'parameter-prior-weight' takes a number from 0.0 to 1000000.0"),
        fit("--recruitment-gain-prior-weight nan", ["--recruitment-gain-prior-weight", "nan"], status: 64,
            message: "--recruitment-gain-prior-weight: expected a number"),
        fit("--validation-fraction nan", ["--validation-fraction", "nan"], status: 64, message: "--validation-fraction: expected a number from 0.0 to 0.5, found 'nan'"),
        fit("--synergies 0", method: "mse", ["--synergies", "0"], status: 64, message: "option 'synergies' takes a whole number from 1 to 64, not 0"),
        fit("--synergies 1000", method: "mse", ["--synergies", "1000"], status: 64, message: "option 'synergies' takes a whole number from 1 to 64, not 1000"),
        fit("--emg-map without =", ["--emg-map", "BRA"], status: 64, message: "--emg-map: expected muscle=channel"),
        fit("--files with one name", ["--files", "ik.mot"], status: 64, message: "--files: expected kinematics,inverse-dynamics,emg,load"),
    ]

    /// Replaces the value at data row `row` of column `column` of the subject's `file` (in trial01) with `value`.
    static func damaged(_ file: String, column: Int = 1, row: Int = 300, value: String) -> @Sendable (URL) throws -> Void {
        { project in
            try HostileData.miniSubject(in: project)
            try HostileData.replaceValue(in: project.appendingPathComponent("subject/trial01/\(file)"), column: column, row: row, with: value)
        }
    }

    static let data: [HostileCase] = [
        fit("nan in emg.sto", [], status: 1, message: "emg.sto: error: expected finite numbers, found nan in column", plant: damaged("emg.sto", value: "nan")),
        fit("-nan in emg.sto", [], status: 1, message: "emg.sto: error: expected finite numbers", plant: damaged("emg.sto", value: "-nan")),
        fit("inf in emg.sto", [], status: 1, message: "emg.sto: error: expected finite numbers, found inf", plant: damaged("emg.sto", value: "inf")),
        fit("nan in load.sto", [], status: 1, message: "load.sto: error: expected finite numbers", plant: damaged("load.sto", value: "nan")),
        fit("nan in id.sto", [], status: 1, message: "id.sto: error: expected finite numbers", plant: damaged("id.sto", column: 2, value: "nan")),
        fit("nan in ik.mot", [], status: 1, message: "ik.mot: error: expected finite numbers", plant: damaged("ik.mot", column: 2, value: "nan")),
        fit("nan in a moment arm", [], status: 1, message: "MuscleAnalysis_MomentArm_r_elbow_flex.sto: error: expected finite numbers",
            plant: damaged("MuscleAnalysis_MomentArm_r_elbow_flex.sto", value: "nan")),
        fit("nan in a length", [], status: 1, message: "MuscleAnalysis_Length.sto: error: expected finite numbers",
            plant: damaged("MuscleAnalysis_Length.sto", value: "nan")),
        fit("1e999 in emg.sto", [], status: 1, message: "emg.sto: error: expected finite numbers", plant: damaged("emg.sto", value: "1e999")),
        fit("so with nan in id.sto", method: "so", [], status: 1, message: "id.sto: error: expected finite numbers",
            plant: damaged("id.sto", column: 2, value: "nan")),
        fit("mse with nan in emg.sto", method: "mse", [], status: 1, message: "emg.sto: error: expected finite numbers",
            plant: damaged("emg.sto", value: "nan")),
        fit("nan at the first row", [], status: 1, message: "at time 0.0 s (data row 1)", plant: { project in
            try HostileData.miniSubject(in: project)
            try HostileData.replaceValue(in: project.appendingPathComponent("subject/trial01/emg.sto"), column: 1, row: 0, with: "nan")
        }),
        fit("a row cut inside its last value", [], status: 1, message: "the file ends inside it, as if cut short", plant: { project in
            try HostileData.miniSubject(in: project)
            let url = project.appendingPathComponent("subject/trial01/emg.sto")
            let bytes = try Data(contentsOf: url)
            try bytes.prefix(bytes.count - 3).write(to: url)
        }),
        fit("an unknown muscle class", [], status: 1, message: "muscle 'BRA' spans r_elbow_flex but is a Schutte1993Muscle_Deprecated, which nmm cannot model",
            plant: { project in
                try HostileData.miniSubject(in: project)
                let url = project.appendingPathComponent("subject/model.osim")
                let text = try String(contentsOf: url, encoding: .utf8)
                    .replacingOccurrences(of: "<DeGrooteFregly2016Muscle name=\"BRA\">", with: "<Schutte1993Muscle_Deprecated name=\"BRA\">")
                try Data(HostileData.replacingClosingTag(of: "BRA", in: text, with: "Schutte1993Muscle_Deprecated").utf8).write(to: url)
            }),
        fit("no such subject", [], status: 1, message: "expected a subject folder, found no such folder", plant: { _ in }),
        fit("a model.osim that is a folder", [], status: 1, message: "model.osim: error: expected an OpenSim model file, found a folder",
            plant: { project in
                try HostileData.miniSubject(in: project)
                let model = project.appendingPathComponent("subject/model.osim")
                try FileManager.default.removeItem(at: model)
                try FileManager.default.createDirectory(at: model, withIntermediateDirectories: true)
            }),
        fit("a deep model.osim", [], status: 1, message: "elements nest more than 200 deep", plant: { project in
            try HostileData.miniSubject(in: project)
            try Data(HostileData.deepXML(depth: 50_000).utf8).write(to: project.appendingPathComponent("subject/model.osim"))
        }),
        fit("output is a symbolic link", [], status: 1, message: "is a symbolic link; give a real folder for the results", plant: { project in
            try HostileData.miniSubject(in: project)
            try FileManager.default.createDirectory(at: project.appendingPathComponent("Output"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("Output/fit").path,
                                                       withDestinationPath: project.appendingPathComponent("elsewhere").path)
        }),
        fit("output is a file", [], status: 1, message: "is a file, not a folder for the results", plant: { project in
            try HostileData.miniSubject(in: project)
            try FileManager.default.createDirectory(at: project.appendingPathComponent("Output"), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: project.appendingPathComponent("Output/fit"))
        }),
        fit("output holds the user's files", [], status: 1, message: "holds 'thesis.tex', which this command does not write", plant: { project in
            try HostileData.miniSubject(in: project)
            try FileManager.default.createDirectory(at: project.appendingPathComponent("Output/fit"), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: project.appendingPathComponent("Output/fit/thesis.tex"))
        }),
    ]

    static let inspect: [HostileCase] = [
        HostileData.inspect("escape sequences in labels", "esc.sto", "x\nversion=1\nnRows=2\nnColumns=2\ninDegrees=no\nendheader\ntime\t\u{1B}]0;owned\u{07}\u{1B}[31mred\n0\t1\n0.01\t2\n",
                            status: 0, message: "\\u{1b}]0;owned\\u{7}\\u{1b}[31mred"),
        HostileData.inspect("a BOM before inDegrees=yes", "bom.mot", "\u{FEFF}inDegrees=yes\nendheader\ntime\tr_elbow_flex\n0\t90\n0.01\t91\n",
                            status: 0, message: "units: degrees (inDegrees=yes)"),
        HostileData.inspect("a row cut inside its last value", "cut.sto", "x\nendheader\ntime\ta\n0\t1.5\n0.01\t2.2", status: 1,
                            message: "cut.sto:5: error: expected a line break after the last row"),
        HostileData.inspect("a CSV row cut short", "cut.csv", "time,a\n0,1\n0.01,2", status: 1, message: "expected a line break after the last row"),
        HostileData.inspect("a 50,000-deep .osim", "deep.osim", HostileData.deepXML(depth: 50_000), status: 1,
                            message: "elements nest more than 200 deep"),
        HostileData.inspect("a 201-deep .osim", "deep201.osim", HostileData.deepXML(depth: 201), status: 1,
                            message: "elements nest more than 200 deep"),
        HostileData.inspect("a DOCTYPE", "doctype.osim", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<OpenSimDocument/>",
                            status: 1, message: "found a DOCTYPE declaration"),
        HostileData.inspect("an unknown muscle class", "schutte.osim",
                            "<OpenSimDocument><Model name=\"m\"><ForceSet><objects><Schutte1993Muscle_Deprecated name=\"s\"/></objects></ForceSet></Model></OpenSimDocument>\n",
                            status: 0, message: "skipped s: class Schutte1993Muscle_Deprecated is not modelled by nmm"),
        HostileCase(name: "inspect: a 1.1 GiB file", plant: { project in
            let url = project.appendingPathComponent("huge.sto")
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 1100 << 20)
            try handle.close()
        }, arguments: { ["inspect", $0.appendingPathComponent("huge.sto").path] }, status: 1,
                    message: "the file is 1100 MiB; nmm reads files of at most 1024 MiB"),
        HostileCase(name: "inspect: a device", plant: { _ in }, arguments: { _ in ["inspect", "/dev/zero"] }, status: 1,
                    message: "expected a regular file"),
        HostileCase(name: "inspect: an .osim of 11 MB", plant: { project in
            try Data(try HostileData.bigModel(bytes: 11_000_000).utf8).write(to: project.appendingPathComponent("big.osim"))
        }, arguments: { ["inspect", $0.appendingPathComponent("big.osim").path] }, status: 0, message: "BRA2000"),
    ]

    @Test(arguments: options) func optionsFailCleanly(_ hostile: HostileCase) throws { try hostile.check() }
    @Test(arguments: data) func dataFailCleanly(_ hostile: HostileCase) throws { try hostile.check() }
    @Test(arguments: inspect) func inspectFailCleanly(_ hostile: HostileCase) throws { try hostile.check() }
}
