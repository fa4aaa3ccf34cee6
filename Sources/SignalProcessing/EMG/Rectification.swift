/// Full-wave rectification: the absolute value of every sample, so that both phases of the EMG's
/// oscillation count towards its amplitude.
public func fullWaveRectified(_ signal: [Double]) -> [Double] {
    signal.map { abs($0) }
}
