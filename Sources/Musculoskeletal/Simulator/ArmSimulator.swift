import Foundation

/// The built-in generator of synthetic subjects: a two-link arm (``ArmDynamics/arm26``) with arm26's six
/// muscles (``Arm26``), lifting loads and pushing a cable down. Per trial it makes a smooth motion, its inverse
/// dynamics, the musculotendon geometry, activations that meet the elbow torque exactly under the subject's
/// ``RecruitmentRule`` (co-contraction included, its criterion's exponent the subject's own), the excitations that
/// produce them through activation dynamics and the electromechanical delay, and surface EMG with gain error and noise.
/// Everything follows from `seed`.
///
/// ```swift
/// let subject = ArmSimulator(seed: 7).subject()      // ten trials like arm26-lifting/S01
/// try subject.write(to: "Output/SIM01")              // laid out like ../shared/data/arm26-lifting/S01
/// ```
public struct ArmSimulator: Sendable {
    /// Seed of every random choice.
    public var seed: UInt64
    /// The arm's segments.
    public var dynamics = ArmDynamics.arm26
    /// The generic muscles the subject's are scaled from.
    public var genericMuscles = Arm26.muscles
    /// Musculotendon paths.
    public var geometry = Arm26.geometry
    /// Muscles with surface EMG.
    public var measuredMuscles = Arm26.surfaceEMGMuscles
    /// Trial duration (s).
    public var duration = 10.0
    /// Kinematics, torque and EMG-envelope sampling rate (Hz).
    public var sampleRate = 100.0
    /// Raw EMG sampling rate (Hz).
    public var rawEMGRate = 1000.0
    /// Standard deviation of the inverse-kinematics angle noise (degrees).
    public var angleNoiseDegrees = 0.2
    /// Electromechanical delay (s).
    public var electromechanicalDelay = 0.02
    /// Standard deviation of the slowly varying EMG envelope noise (MVC units).
    public var emgNoise = 0.01
    /// Range of the subject's EMG amplitude wander: the relative standard deviation of a slow (AR(1), 0.1 s) factor by
    /// which each channel's amplitude strays from gain × excitation (crosstalk, electrode movement, the sampled motor
    /// units), drawn once per subject. At 0.1 the envelopes of active channels correlate with the excitations about as
    /// arm26-lifting/S01's do (r ≈ 0.9); without a wander they follow them more closely than real envelopes do.
    public var emgAmplitudeWander: ClosedRange<Double> = 0.02...0.1
    /// Range of the exponent p of the subject's recruitment criterion Σ wᵢ·aᵢᵖ (``RecruitmentRule``), drawn once per
    /// subject: from static optimisation's 2 to Crowninshield & Brand's 3, since which one a person follows is not known.
    public var recruitmentExponent: ClosedRange<Double> = 2...3
    /// Range of the standard deviation of the brachialis's share wander, drawn once per subject: per trial a smooth random
    /// factor (a sum of sinusoids of 0.05-0.3 Hz, unit SD) moves the brachialis's activation against its synergists' by
    /// that SD in log units, as forearm rotation, which arm26 lacks, moves elbow flexion between the biceps (a supinator)
    /// and the brachialis. 0 (the default): the share follows the recruitment rule alone.
    public var brachialisWander: ClosedRange<Double> = 0...0

    /// A simulator whose every draw follows from `seed`.
    public init(seed: UInt64) { self.seed = seed }

    /// A subject doing `trials` (default: arm26-lifting/S01's protocol), named trial01, trial02, ...
    public func subject(trials: [ArmTask] = ArmTask.liftingProtocol, name: String = "SIM") -> SimulatedSubject {
        var random = SeededRandom(seed: seed)
        let scales = genericMuscles.map { _ in
            MuscleParameterScale(maxIsometricForce: random.uniform(0.75...1.3), optimalFiberLength: random.uniform(0.92...1.08),
                                 tendonSlackLength: random.uniform(0.97...1.03))
        }
        let muscles = zip(genericMuscles, scales).map { generic, scale in
            var muscle = generic
            muscle.maxIsometricForce *= scale.maxIsometricForce
            muscle.optimalFiberLength *= scale.optimalFiberLength
            muscle.tendonSlackLength *= scale.tendonSlackLength
            return muscle
        }
        // The exponent from a stream of its own, so that every other draw of a seed stays what it was before it was drawn.
        var exponentRandom = SeededRandom(seed: seed ^ 0x5EC0_4D0E_C0FF_EE00)
        let recruitment = RecruitmentRule(
            weights: genericMuscles.map { _ in random.uniform(0.6...2.0) }, baseFloor: random.uniform(0.02...0.04),
            floorPerTorque: random.uniform(0.01...0.03), floorPerSpeed: random.uniform(0.005...0.015),
            exponent: exponentRandom.uniform(recruitmentExponent))
        let gains = measuredMuscles.map { _ in random.uniform(0.85...1.15) }
        let wander = random.uniform(emgAmplitudeWander)
        // The brachialis wander from a stream of its own too, so that a subject without one is the same as before it existed.
        var shareRandom = SeededRandom(seed: seed ^ 0xB4AC_4141_5EED_0001)
        let shareWander = shareRandom.uniform(brachialisWander)
        let brachialis = muscles.firstIndex { $0.name == "BRA" }
        let simulated = trials.enumerated().map { index, task in
            var trialRandom = random.split()
            let share = ShareWander(muscle: brachialis, deviation: shareWander, random: &shareRandom)
            let motion = ArmMotion(elbowMean: trialRandom.uniform(1.15...1.25), elbowAmplitude: trialRandom.uniform(0.55...0.8),
                                   frequency: trialRandom.uniform(0.35...0.9), shoulderMean: trialRandom.uniform(0.18...0.3),
                                   shoulderAmplitude: trialRandom.uniform(0.03...0.08))
            return trial(name: String(format: "trial%02d", index + 1), task: task, motion: motion, muscles: muscles,
                         recruitment: recruitment, shareWander: share, emgGains: gains, emgWander: wander, random: &trialRandom)
        }
        return SimulatedSubject(name: name, seed: seed, genericMuscles: genericMuscles, muscles: muscles, parameterScales: scales,
                                recruitment: recruitment, brachialisWander: shareWander, electromechanicalDelay: electromechanicalDelay,
                                measuredMuscles: measuredMuscles, emgGains: gains, emgWander: wander, trials: simulated, dynamics: dynamics)
    }

    /// One trial of `task` along `motion`.
    func trial(name: String, task: ArmTask, motion: ArmMotion, muscles: [DeGrooteFregly2016Muscle<Double>],
               recruitment: RecruitmentRule, shareWander: ShareWander, emgGains: [Double], emgWander: Double,
               random: inout SeededRandom) -> SimulatedTrial {
        let frames = Int((duration * sampleRate).rounded()) + 1
        let time = (0..<frames).map { Double($0) / sampleRate }
        let states = time.map { motion.state(at: $0) }
        let coordinates = Arm26.coordinates.indices
        let angles = coordinates.map { c in states.map { $0.q[c] } }
        let speeds = coordinates.map { c in states.map { $0.qd[c] } }
        let accelerations = coordinates.map { c in states.map { $0.qdd[c] } }
        let torques = states.map { dynamics.inverseDynamics(q: $0.q, qd: $0.qd, qdd: $0.qdd, loadMass: task.loadMass, cableForce: task.cableForce) }
        let jointTorques = coordinates.map { c in torques.map { $0[c] } }
        let pathGeometry = geometry.geometry(time: time, angles: angles)
        let elbow = Arm26.coordinates.firstIndex(of: "r_elbow_flex") ?? 1
        let elbowArms = pathGeometry.momentArms(about: "r_elbow_flex") ?? []
        let velocity = pathGeometry.lengtheningVelocity(speeds: speeds)
        // Recruited activations meet the elbow torque exactly (force is affine in activation: F = a·A + P).
        var recruited = [[Double]](repeating: [Double](repeating: 0, count: frames), count: muscles.count)
        let atRest = muscles.indices.map {
            muscles[$0].forces(activation: [Double](repeating: 0, count: frames), musculotendonLength: pathGeometry.length[$0],
                               musculotendonVelocity: velocity[$0], sampleInterval: 1 / sampleRate).frames
        }
        for k in 0..<frames {
            let gain = muscles.indices.map { elbowArms[$0][k] * atRest[$0][k].dActivation }
            let passiveTorque = muscles.indices.reduce(0) { $0 + elbowArms[$1][k] * atRest[$1][k].force }
            let floor = recruitment.floor(torque: jointTorques[elbow][k], speed: speeds[elbow][k])
            let rule = shareWander.rule(recruitment, at: time[k])
            let activations = rule.activations(torque: jointTorques[elbow][k], gain: gain, passiveTorque: passiveTorque, floor: floor)
                ?? gain.map { ($0 > 0) == (jointTorques[elbow][k] > passiveTorque) ? 1 : floor }
            for m in muscles.indices { recruited[m][k] = activations[m] }
        }
        // Excitations that reproduce them through each muscle's activation dynamics after the delay.
        let interval = 1 / sampleRate
        let delay = ElectromechanicalDelay(seconds: electromechanicalDelay)
        let delaySamples = Int((electromechanicalDelay * sampleRate).rounded())
        var excitation: [[Double]] = []
        var activation: [[Double]] = []
        for m in muscles.indices {
            let dynamics = muscles[m].activationDynamics
            var delayed = [recruited[m][0]]
            var reached = recruited[m][0]
            for k in 1..<frames {
                let e = dynamics.excitation(from: reached, to: recruited[m][k], interval: interval)
                    ?? (recruited[m][k] > reached ? 1 : 0)
                delayed.append(e)
                reached = dynamics.step(activation: reached, excitation: e, interval: interval).activation
            }
            let neural = (0..<frames).map { delayed[min($0 + delaySamples, frames - 1)] }
            excitation.append(neural)
            activation.append(dynamics.simulate(excitation: delay.apply(to: neural, sampleInterval: interval), sampleInterval: interval))
        }
        let force = muscles.indices.map { m in
            muscles[m].forces(activation: activation[m], musculotendonLength: pathGeometry.length[m], musculotendonVelocity: velocity[m],
                              sampleInterval: interval).force
        }
        let noise = angleNoiseDegrees * .pi / 180
        let measuredAngles = angles.map { $0.map { $0 + noise * random.normal() } }
        let (emg, rawTime, raw) = surfaceEMG(excitation: excitation, muscles: muscles, gains: emgGains, wander: emgWander, time: time,
                                             random: &random)
        return SimulatedTrial(name: name, task: task, time: time, angles: angles, speeds: speeds, accelerations: accelerations,
                              measuredAngles: measuredAngles, jointTorques: jointTorques, geometry: pathGeometry,
                              lengtheningVelocity: velocity, excitation: excitation, activation: activation, force: force,
                              emg: emg, rawEMGTime: rawTime, rawEMG: raw)
    }

    /// EMG of the measured muscles: the amplitude = gain × excitation × (1 + wander × a slow unit factor), the
    /// envelope = the amplitude + slowly varying noise (both AR(1), 0.1 s), clipped at 0; raw EMG = the amplitude
    /// interpolated to `rawEMGRate` times Gaussian noise scaled so its rectified mean is the amplitude (1 MVC = 1 mV),
    /// plus 5 µV of electrode noise.
    func surfaceEMG(excitation: [[Double]], muscles: [DeGrooteFregly2016Muscle<Double>], gains: [Double], wander: Double, time: [Double],
                    random: inout SeededRandom) -> (envelopes: [[Double]], rawTime: [Double], raw: [[Double]]) {
        let rho = exp(-1 / (0.1 * sampleRate)), innovation = (1 - rho * rho).squareRoot()
        let rawCount = Int(((time.last ?? 0) * rawEMGRate).rounded()) + 1
        let rawTime = (0..<rawCount).map { Double($0) / rawEMGRate }
        var envelopes: [[Double]] = []
        var raw: [[Double]] = []
        for (channel, name) in measuredMuscles.enumerated() {
            guard let m = muscles.firstIndex(where: { $0.name == name }) else { continue }
            var factor = 0.0, state = 0.0
            let amplitude = excitation[m].map { e -> Double in
                factor = rho * factor + innovation * random.normal()
                return gains[channel] * e * max(0, 1 + wander * factor)
            }
            envelopes.append(amplitude.map { a in
                state = rho * state + innovation * emgNoise * random.normal()
                return max(0, a + state)
            })
            raw.append(rawTime.map { t in
                let position = min(t * sampleRate, Double(time.count - 1))
                let i = min(Int(position), time.count - 2), w = position - Double(i)
                let interpolated = (1 - w) * amplitude[i] + w * amplitude[i + 1]
                return interpolated * (Double.pi / 2).squareRoot() * random.normal() + 0.005 * random.normal()
            })
        }
        return (envelopes, rawTime, raw)
    }
}

/// The brachialis's share wander of one trial (``ArmSimulator/brachialisWander``): its effort weight times
/// exp(−SD·f(t)/q), which moves its unconstrained optimal activation (∝ w^(−q)) by the factor exp(SD·f(t)), f a sum of
/// four sinusoids of random frequency (0.05-0.3 Hz) and phase with unit standard deviation.
struct ShareWander {
    let muscle: Int?
    let deviation: Double
    let components: [(frequency: Double, phase: Double)]

    init(muscle: Int?, deviation: Double, random: inout SeededRandom) {
        self.muscle = muscle; self.deviation = deviation
        components = (0..<4).map { _ in (random.uniform(0.05...0.3), random.uniform(0...(2 * .pi))) }
    }

    /// `rule` with the wandering muscle's weight at time `t` (s).
    func rule(_ rule: RecruitmentRule, at t: Double) -> RecruitmentRule {
        guard let muscle, deviation > 0 else { return rule }
        let factor = components.reduce(0) { $0 + (0.5).squareRoot() * sin(2 * .pi * $1.frequency * t + $1.phase) }
        var wandering = rule
        wandering.weights[muscle] *= exp(-deviation * factor * (rule.exponent - 1))
        return wandering
    }
}
