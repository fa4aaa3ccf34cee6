import Foundation

extension SubjectSource {
    /// Reads `folder` as its manifest says when it has one (`nmm-subject.json`), else finds which
    /// layout it has: the NMSM Pipeline's (per-type folders, directly or under `preprocessed/`), trial
    /// folders (`trial*`), or one trial's files beside the model. The model is `model.osim`, else the
    /// only (or first) `.osim` at the top or in `models/`. An error says what was looked for. `readingManifest:
    /// false` ignores a manifest (to write a new one).
    public static func detect(folder: String, readingManifest: Bool = true) throws -> SubjectSource {
        let folder = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard TrialFileRoles.isFolder(folder) else {
            throw InputError(file: folder, message: "expected a subject folder, found no such folder")
        }
        if readingManifest, FileManager.default.fileExists(atPath: "\(folder)/\(SubjectManifest.fileName)") {
            return try SubjectManifest.read("\(folder)/\(SubjectManifest.fileName)").source(folder: folder)
        }
        if let nmsm = try nmsmPipeline(folder) { return nmsm }
        let trialFolders = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix("trial") && TrialFileRoles.isFolder("\(folder)/\($0)") }.sorted()
        if !trialFolders.isEmpty {
            var notes: [String] = []
            let (model, modelNotes) = try modelPath(in: folder)
            let trials = try trialFolders.map { name -> TrialFiles in
                let path = "\(folder)/\(name)"
                guard let (files, found) = TrialFileRoles.trialFiles(in: path, name: name, names: TrialFileRoles.fileNames(in: path)) else {
                    throw InputError(file: path, message: "expected the trial's joint angles (ik.mot, or a file named like *ik*, *coordinates*, *kinematics*), found none")
                }
                notes += found.map { "\(name): \($0)" }
                return files
            }
            return SubjectSource(folder: folder, layout: .trialFolders, modelPath: model, trials: trials, notes: modelNotes + notes)
        }
        let names = TrialFileRoles.fileNames(in: folder)
        if let (files, found) = TrialFileRoles.trialFiles(in: folder, name: URL(fileURLWithPath: folder).lastPathComponent, names: names) {
            let (model, modelNotes) = try modelPath(in: folder)
            return SubjectSource(folder: folder, layout: .singleTrial, modelPath: model, trials: [files], notes: modelNotes + found)
        }
        throw InputError(file: folder, message: """
            expected a subject folder nmm can read: \(SubjectManifest.fileName); the NMSM Pipeline layout (IKData/, IDData/, \
            EMGData/, MAData/, directly or under preprocessed/); trial folders (trial01/ik.mot, ...); or one trial's files \
            (ik.mot or *coordinates*.sto, id*.sto, MuscleAnalysis_*.sto) beside a model .osim. Found none of these \
            (`nmm init FOLDER` says what is missing)
            """)
    }

    /// The model: `model.osim`, else the only or first `.osim` at the top of `folder`, then in `models/`. A `truth_*.osim`
    /// (a simulated subject's true model, for evaluation only) is never taken; a folder named `model.osim` is an error.
    static func modelPath(in folder: String) throws(InputError) -> (String, [String]) {
        for place in [folder, "\(folder)/models"] {
            if TrialFileRoles.isFolder("\(place)/model.osim") {
                throw InputError(file: "\(place)/model.osim", message: "expected an OpenSim model file, found a folder")
            }
            let models = TrialFileRoles.fileNames(in: place).filter { $0.lowercased().hasSuffix(".osim") && !$0.hasPrefix("truth_") }
            if models.contains("model.osim") { return ("\(place)/model.osim", []) }
            if let first = models.first {
                let notes = models.count > 1 ? ["\(models.count) models (\(models.joined(separator: ", "))); using \(first) (choose with --model or a manifest)"] : []
                return ("\(place)/\(first)", notes)
            }
        }
        throw InputError(file: folder, message: "expected an OpenSim model (.osim) in the folder or in models/, found none")
    }

    /// The NMSM Pipeline layout, when `folder` or `folder/preprocessed` has IKData/.
    static func nmsmPipeline(_ folder: String) throws -> SubjectSource? {
        guard let base = [folder, "\(folder)/preprocessed"].first(where: { TrialFileRoles.isFolder("\($0)/IKData") || TrialFileRoles.isFolder("\($0)/IDData") })
        else { return nil }
        guard TrialFileRoles.isFolder("\(base)/IKData") else {
            throw InputError(file: base, message: "expected IKData/ beside IDData/ (the NMSM Pipeline layout): nmm needs each trial's joint angles, IKData/TRIAL.sto, found no IKData/")
        }
        let tables = [".sto", ".mot", ".csv"]
        func file(_ type: String, _ trial: String, extensions: [String] = tables) -> String? {
            let names = TrialFileRoles.fileNames(in: "\(base)/\(type)")
            return extensions.lazy.map { trial + $0 }.first(where: names.contains).map { "\(base)/\(type)/\($0)" }
        }
        let trialNames = TrialFileRoles.fileNames(in: "\(base)/IKData").compactMap { name -> String? in
            tables.first(where: { name.lowercased().hasSuffix($0) }).map { String(name.dropLast($0.count)) }
        }
        guard !trialNames.isEmpty else {
            throw InputError(file: "\(base)/IKData", message: "expected one kinematics file per trial (TRIAL.sto or TRIAL.mot), found none")
        }
        let (model, notes) = try modelPath(in: folder)
        var missing: [String] = []
        let trials = trialNames.map { trial -> TrialFiles in
            let analysis = TrialFileRoles.fileNames(in: "\(base)/MAData/\(trial)").filter { $0.hasPrefix(trial + "_") && $0.hasSuffix(".sto") }
            let files = TrialFiles(
                name: trial, kinematics: file("IKData", trial)!, inverseDynamics: file("IDData", trial), emg: file("EMGData", trial),
                rawEMG: file("EMGData", trial, extensions: [".c3d"]), muscleAnalysis: analysis.map { "\(base)/MAData/\(trial)/\($0)" })
            if files.inverseDynamics == nil { missing.append("\(trial): no IDData/\(trial).sto") }
            if files.emg == nil, files.rawEMG == nil { missing.append("\(trial): no EMGData/\(trial).sto") }
            if analysis.isEmpty { missing.append("\(trial): no MAData/\(trial)/\(trial)_Length.sto, _MomentArm_*.sto") }
            return files
        }
        var found = notes + missing
        if TrialFileRoles.isFolder("\(base)/GRFData") { found.append("GRFData/ is not read: ground reaction forces are not an input of nmm's fits") }
        return SubjectSource(folder: folder, layout: .nmsmPipeline, modelPath: model, trials: trials, notes: found)
    }
}
