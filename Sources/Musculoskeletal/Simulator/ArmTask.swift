import Foundation

/// What the simulated subject does in one trial.
public enum ArmTask: Sendable, Equatable, Codable {
    /// Elbow curls holding `loadMass` kg in the hand.
    case curl(loadMass: Double)
    /// Triceps push-downs against a cable pulling the hand up with `cableForce` N.
    case pushdown(cableForce: Double)

    /// "curl" or "pushdown".
    public var name: String {
        switch self {
        case .curl: "curl"
        case .pushdown: "pushdown"
        }
    }

    /// Mass held in the hand (kg).
    public var loadMass: Double {
        if case .curl(let mass) = self { return mass }
        return 0
    }

    /// Upward cable force at the hand (N).
    public var cableForce: Double {
        if case .pushdown(let force) = self { return force }
        return 0
    }

    /// The ten trials of arm26-lifting/S01: curls with 0-5 kg, push-downs at 15, 30, 45 N, a curl with 2.5 kg.
    public static let liftingProtocol: [ArmTask] = [0, 1, 2, 3, 4, 5].map { .curl(loadMass: $0) }
        + [15, 30, 45].map { .pushdown(cableForce: $0) } + [.curl(loadMass: 2.5)]
}

/// A smooth elbow-and-shoulder motion with exact derivatives: each coordinate oscillates about its mean, faded in
/// over the first `onset` seconds by a quintic ramp (zero speed and acceleration at t = 0, so a trial starts at rest).
struct ArmMotion: Sendable {
    /// Mean elbow flexion (rad).
    var elbowMean: Double
    /// Elbow oscillation amplitude (rad).
    var elbowAmplitude: Double
    /// Oscillation frequency (Hz).
    var frequency: Double
    /// Mean shoulder elevation (rad).
    var shoulderMean: Double
    /// Shoulder oscillation amplitude (rad), in phase with the elbow at a third of its frequency.
    var shoulderAmplitude: Double
    /// Fade-in duration (s).
    var onset: Double = 1

    /// Quintic ramp 10s³ − 15s⁴ + 6s⁵ of t/onset and its first two time derivatives.
    private func ramp(_ t: Double) -> (Double, Double, Double) {
        guard t < onset else { return (1, 0, 0) }
        let s = t / onset
        return (s * s * s * (10 - 15 * s + 6 * s * s), 30 * s * s * (1 - s) * (1 - s) / onset, 60 * s * (1 - s) * (1 - 2 * s) / (onset * onset))
    }

    /// One coordinate: mean + amplitude·ramp(t)·sin(ωt), with speed and acceleration.
    private func oscillation(_ t: Double, mean: Double, amplitude: Double, omega: Double) -> (q: Double, qd: Double, qdd: Double) {
        let (r, rd, rdd) = ramp(t)
        let (s, c) = (sin(omega * t), cos(omega * t))
        return (mean + amplitude * r * s, amplitude * (rd * s + r * omega * c),
                amplitude * (rdd * s + 2 * rd * omega * c - r * omega * omega * s))
    }

    /// Angles, speeds and accelerations at time t, each [shoulder, elbow] (the order of ``Arm26/coordinates``).
    func state(at t: Double) -> (q: [Double], qd: [Double], qdd: [Double]) {
        let shoulder = oscillation(t, mean: shoulderMean, amplitude: shoulderAmplitude, omega: 2 * .pi * frequency / 3)
        let elbow = oscillation(t, mean: elbowMean, amplitude: -elbowAmplitude, omega: 2 * .pi * frequency)
        return ([shoulder.q, elbow.q], [shoulder.qd, elbow.qd], [shoulder.qdd, elbow.qdd])
    }
}
