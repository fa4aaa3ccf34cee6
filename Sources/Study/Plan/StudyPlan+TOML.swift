import Foundation
import TOMLKit

extension StudyPlan {
    /// Options no plan table may set: each fold sets them.
    static let reservedOptions = ["subject", "method", "measured", "train", "test", "coordinates", "seed", "output"]

    /// Reads and checks a plan file.
    ///
    /// - Parameters:
    ///   - path: the plan file; relative subject folders in it are relative to its own folder.
    ///   - knownMethods: the `nmm fit --method` values this build offers, or nil not to check them.
    /// - Throws: ``StudyPlanError`` naming the file, the line and what was expected.
    public static func load(from path: String, knownMethods: [String]? = nil) throws -> StudyPlan {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw StudyPlanError(file: path, line: nil, message: "cannot read the study plan (expected a UTF-8 TOML file)")
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw StudyPlanError(file: path, line: error.source.begin.line, message: "not valid TOML: \(error.description)")
        }
        let plan = PlanTable(table: root, path: [], file: path, lines: TOMLKeyLines(text))
        return try read(plan, url: url, knownMethods: knownMethods)
    }

    private static func read(_ plan: PlanTable, url: URL, knownMethods: [String]?) throws -> StudyPlan {
        try plan.allowOnly(["name", "title", "coordinates", "measured", "seeds", "methods", "subjects", "protocol", "fit", "method"])
        let name = try plan.string("name") ?? url.deletingPathExtension().lastPathComponent
        try requireSafeName(name, plan, "name")
        let coordinates = try plan.nonEmptyList("coordinates")
        let measured = try plan.strings("measured") ?? []
        if !measured.isEmpty { try plan.requireUniqueNonEmpty(measured, "measured") }
        guard let seeds = try plan.ints("seeds") else { throw plan.error(nil, "missing 'seeds': expected an array of integers, e.g. [1, 2]") }
        try plan.requireUniqueNonEmpty(seeds, "seeds")
        let methods = try readMethods(plan, knownMethods: knownMethods)
        guard let subjectTable = try plan.subtable("subjects") else {
            throw plan.error(nil, "missing [subjects]: expected folders = [...] and/or simulate = N")
        }
        let subjects = try readSubjects(subjectTable, base: url.deletingLastPathComponent())
        guard let protocolTable = try plan.subtable("protocol") else {
            throw plan.error(nil, "missing [protocol]: expected split = \"fixed\", \"leave-one-trial-out\" or \"leave-one-muscle-out\"")
        }
        let split = try readSplit(protocolTable, measured: measured)
        let fitOptions = try plan.subtable("fit")?.fitOptions(reserved: reservedOptions) ?? []
        return StudyPlan(name: name, title: try plan.string("title") ?? name, file: url, subjects: subjects, methods: methods,
                         split: split, coordinates: coordinates, measured: measured, seeds: seeds, fitOptions: fitOptions)
    }

    private static func readMethods(_ plan: PlanTable, knownMethods: [String]?) throws -> [StudyMethod] {
        let labels = try plan.nonEmptyList("methods")
        let optionTables = try plan.subtable("method")
        for label in labels { try requireSafeName(label, plan, "methods") }
        for key in optionTables?.table.keys.sorted() ?? [] where !labels.contains(key) {
            throw optionTables!.error(key, "[method.\(key)] names no method of 'methods' (\(labels.joined(separator: ", ")))")
        }
        return try labels.map { label in
            let options = try optionTables?.subtable(label)
            let fitMethod = try options?.string("method") ?? label
            if let knownMethods, !knownMethods.contains(fitMethod) {
                let message = "method '\(fitMethod)' is not one of this nmm's fit methods: expected \(knownMethods.joined(separator: ", "))"
                if let options, options.has("method") { throw options.error("method", message) }
                throw plan.error("methods", message)
            }
            let rest = try options?.fitOptions(reserved: reservedOptions.filter { $0 != "method" }).filter { $0.name != "method" } ?? []
            return StudyMethod(label: label, fitMethod: fitMethod, options: rest)
        }
    }

    private static func readSubjects(_ table: PlanTable, base: URL) throws -> [StudySubject] {
        try table.allowOnly(["folders", "simulate", "simulate_first_seed"])
        var subjects: [StudySubject] = []
        for folder in try table.strings("folders") ?? [] {
            let url = URL(fileURLWithPath: folder, relativeTo: base).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw table.error("folders", "subject folder '\(folder)' does not exist (expected a folder, relative to the plan's own folder)")
            }
            subjects.append(StudySubject(name: url.lastPathComponent, source: .folder(path: url.path)))
        }
        let count = try table.int("simulate") ?? 0
        guard (0...99).contains(count) else { throw table.error("simulate", "'simulate' must be between 0 and 99 subjects, not \(count)") }
        let firstSeed = try table.int("simulate_first_seed") ?? 1
        subjects += (0..<count).map { index in
            StudySubject(name: String(format: "SIM%02d", index + 1), source: .simulated(seed: firstSeed + index))
        }
        guard !subjects.isEmpty else { throw table.error(nil, "no subjects: expected folders = [\"S01\", ...] or simulate = N") }
        var seen = Set<String>()
        for subject in subjects {
            try requireSafeName(subject.name, table, "folders")
            guard seen.insert(subject.name).inserted else {
                throw table.error("folders", "two subjects are named '\(subject.name)': folder names must differ (and not be SIMnn when simulating)")
            }
        }
        return subjects
    }

    private static func readSplit(_ table: PlanTable, measured: [String]) throws -> StudySplit {
        guard let kind = try table.string("split") else {
            throw table.error(nil, "missing 'split': expected \"fixed\", \"leave-one-trial-out\" or \"leave-one-muscle-out\"")
        }
        switch kind {
        case "fixed":
            try table.allowOnly(["split", "train", "test"])
            let (train, test) = try trainTest(table)
            return .fixed(train: train, test: test)
        case "leave-one-trial-out":
            try table.allowOnly(["split", "trials"])
            let trials = try table.nonEmptyList("trials")
            guard trials.count >= 2 else { throw table.error("trials", "leave-one-trial-out needs at least two trials") }
            for trial in trials { try requireSafeName(trial, table, "trials") }
            return .leaveOneTrialOut(trials: trials)
        case "leave-one-muscle-out":
            try table.allowOnly(["split", "train", "test", "channels"])
            let (train, test) = try trainTest(table)
            let channels = try table.strings("channels") ?? measured
            guard !channels.isEmpty else {
                throw table.error("split", "leave-one-muscle-out needs measured muscles (top-level 'measured') to leave out")
            }
            try table.requireUniqueNonEmpty(channels, "channels")
            for channel in channels {
                guard measured.contains(channel) else {
                    throw table.error("channels", "channel '\(channel)' is not measured: expected one of \(measured.joined(separator: ", "))")
                }
                try requireSafeName(channel, table, "channels")
            }
            return .leaveOneMuscleOut(train: train, test: test, channels: channels)
        default:
            throw table.error("split", "unknown split '\(kind)': expected \"fixed\", \"leave-one-trial-out\" or \"leave-one-muscle-out\"")
        }
    }

    private static func trainTest(_ table: PlanTable) throws -> ([String], [String]) {
        let train = try table.nonEmptyList("train"), test = try table.nonEmptyList("test")
        if let both = train.first(where: test.contains) {
            throw table.error("test", "trial '\(both)' is both a training and a test trial")
        }
        return (train, test)
    }

    /// Names that become parts of job ids and folder names: letters, digits, `_`, `.` and `-`, not starting with `.`.
    private static func requireSafeName(_ name: String, _ table: PlanTable, _ key: String) throws {
        let safe = !name.isEmpty && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_.-".unicodeScalars.contains($0)) }
        guard safe else {
            throw table.error(key, "'\(name)' cannot name a job folder: expected letters, digits, '_', '.' and '-'")
        }
    }
}
