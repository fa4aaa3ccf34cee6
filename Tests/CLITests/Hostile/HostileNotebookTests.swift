import TestSupport
import Foundation
import Testing

/// Hostile notebooks: numbers no command can use, nesting and string bombs, paths outside the folders a notebook may
/// read, allocation bombs, control characters. Each fails cleanly with a message at the line that caused it.
@Suite(.timeLimit(.minutes(5)))
struct HostileNotebookTests {
    static let secret = "TOPSECRET4711"

    /// Writes a file holding ``secret`` beside the project (outside every folder the notebook may read).
    @Sendable static func plantSecret(_ project: URL) throws {
        try Data("TRIlong \(secret)\nalpha beta\n".utf8).write(to: project.deletingLastPathComponent()
            .appendingPathComponent("\(project.lastPathComponent)-secret.txt"))
    }

    static let numbers: [HostileCase] = [
        .block("seed 1e19", "x = simulate arm seed: 1e19", message: "needs a whole number from -2^53 to 2^53, got"),
        .block("seed -1e19", "x = simulate arm seed: -1e19", message: "needs a whole number from -2^53 to 2^53"),
        .block("seed 9.3e18", "x = simulate arm seed: 9300000000000000000", message: "needs a whole number from -2^53 to 2^53"),
        .block("seed 1e300", "x = simulate arm seed: 1e300", message: "needs a whole number from -2^53 to 2^53"),
        .block("seed 2.5", "x = simulate arm seed: 2.5", message: "needs a whole number, got 2.5"),
        .block("number 1e309", "x = 1e309", message: "'1e309' is"),
        .block("number -1e400", "x = -1e400", message: "'-1e400' is"),
        .block("steps 1e23", "x = sine frequencies: [1]\ny = simulate arm seed: 1e23", message: "needs a whole number from -2^53"),
        .block("param used as seed", "param seed = 1e19\nx = simulate arm seed: seed", message: "needs a whole number from -2^53"),
        .notebook("--param seed=1e30", "```nmm\nparam seed = 1\nx = simulate arm seed: seed\n```\n", message: "needs a whole number from -2^53",
                  extraArguments: ["--param", "seed=1e30"]),
        .notebook("--param seed=nan", "```nmm\nparam seed = 1\nx = simulate arm seed: seed\n```\n", message: "is not a finite one",
                  extraArguments: ["--param", "seed=nan"]),
        .notebook("--param seed=inf", "```nmm\nparam seed = 1\nx = simulate arm seed: seed\n```\n", message: "is not a finite one",
                  extraArguments: ["--param", "seed=inf"]),
        .notebook("--param list of nan", "```nmm\nparam f = [1, 2]\nx = sine frequencies: f\n```\n", message: "is not a finite one",
                  extraArguments: ["--param", "f=1,nan"]),
        .block("duration nan-free but huge", "x = sine frequencies: [1] duration: 1e300", message: "give at most 10 million samples"),
        .block("negative rate", "x = sine frequencies: [1] rate: -100", message: "rate must be more than 0"),
    ]

    static let bombs: [HostileCase] = [
        .block("list 30000 deep", "x = " + String(repeating: "[", count: 30_000), message: "lists nest at most 64 deep"),
        .block("list 65 deep, closed", "x = " + String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
               message: "lists nest at most 64 deep"),
        .block("deep list as an option", "x = sine frequencies: " + String(repeating: "[", count: 100) + "1" + String(repeating: "]", count: 100),
               message: "lists nest at most 64 deep"),
        .block("interpolation bomb", "a0 = \"xxxxxxxxxx\"\n" + (1...10).map { i in "a\(i) = \"" + String(repeating: "{a\(i - 1)}", count: 10) + "\"" }
            .joined(separator: "\n") + "\nprint \"{a10}\"", message: "grows past 1024 KiB once its {names} are filled in"),
        .block("doubling interpolation", "a0 = \"xxxxxxxxxxxxxxxx\"\n" + (1...20).map { i in "a\(i) = \"{a\(i - 1)}{a\(i - 1)}\"" }
            .joined(separator: "\n"), message: "grows past 1024 KiB once its {names} are filled in"),
        .block("list of big strings", "a0 = \"" + String(repeating: "x", count: 1000) + "\"\n"
            + (1...3).map { i in "a\(i) = \"" + String(repeating: "{a\(i - 1)}", count: 10) + "\"" }.joined(separator: "\n")
            + "\nb = [" + Array(repeating: "a3", count: 200).joined(separator: ", ") + "]", message: "this list holds more than 1024 KiB"),
        .block("sine 10^7 samples × 200 waves", "x = sine frequencies: [" + (1...200).map(String.init).joined(separator: ", ")
            + "] duration: 100000 rate: 100", message: "would hold more than 20000000 values"),
        .block("simulate 60 trials", "x = simulate arm curls: [" + Array(repeating: "1", count: 60).joined(separator: ", ") + "]",
               message: "simulate at most 50 trials, not 60"),
        .block("sine 10^7 samples × 3 waves", "x = sine frequencies: [1, 2, 3] duration: 99999 rate: 100",
               message: "would hold more than 20000000 values"),
    ]

    static let paths: [HostileCase] = [
        .block("load /etc", "a = load opensim \"/etc\"", message: "'/etc' is outside the folders this notebook may read"),
        .block("load /", "a = load opensim \"/\"", message: "'/' is outside the folders this notebook may read"),
        .block("load ../../../../etc", "a = load opensim \"../../../../../../../../etc\"", message: "is outside the folders this notebook may read"),
        .block("load /proc/self", "a = load opensim \"/proc/self\"", message: "'/proc/self' is outside the folders"),
        .block("mapping /etc/shadow", "a = load opensim \"\(TestFiles.s01)\" mapping: \"/etc/shadow\"",
               message: "'/etc/shadow' is outside the folders this notebook may read"),
        .block("mapping beside the project", "a = load opensim \"\(TestFiles.s01)\" mapping: \"../secret.txt\"",
               message: "is outside the folders this notebook may read", plant: { project in
                   try Data("TRIlong \(secret)\n".utf8).write(to: project.deletingLastPathComponent().appendingPathComponent("secret.txt"))
               }),
        .block("symlink to /etc", "a = load opensim \"etc-link\"", message: "'etc-link' is outside the folders this notebook may read",
               plant: { project in try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("etc-link").path,
                                                                               withDestinationPath: "/etc") }),
        .block("symlinked mapping", "a = load opensim \"\(TestFiles.s01)\" mapping: \"map.txt\"", message: "'map.txt' is outside the folders",
               plant: { project in
                   try plantSecret(project)
                   try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("map.txt").path,
                                                              withDestinationPath: project.path + "-secret.txt")
               }),
        .block("symlink inside a subject folder", "a = load opensim \"subject\"", message: "leads outside the folders this notebook may read",
               plant: { project in
                   try plantSecret(project)
                   let subject = project.appendingPathComponent("subject")
                   try FileManager.default.createDirectory(at: subject, withIntermediateDirectories: true)
                   try FileManager.default.createSymbolicLink(atPath: subject.appendingPathComponent("notes.txt").path,
                                                              withDestinationPath: project.path + "-secret.txt")
               }),
        .block("a 300 MiB file", "a = load opensim \"big\"", message: "is 300 MiB; a notebook reads files of at most 256 MiB", plant: { project in
            let folder = project.appendingPathComponent("big")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let handle = try FileHandle(forWritingTo: { let url = folder.appendingPathComponent("huge.sto")
                _ = FileManager.default.createFile(atPath: url.path, contents: nil); return url }())
            try handle.truncate(atOffset: 300 << 20)
            try handle.close()
        }),
        HostileCase(name: "notebook: a data root that is not named", plant: { project in
            try Data("```nmm\na = load opensim \"\(TestFiles.s01)\"\n```\n".utf8).write(to: project.appendingPathComponent("nb.md"))
        }, arguments: { project in
            ["run", project.appendingPathComponent("nb.md").path, "--output", project.appendingPathComponent("Output").path,
             "--data-root", project.appendingPathComponent("data").path]
        }, status: 1, message: "is outside the folders this notebook may read"),
    ]

    static let text: [HostileCase] = [
        .block("escape in a name", "x\u{1B}[31m = 1", message: "unexpected character"),
        .block("OSC title in a string error", "print \"\u{1B}]0;owned\u{07}{nothing}\"", message: "no value named 'nothing'"),
        .block("BEL in an option name", "x = sine frequencies: [1] bell\u{07}: 2", message: "unexpected character"),
        .block("unclosed string", "print \"abc", message: "this string is not closed"),
        .block("unclosed list", "x = [1, 2", message: "this '[' is not closed"),
        .block("stray bracket", "x = 1]", message: "']' without a matching '['"),
        .block("single quotes", "print 'x'", message: "strings use double quotes"),
        .block("unknown command", "x = frobnicate 1", message: "unknown command 'frobnicate'"),
        .block("unknown escape", "print \"\\q\"", message: "unknown escape '\\q'"),
        .block("brace without name", "print \"{ }\"", message: "write a name inside {…}"),
        .block("number followed by letters", "x = 12abc", message: "a number cannot be followed by letters"),
        .block("option given twice", "x = sine frequencies: [1] rate: 10 rate: 20", message: "option 'rate' is given twice"),
        .block("NUL in source", "x = \u{0}", message: "unexpected character"),
    ]

    @Test(arguments: numbers) func numbersFailCleanly(_ hostile: HostileCase) throws { try hostile.check() }
    @Test(arguments: bombs) func bombsFailCleanly(_ hostile: HostileCase) throws { try hostile.check() }
    @Test(arguments: paths) func pathsFailCleanly(_ hostile: HostileCase) throws { try hostile.check() }
    @Test(arguments: text) func textFailCleanly(_ hostile: HostileCase) throws { try hostile.check() }

    @Test func refusedFilesNeverReachTheReport() throws {
        try TestFiles.withScratchFolder { project in
            try Self.plantSecret(project)
            let notebook = project.appendingPathComponent("nb.md")
            try Data("```nmm\na = load opensim \"\(TestFiles.s01)\" mapping: \"\(project.path)-secret.txt\"\n```\n".utf8).write(to: notebook)
            let result = try NMMExecutable.run(["run", notebook.path, "--output", project.appendingPathComponent("Output").path])
            #expect(result.exited(with: 1))
            for file in ["nb.html", "nb.json"] {
                let report = try String(contentsOf: project.appendingPathComponent("Output/\(file)"), encoding: .utf8)
                #expect(!report.contains(Self.secret), "\(file) holds the secret")
            }
            #expect(!result.stderr.contains(Self.secret))
        }
    }

    @Test func reportForbidsEveryExternalLoad() throws {
        try TestFiles.withScratchFolder { project in
            let notebook = project.appendingPathComponent("img.md")
            try Data("# img\n\n![x](http://127.0.0.1:9/pixel.png)\n".utf8).write(to: notebook)
            let result = try NMMExecutable.run(["run", notebook.path, "--output", project.appendingPathComponent("Output").path])
            #expect(result.exited(with: 0), "\(result.stderr)")
            let html = try String(contentsOf: project.appendingPathComponent("Output/img.html"), encoding: .utf8)
            #expect(html.contains("<meta HTTP-EQUIV=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:;"))
        }
    }

    @Test func denseSeriesAreDecimatedInTheReport() throws {
        try TestFiles.withScratchFolder { project in
            let notebook = project.appendingPathComponent("dense.md")
            try Data("```nmm\nx = sine frequencies: [3, 7] duration: 2000 rate: 100\nplot series x\n```\n".utf8).write(to: notebook)
            let result = try NMMExecutable.run(["run", notebook.path, "--output", project.appendingPathComponent("Output").path])
            #expect(result.exited(with: 0), "\(result.stderr)")
            let size = try FileManager.default.attributesOfItem(atPath: project.appendingPathComponent("Output/dense.html").path)[.size] as? Int ?? 0
            #expect(size < 400_000, "2 × 200,001 samples drawn in a \(size)-byte report")
            let html = try String(contentsOf: project.appendingPathComponent("Output/dense.html"), encoding: .utf8)
            #expect(html.contains("data: too many samples to embed, all in dense.json"), "the CSV is left to the JSON, which says so")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: project.appendingPathComponent("Output/dense.json"))) as? [String: Any]
            let figure = (json?["figures"] as? [[String: Any]])?.first
            let lines = figure?["series"] as? [[String: Any]] ?? []
            #expect(lines.map { ($0["y"] as? [Any])?.count ?? 0 } == [200_001, 200_001], "the JSON keeps every sample")
        }
    }
}
