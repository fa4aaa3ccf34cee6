extension TrialPrediction {
    /// Throws an ``EstimationError`` when the prediction cannot be written or drawn as it is: arrays whose lengths
    /// disagree with the muscles, coordinates and times (a damaged cache entry), or a value that is not finite (a
    /// fit that diverged). `source` says whose prediction it is ("so", "the cached fit"). Fits check every prediction
    /// before anything is written, so a bad one is an error, never a file of nan.
    public func validate(source: String) throws {
        func fail(_ problem: String) -> EstimationError { EstimationError("\(source): the prediction of trial \(name) \(problem)") }
        let frames = time.count
        guard frames > 0, time.allSatisfy(\.isFinite) else { throw fail("has no times, or times that are not finite") }
        for (quantity, rows, labels) in [("excitation", excitation, muscles), ("activation", activation, muscles),
                                         ("force", force, muscles), ("torque", torque, coordinates)] {
            guard rows.count == labels.count, rows.allSatisfy({ $0.count == frames }) else {
                throw fail("has \(rows.count) \(quantity) rows of \(rows.map(\.count).max() ?? 0) frames for \(labels.count) names and \(frames) times")
            }
            for (label, row) in zip(labels, rows) {
                if let frame = row.firstIndex(where: { !$0.isFinite }) {
                    throw fail("has \(quantity) \(row[frame]) for \(label) at \(time[frame]) s, not a finite number; nothing was written")
                }
            }
        }
    }
}
