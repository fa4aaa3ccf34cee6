extension TrialRefinement {
    /// The split-half check of a ``RecruitmentDrift`` on one trial: whether `drifting` (the trial's objective with the
    /// drift) predicts the torque of frames it was not fitted to better than `fixed` (the same without it). The trial's
    /// frames are split into alternate blocks of `checkBlock` seconds; each objective is solved with the torque of one
    /// half of the blocks and scored on the other half, both ways round, and the squared torque errors are summed. A
    /// real wander of recruitment is slow and carries across the blocks left out; a drift that follows the forward
    /// model's state-dependent error does not. Returns the ratio of the drift's held-out error to the fixed
    /// recruitment's (the refinement uses the drift where it is below `checkThreshold`); nil when the trial is too
    /// short for two blocks or has no torque.
    func heldOutErrorRatio(_ drifting: Objective, over fixed: Objective) -> Double? {
        guard let settings = drifting.drift?.settings, !fixed.torqueCoordinates.isEmpty else { return nil }
        let n = fixed.trial.frameCount, interval = fixed.trial.sampleInterval
        guard Double(n) * interval >= 2 * settings.checkBlock else { return nil }
        let block = (0..<n).map { Int(Double($0) * interval / settings.checkBlock) % 2 }
        var withDrift = 0.0, without = 0.0
        for phase in 0...1 {
            let fitted = block.map { $0 == phase }, heldOut = block.map { $0 != phase }
            let fixedHalf = fixed.keepingTorque(on: fitted), driftingHalf = drifting.keepingTorque(on: fitted)
            without += fixedHalf.torqueError(solve(fixedHalf), on: heldOut)
            withDrift += driftingHalf.torqueError(solve(driftingHalf), on: heldOut)
        }
        return without > 0 ? withDrift / without : nil
    }
}
