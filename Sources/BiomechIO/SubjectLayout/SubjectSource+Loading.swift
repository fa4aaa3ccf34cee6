extension SubjectSource {
    /// Reads one of the source's trials (see `Trial.load`), cut to its time window when it has one.
    public func load(_ files: TrialFiles, model: OpenSimModel? = nil) throws -> Trial {
        let trial = try Trial.load(files, model: model, kinematicsInDegrees: kinematicsInDegrees)
        guard let window = timeWindows[files.name] else { return trial }
        let cut = trial.cut(to: window)
        guard cut.kinematics.rowCount >= 2 else {
            throw InputError(file: files.kinematics, message: "the time window \(window.lowerBound)–\(window.upperBound) s keeps \(cut.kinematics.rowCount) frames of trial \(files.name); expected at least 2")
        }
        return cut
    }
}

extension Trial {
    /// The trial with every series (raw EMG included) cut to the samples inside `window` (s).
    public func cut(to window: ClosedRange<Double>) -> Trial {
        func inside(_ series: TimeSeries) -> TimeSeries { series.selectingRows { window.contains($0) } }
        return mappingSeries(inside, rawEMG: inside)
    }
}
