import Musculoskeletal

/// How the NMM reads the scale of the measured EMG (``NMMConfiguration/emgScale``).
public enum NMMEMGScale: String, Sendable, Codable, CaseIterable {
    /// Static optimisation's levels (``EMGLevels``) when the EMG is normalised to its own peak, else face value.
    case automatic
    /// Each channel's envelope is taken as the excitation (EMG normalised to maximal voluntary contractions).
    case faceValue = "face-value"
    /// Each channel is read at the level static optimisation gives its muscles on the training trials.
    case staticOptimization = "static-optimization"
}

/// The level of each measured EMG channel: the factor that turns its envelope into excitation.
///
/// EMG normalised to its own peak (over a session's trials, as gait labs and the NMSM Pipeline do) says when a muscle
/// works and how much more at one moment than at another, but not how hard: its peak is 1 whatever activation the
/// subject reached. Read at face value, every measured muscle works at full activation at its peak, the torque
/// those muscles make is far too large, and the hidden muscles are left to cancel it. Static optimisation on the
/// training trials, which trusts the model's strengths as the NMM's parameter prior does, gives each channel a level:
/// the least-squares factor between its envelope and its muscles' activations,
///
///     level_c = Σ_{m of c} Σ_k a_m,k · EMG_c,k  /  (n_c · Σ_k EMG_c,k²),
///
/// kept within [0.05, 1] (a channel peaking above full activation means nothing; one that static optimisation leaves
/// all but silent is still read at 5 % at its peak rather than silenced). The NMM then reads level × EMG wherever it
/// reads the channel (training, validation, refinement). Chosen by a rule written before the runs: on six simulated
/// subjects with peak-normalised EMG (`nmm simulate`, seeds 21–26, each channel divided by its peak over ten trials)
/// the hidden muscles' mean r rose 0.819 → 0.893 and their RMSE fell by a third.
public enum EMGLevels {
    /// The levels a channel may take.
    static let range = 0.05...1.0

    /// The levels `scale` gives the measured channels of `problem`: empty (face value) unless it asks for static
    /// optimisation's, or is automatic and the subject's EMG is peak-normalised (``isPeakNormalized(_:)``).
    public static func levels(_ scale: NMMEMGScale, for problem: FitProblem, progress: (String) -> Void) throws -> [String: Double] {
        let measured = try MeasuredMuscles(problem.measured, muscles: problem.subject.system.muscleNames)
        switch scale {
        case .faceValue: return [:]
        case .automatic where !isPeakNormalized(problem.subject, channels: measured.pairs.map(\.channel)): return [:]
        case .automatic, .staticOptimization: break
        }
        let levels = try staticOptimization(system: problem.subject.system, trials: problem.trainingTrials, measured: measured)
        progress("EMG read at static optimisation's level on the training trials (\(scale == .automatic ? "the EMG is peak-normalised" : "emg-scale static-optimization")): "
                 + levels.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.3f", $0.value))" }.joined(separator: ", "))
        return levels
    }

    /// Whether `subject`'s EMG is normalised to its own peak: nmm normalised its raw EMG by the peak, or every channel
    /// of `channels` peaks at 1 (from 0.95) in the loaded trials' EMG files as recorded (``SubjectData/emgPeaks``).
    public static func isPeakNormalized(_ subject: SubjectData, channels: [String]) -> Bool {
        if let record = subject.emgNormalization { return record.method == "peak" }
        guard !channels.isEmpty else { return false }
        return channels.allSatisfy { channel in subject.emgPeaks[channel].map { (0.95...(1 + 1e-6)).contains($0) } ?? false }
    }

    /// Each measured channel's level from static optimisation of `trials` with `system`'s generic muscles.
    public static func staticOptimization(system: MuscleSystem, trials: [EstimationTrial], measured: MeasuredMuscles) throws -> [String: Double] {
        let optimization = StaticOptimization(system: system)
        var products: [String: Double] = [:], squares: [String: Double] = [:]
        for trial in trials {
            let activation = try optimization.solve(trial).activation
            for pair in measured.pairs {
                guard let emg = trial.envelope(pair.channel) else { continue }
                products[pair.channel, default: 0] += zip(activation[pair.muscle], emg).reduce(0) { $0 + $1.0 * $1.1 }
                squares[pair.channel, default: 0] += emg.reduce(0) { $0 + $1 * $1 }
            }
        }
        return squares.reduce(into: [:]) { levels, entry in
            let muscles = Double(measured.pairs.filter { $0.channel == entry.key }.count)
            let level = entry.value > 0 ? products[entry.key]! / (muscles * entry.value) : 1
            levels[entry.key] = min(max(level, range.lowerBound), range.upperBound)
        }
    }
}

extension EstimationTrial {
    /// The same trial with each channel of `levels` multiplied by its level (other channels as they are).
    public func scalingEMG(by levels: [String: Double]) -> EstimationTrial {
        guard !levels.isEmpty else { return self }
        var scaled = self
        for (channel, level) in levels { scaled.emg[channel] = emg[channel]?.map { level * $0 } }
        return scaled
    }
}
