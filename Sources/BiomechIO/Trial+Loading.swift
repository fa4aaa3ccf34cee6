extension Trial {
    /// Reads the files of a trial. Kinematics in degrees are converted to radians: with the
    /// model's rotational coordinates when `model` is given (as OpenSim does), else by column
    /// names (`TimeSeries.inRadians()`). A value that is nan or ±inf is an error naming file, column and time. EMG
    /// channels are checked against `emgMapping` and the model when both are given. `kinematicsInDegrees` says whether
    /// a CSV kinematics file (which has no header to say) holds degrees.
    public static func load(_ files: TrialFiles, model: OpenSimModel? = nil, emgMapping: EMGMapping? = nil,
                            kinematicsInDegrees: Bool = false) throws -> Trial {
        let angles = files.kinematics.lowercased().hasSuffix(".csv")
            ? try CSVFile.read(files.kinematics, inDegrees: kinematicsInDegrees) : try TableFile.read(files.kinematics)
        try angles.requireFinite(file: files.kinematics)
        let kinematics = model.map { angles.inRadians(rotationalColumns: $0.rotationalCoordinateNames) } ?? angles.inRadians()
        var muscleAnalysis: [String: TimeSeries] = [:]
        for path in files.muscleAnalysis {
            muscleAnalysis[muscleAnalysisQuantity(path)] = try readFinite(path)
        }
        var evaluation: [String: TimeSeries] = [:]
        for path in files.evaluationOnly {
            evaluation[evaluationName(path)] = try readFinite(path).inRadians()
        }
        let emg = try files.emg.map(readFinite)
        if let emg, let emgMapping, let model, let path = files.emg {
            try emgMapping.validate(channels: emg.labels, muscles: model.muscles.map(\.name), source: path)
        }
        return Trial(name: files.name, kinematics: kinematics, inverseDynamics: try files.inverseDynamics.map(readFinite),
                     load: try files.load.map(readFinite), emg: emg, rawEMG: try files.rawEMG.map(readFinite),
                     muscleAnalysis: muscleAnalysis, evaluationOnly: EvaluationData(series: evaluation))
    }

    /// The table at `path`, refused when a value is nan or ±inf (see `TimeSeries.requireFinite(file:)`).
    private static func readFinite(_ path: String) throws -> TimeSeries {
        let series = try TableFile.read(path)
        try series.requireFinite(file: path)
        return series
    }

    /// `…MuscleAnalysis_MomentArm_knee_angle_r.sto` → `MomentArm_knee_angle_r`; in the NMSM Pipeline's
    /// names, `walk_MomentArm_knee_angle_r.sto` → `MomentArm_knee_angle_r` and `walk_Length.sto` → `Length`.
    static func muscleAnalysisQuantity(_ path: String) -> String {
        let file = baseName(path)
        if let marker = file.range(of: "MuscleAnalysis_", options: .backwards) { return String(file[marker.upperBound...]) }
        if let marker = file.range(of: "_MomentArm_", options: .backwards) { return String(file[file.index(after: marker.lowerBound)...]) }
        return file.split(separator: "_").last.map(String.init) ?? file
    }

    /// `truth_excitation.sto` → `excitation`.
    static func evaluationName(_ path: String) -> String {
        let file = baseName(path)
        return file.hasPrefix("truth_") ? String(file.dropFirst(6)) : file
    }

    private static func baseName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: ".") else { return file }
        return String(file[..<dot])
    }
}
