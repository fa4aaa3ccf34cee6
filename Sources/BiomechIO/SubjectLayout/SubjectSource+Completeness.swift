extension SubjectSource {
    /// What a fit would miss, one line each: per trial the inverse dynamics, the EMG, the MuscleAnalysis lengths and
    /// moment arms (and which coordinates the moment arms cover); and the EMG channels that drive no muscle of
    /// `model` for want of a map. Empty when nothing is missing.
    public func missing(model: OpenSimModel) throws -> [String] {
        var lines: [String] = []
        for files in trials {
            var lacks: [String] = []
            if files.inverseDynamics == nil { lacks.append("inverse dynamics (every fit needs it)") }
            if files.emg == nil, files.rawEMG == nil { lacks.append("EMG (nmm and mse need it; so does not)") }
            if files.muscleAnalysisFile("Length") == nil { lacks.append("MuscleAnalysis lengths (…_Length.sto)") }
            let arms = files.muscleAnalysis.map(Trial.muscleAnalysisQuantity).filter { $0.hasPrefix("MomentArm_") }.map { String($0.dropFirst(10)) }
            if arms.isEmpty { lacks.append("MuscleAnalysis moment arms (…_MomentArm_COORDINATE.sto): a fit can only use coordinates that have them") }
            if !lacks.isEmpty { lines.append("\(files.name): no " + lacks.joined(separator: "; no ")) }
            if !arms.isEmpty, files.name == trials.first?.name { lines.append("\(files.name): moment arms about \(arms.joined(separator: ", ")): the coordinates a fit can use") }
        }
        if emgMapping == nil, let first = trials.first(where: { $0.emg != nil || $0.rawEMG != nil }), let path = first.emg ?? first.rawEMG {
            let channels = try TableFile.read(path).labels
            let unmapped = channels.filter { model.muscle($0) == nil }
            if !unmapped.isEmpty {
                lines.append("EMG channels that name no model muscle: \(unmapped.joined(separator: ", ")); map each to its muscles in \"emg_map\" of \(SubjectManifest.fileName) (channel: [muscles]) or with --emg-map muscle=channel")
            }
        }
        return lines
    }
}
