import BiomechIO
import Foundation
import Musculoskeletal

/// `simulate arm`: a synthetic subject from nmm's built-in arm simulator, with known truth.
struct SimulateArmCommand: NotebookCommand {
    static let name = "simulate arm"
    static let summary = "Simulate a subject with nmm's built-in arm (known truth, no data needed)."
    static let discussion = """
        Simulates a subject with the planar two-link arm and arm26's six muscles (Holzbaur et al. 2005 \
        parameters): the subject's true muscle strengths and lengths differ from the generic model by a \
        random scale drawn from the seed, a recruitment rule with co-contraction decides the excitations (the \
        subject minimises a weighted sum of activations to a power between 2 and 3, drawn from the seed), \
        and activation dynamics, the Hill muscles and the moment arms give the joint torques. Surface EMG of \
        the four superficial muscles (BIClong, BICshort, TRIlong, TRIlat) is recorded with gain error and \
        noise; BRA and TRImed are hidden, as in arm26-lifting/S01. The subject is written like an OpenSim \
        subject folder to OUTPUT/NOTEBOOK/simulated-NAME-seedN/ (truth_* files included, for evaluation \
        only) and read back, so it behaves exactly like `load opensim`. The same seed gives the same subject; \
        an existing folder made with the same settings is reused.
        """
    static let parameters: [ParameterSpec] = [
        .seed(help: "Seeds every random draw: same seed, same subject."),
        .option("curls", .list(.number), default: "[0, 1, 2, 3, 4, 5, 2.5] kg", help: "Masses held in the hand, one curl trial each (kg)."),
        .option("pushdowns", .list(.number), default: "[15, 30, 45] N", help: "Cable forces, one triceps push-down trial each (N)."),
        .option("duration", .number, default: "10", help: "Length of each trial in seconds."),
        .option("name", .word, default: "SIM", help: "The subject's name."),
    ]
    static let examples = [
        "data = simulate arm seed: 7",
        "small = simulate arm seed: 3 curls: [0, 2, 4] pushdowns: [20] duration: 5",
    ]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        let seed = invocation.integer("seed") ?? ParameterSpec.defaultSeed
        guard seed >= 0 else { throw invocation.error("the seed is a whole number from 0", at: "seed") }
        let duration = invocation.number("duration") ?? 10
        guard duration >= 1, duration <= 600 else { throw invocation.error("a trial lasts from 1 to 600 s", at: "duration") }
        let curls = invocation.numbers("curls")
        let pushdowns = invocation.numbers("pushdowns")
        var tasks = ArmTask.liftingProtocol
        if curls != nil || pushdowns != nil {
            tasks = (curls ?? []).map { ArmTask.curl(loadMass: $0) } + (pushdowns ?? []).map { ArmTask.pushdown(cableForce: $0) }
        }
        for (index, mass) in (curls ?? []).enumerated() where !(0...50).contains(mass) {
            throw invocation.error("a curl load is 0 to 50 kg, not \(NumberText.readable(mass))", at: "curls", element: index)
        }
        for (index, force) in (pushdowns ?? []).enumerated() where !(0...500).contains(force) {
            throw invocation.error("a push-down force is 0 to 500 N, not \(NumberText.readable(force))", at: "pushdowns", element: index)
        }
        guard !tasks.isEmpty else { throw invocation.error("give at least one curl or push-down trial", at: "curls") }
        guard tasks.count <= 50 else { throw invocation.error("simulate at most 50 trials, not \(tasks.count)", at: curls == nil ? "pushdowns" : "curls") }
        let name = invocation.text("name") ?? "SIM"
        let folder = try context.outputFile("simulated-\(name)-seed\(seed)", for: invocation, argument: "name")
        // The subject is reused only by the build that simulated it with these arguments: another build's simulator
        // may make other data from the same seed.
        let stamp = "\(context.buildStamp)\n\(invocation.canonicalArguments)\n"
        try OutputFolder.requireRealFolder(folder)
        if !context.reusesSavedWork || (try? String(contentsOf: folder.appendingPathComponent(".nmm-simulation"), encoding: .utf8)) != stamp {
            context.progress.begin("simulating \(tasks.count) trials")
            // Written whole beside the old folder, then renamed into place: an interrupted run leaves the old subject
            // or none, never half of one (the next run removes the partial folder).
            let manager = FileManager.default
            let partial = folder.deletingLastPathComponent()
                .appendingPathComponent(OutputFolder.temporaryPrefix + folder.lastPathComponent + "-\(ProcessInfo.processInfo.processIdentifier)")
            try? manager.removeItem(at: partial)
            var simulator = ArmSimulator(seed: UInt64(seed))
            simulator.duration = duration
            try simulator.subject(trials: tasks, name: name).write(to: partial.path)
            try Data(stamp.utf8).write(to: partial.appendingPathComponent(".nmm-simulation"))
            try? manager.removeItem(at: folder)
            try manager.moveItem(at: partial, to: folder)
        }
        let subject = try LoadOpenSimCommand.reading(invocation, argument: "seed") { try Subject.load(folder: folder.path) }
        let value = SubjectValue(subject)
        let place = "\(context.outputDirectory.lastPathComponent)/\(context.notebookName)/\(folder.lastPathComponent)"
        // The simulated data's digests go into the run record like any input's.
        try context.recordInput(folder.path, shownAs: place, for: invocation, argument: "name")
        return CommandResult(value: .object(value), outputs: [.text("\(value.summary); written to \(place)")])
    }
}
