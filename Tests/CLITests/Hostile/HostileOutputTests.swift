import TestSupport
import Foundation
import Testing

/// The output folder under attack or after a crash: links planted to send files elsewhere, a second run of the same
/// notebook, and the leftovers of a killed run.
@Suite(.timeLimit(.minutes(5)))
struct HostileOutputTests {
    static let saving = "```nmm\nw = sine frequencies: [1]\nsave w \"w.sto\"\n```\n"

    static let links: [HostileCase] = [
        .notebook("Output/NAME is a link to a folder outside", saving, message: "is a symbolic link; nmm writes only into real folders", plant: { project in
            let elsewhere = project.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: project.appendingPathComponent("Output"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("Output/nb").path, withDestinationPath: elsewhere.path)
        }),
        .notebook("the cache is a link to a folder outside", saving, message: "is a symbolic link; nmm writes only into real folders", plant: { project in
            let elsewhere = project.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: project.appendingPathComponent("Output"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("Output/.nmm-cache").path,
                                                       withDestinationPath: elsewhere.path)
        }),
        .notebook("a saved file's name is a link to a file outside", saving, status: 0, message: "Output/nb.html", plant: { project in
            try Data("keep me\n".utf8).write(to: project.appendingPathComponent("precious.txt"))
            try FileManager.default.createDirectory(at: project.appendingPathComponent("Output/nb"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("Output/nb/w.sto").path,
                                                       withDestinationPath: project.appendingPathComponent("precious.txt").path)
        }),
        .notebook("the report's temporary name is a link to a file outside", saving, status: 0, message: "Output/nb.html", plant: { project in
            try Data("keep me\n".utf8).write(to: project.appendingPathComponent("precious.txt"))
            try FileManager.default.createDirectory(at: project.appendingPathComponent("Output"), withIntermediateDirectories: true)
            for pid in 1...300 {
                try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("Output/.nb.html.\(pid).tmp").path,
                                                           withDestinationPath: project.appendingPathComponent("precious.txt").path)
            }
        }),
        .block("save with a folder in the name", "w = sine frequencies: [1]\nsave w \"../../escape.sto\"", message: "give a plain file name"),
    ]

    @Test(arguments: links) func linksFailCleanly(_ hostile: HostileCase) throws { try hostile.check() }

    @Test func aKilledRunsLeftoversAreRemovedByTheNextRun() throws {
        try TestFiles.withScratchFolder { project in
            let output = project.appendingPathComponent("Output")
            let notebook = project.appendingPathComponent("nb.md")
            try Data(Self.saving.utf8).write(to: notebook)
            let leftovers = ["Output/.nb.html.999999.tmp", "Output/.nb.json.999999.tmp", "Output/nb/w.sto.tmp-AbC123",
                             "Output/nb/.partial-simulated-SIM-seed1-999999/trial01/ik.mot", "Output/.nmm-cache/.0123.json.999999.tmp"]
            for leftover in leftovers {
                let url = project.appendingPathComponent(leftover)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("half".utf8).write(to: url)
            }
            let result = try NMMExecutable.run(["run", notebook.path, "--output", output.path])
            #expect(result.exited(with: 0), "\(result.stderr)")
            for leftover in leftovers {
                #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent(leftover).path), "\(leftover) is still there")
            }
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("nb/w.sto").path))
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func aSecondRunOfTheSameNotebookWaitsForTheFirst() throws {
        try TestFiles.withScratchFolder { project in
            let output = project.appendingPathComponent("Output")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            let notebook = project.appendingPathComponent("nb.md")
            try Data(Self.saving.utf8).write(to: notebook)
            // Another run, played by flock(1), holds the notebook's lock for 2 s.
            let holder = Process()
            holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            holder.arguments = [output.appendingPathComponent(".nb.nmm-lock").path, "sleep", "2"]
            try holder.run()
            Thread.sleep(forTimeInterval: 0.3)
            let started = Date()
            let result = try NMMExecutable.run(["run", notebook.path, "--output", output.path])
            holder.waitUntilExit()
            #expect(result.exited(with: 0), "\(result.stderr)")
            #expect(Date().timeIntervalSince(started) >= 1.5, "the run did not wait for the lock")
            #expect(result.stderr.contains("waiting for another nmm run that writes the same output to finish"), "\(result.stderr)")
        }
    }

    @Test(.needsSharedData)
    func fitResultsReplaceTheFolderWholeAndLeaveNothingBehind() throws {
        try TestFiles.withScratchFolder { project in
            try HostileData.miniSubject(in: project)
            let output = project.appendingPathComponent("Output/fit")
            let partial = project.appendingPathComponent("Output/.fit.nmm-partial-999999/trial03_force.sto")
            try FileManager.default.createDirectory(at: partial.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("half".utf8).write(to: partial)
            let arguments = ["fit", project.appendingPathComponent("subject").path, "--method", "so", "--test", "trial03",
                             "--coordinates", "r_elbow_flex", "--output", output.path]
            for _ in 0..<2 {
                let result = try NMMExecutable.run(arguments)
                #expect(result.exited(with: 0), "\(result.stderr)")
            }
            // A run killed between moving the previous results aside and renaming the new ones into place: the next
            // run puts the previous results back before it starts.
            let aside = project.appendingPathComponent("Output/.fit.nmm-old-999999")
            try FileManager.default.moveItem(at: output, to: aside)
            try FileManager.default.removeItem(at: output.appendingPathComponent("../../subject/trial03/id.sto").standardizedFileURL)
            let failed = try NMMExecutable.run(arguments)
            #expect(failed.exited(with: 1), "\(failed.stderr)")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("metrics.json").path), "the previous results are back")
            let left = try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("Output").path).sorted()
            #expect(left == [".fit.nmm-lock", "fit"], "\(left)")
            let written = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
            #expect(written == ["metrics.json", "trial03_activation.sto", "trial03_excitation.sto", "trial03_force.sto", "trial03_torque.sto"])
        }
    }
}
