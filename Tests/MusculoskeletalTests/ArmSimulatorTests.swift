import TestSupport
import BiomechIO
import Foundation
import SignalProcessing
import Testing
@testable import Musculoskeletal

/// The built-in arm simulator: deterministic, physically self-consistent, and its parts checked against OpenSim.
@Suite(.needsSharedData)
struct ArmSimulatorTests {
    static func shortSimulator(seed: UInt64) -> ArmSimulator {
        var simulator = ArmSimulator(seed: seed)
        simulator.duration = 3
        return simulator
    }
    static let tasks: [ArmTask] = [.curl(loadMass: 0), .curl(loadMass: 4), .pushdown(cableForce: 45)]

    @Test func sameSeedSameSubjectOtherSeedOtherSubject() {
        let a = Self.shortSimulator(seed: 3).subject(trials: Self.tasks)
        let b = Self.shortSimulator(seed: 3).subject(trials: Self.tasks)
        let c = Self.shortSimulator(seed: 4).subject(trials: Self.tasks)
        #expect(a.parameterScales == b.parameterScales && a.trials[1].emg == b.trials[1].emg && a.trials[2].rawEMG == b.trials[2].rawEMG)
        #expect(firstDifference(a.trials[0].excitation, b.trials[0].excitation) == nil)
        #expect(firstDifference(a.trials[0].measuredAngles, b.trials[0].measuredAngles) == nil)
        #expect(a.parameterScales != c.parameterScales && a.trials[0].angles != c.trials[0].angles)
    }

    /// The true forces reproduce the inverse-dynamics elbow torque, and the true activations follow from the true
    /// excitations through activation dynamics and the delay.
    @Test func trialsAreSelfConsistent() throws {
        let subject = Self.shortSimulator(seed: 11).subject(trials: Self.tasks)
        for trial in subject.trials {
            let torque = try #require(trial.geometry.torque(about: "r_elbow_flex", forces: trial.force))
            let reference = trial.jointTorques[1]
            let agreement = TorqueAgreement(model: Array(torque.dropFirst(3)), reference: Array(reference.dropFirst(3)))
            #expect(agreement.r2 > 0.99999 && agreement.rmsePercentOfPeak < 0.05, "\(trial.name): \(agreement)")
            for m in subject.muscles.indices {
                let delayed = ElectromechanicalDelay(seconds: subject.electromechanicalDelay).apply(to: trial.excitation[m], sampleInterval: 0.01)
                #expect(subject.muscles[m].activationDynamics.simulate(excitation: delayed, sampleInterval: 0.01) == trial.activation[m])
                #expect(trial.excitation[m].allSatisfy { $0 >= 0 && $0 <= 1 })
            }
            for (c, range) in Arm26.validAngles.enumerated() {
                #expect(trial.angles[c].allSatisfy { range.contains($0) }, "\(trial.name) leaves the fitted angle range")
            }
            #expect(trial.emg.count == 4 && trial.rawEMG.count == 4 && trial.rawEMGTime.count == 3001)
        }
        // Heavier loads recruit the flexors more; the push-down recruits the triceps.
        let bra = try #require(subject.muscles.firstIndex { $0.name == "BRA" })
        let trilat = try #require(subject.muscles.firstIndex { $0.name == "TRIlat" })
        #expect(subject.trials[1].activation[bra].max()! > subject.trials[0].activation[bra].max()!)
        #expect(subject.trials[2].activation[trilat].max()! > 2 * subject.trials[0].activation[trilat].max()!)
    }

    /// Written out, the subject reads back with BiomechIO and passes `check-physics` like S01 does.
    @Test func writtenSubjectPassesCheckPhysics() throws {
        let subject = Self.shortSimulator(seed: 5).subject(trials: Self.tasks, name: "SIMTEST")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-sim-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try subject.write(to: directory)
        let model = try OSimFile.read(directory + "/truth_model.osim")
        #expect(model.muscles.map(\.name) == subject.muscles.map(\.name))
        #expect(model.muscles.map(\.maxIsometricForce) == subject.muscles.map(\.maxIsometricForce))
        #expect(Set(model.coordinates.map(\.name)) == Set(Arm26.coordinates))
        let ik = try StorageFile.read(directory + "/trial01/ik.mot")
        #expect(ik.inDegrees && abs(ik.inRadians().columns[1][0] - subject.trials[0].measuredAngles[1][0]) < 1e-9)
        let loaded = try Subject.load(folder: directory)
        #expect(loaded.name == "SIMTEST" && loaded.trials.count == 3 && loaded.info?.hidden == ["TRImed", "BRA"])
        #expect(loaded.trials[2].emg?.labels == Arm26.surfaceEMGMuscles && loaded.evaluationOnly.electromechanicalDelay == 0.02)
        #expect(loaded.evaluationOnly.parameterScale["BRA"]?["max_isometric_force"] == subject.parameterScales[5].maxIsometricForce)
        // The written bodies and joints move as the simulator's arm: nmm's inverse dynamics of them, with each task's
        // load at the simulator's hand point, give the trials' joint torques.
        let dynamics = InverseDynamics(try SkeletonPoses(try #require(model.skeleton, "\(model.skeletonUnavailable?.description ?? "")")))
        let hand = SIMD3(subject.dynamics.handOffset, -subject.dynamics.handDistance, 0)
        for trial in subject.trials {
            let load = InverseDynamics.PointLoad(body: 1, point: hand, mass: trial.task.loadMass, force: SIMD3(0, trial.task.cableForce, 0))
            for f in stride(from: 0, to: trial.time.count, by: 97) {
                let own = dynamics.generalizedForces(q: trial.angles.map { $0[f] }, qd: trial.speeds.map { $0[f] },
                                                     qdd: trial.accelerations.map { $0[f] }, loads: [load])
                for c in 0..<2 { #expect(close(own[c], trial.jointTorques[c][f], relative: 1e-6, absolute: 1e-6), "\(trial.name) frame \(f)") }
            }
        }
        for result in try PhysicsCheck.run(subjectDirectory: directory) {
            #expect(result.r2 >= 0.9999 && result.rmsePercentOfPeak <= 0.1 && result.forceErrorPercentOfPeak <= 0.01, "\(result)")
        }
    }

    /// ArmDynamics on S01's noise-free motion and load reproduces OpenSim's elbow inverse dynamics (evaluation use of truth).
    @Test func armDynamicsMatchesOpenSimInverseDynamics() throws {
        for number in 1...10 {
            let directory = SharedData.s01Trial(number)
            let kinematics = try StorageFile.read(directory + "/truth_kinematics.sto")
            let load = try StorageFile.read(directory + "/load.sto")
            let reference = try #require(try StorageFile.read(directory + "/id.sto").column("r_elbow_flex_moment"))
            func column(_ label: String) throws -> [Double] { try #require(kinematics.column(label)) }
            let (q1, q2) = (try column("r_shoulder_elev"), try column("r_elbow_flex"))
            let (u1, u2) = (try column("r_shoulder_elev_u"), try column("r_elbow_flex_u"))
            let (a1, a2) = (try column("r_shoulder_elev_udot"), try column("r_elbow_flex_udot"))
            let mass = try #require(load.column("load_mass")), cable = try #require(load.column("cable_force"))
            let elbow = q1.indices.map {
                ArmDynamics.arm26.inverseDynamics(q: [q1[$0], q2[$0]], qd: [u1[$0], u2[$0]], qdd: [a1[$0], a2[$0]],
                                                  loadMass: mass[$0], cableForce: cable[$0])[1]
            }
            let agreement = TorqueAgreement(model: elbow, reference: reference)
            #expect(agreement.rmsePercentOfPeak < 0.5 && agreement.r2 > 0.999, "trial \(number): \(agreement)")
            print("arm dynamics vs OpenSim, trial \(number): elbow RMSE \(agreement.rmsePercentOfPeak) % of peak, R² \(agreement.r2)")
        }
    }

    /// Loads beyond the muscles' strength saturate them (the torque is then not met) but never produce NaN.
    @Test func impossibleLoadsSaturateWithoutNaN() {
        var simulator = ArmSimulator(seed: 9)
        simulator.duration = 2
        let subject = simulator.subject(trials: [.curl(loadMass: 50), .pushdown(cableForce: 500)])
        for trial in subject.trials {
            #expect(trial.activation.allSatisfy { $0.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 } })
            #expect(trial.force.allSatisfy { $0.allSatisfy(\.isFinite) } && trial.emg.allSatisfy { $0.allSatisfy(\.isFinite) })
        }
    }

    @Test func recruitmentIsTheConstrainedOptimum() throws {
        let rule = RecruitmentRule(weights: [1, 2, 1.5], baseFloor: 0.02, floorPerTorque: 0, floorPerSpeed: 0)
        let gain = [10.0, 20.0, -15.0]
        let a = try #require(rule.activations(torque: 4, gain: gain, passiveTorque: 0.5, floor: 0.05))
        #expect(abs(zip(a, gain).reduce(0.5) { $0 + $1.0 * $1.1 } - 4) < 1e-9)
        #expect(abs(a[2] - 0.05) < 1e-12)   // the antagonist stays at the floor
        // Unconstrained muscles share by aᵢ ∝ gainᵢ/wᵢ: a0/a1 = (10/1)/(20/2) = 1.
        #expect(abs(a[0] - a[1]) < 1e-9)
        #expect(rule.activations(torque: 100, gain: gain, passiveTorque: 0, floor: 0.05) == nil)
    }

    /// The subject's criterion exponent is drawn within the simulator's range from a stream of its own: fixing it
    /// changes the activations and nothing else a seed draws (motion, parameters, gains).
    @Test func recruitmentExponentIsDrawnApart() {
        var simulator = ArmSimulator(seed: 3)
        simulator.duration = 2
        let drawn = simulator.subject(trials: [.curl(loadMass: 2)])
        #expect(simulator.recruitmentExponent.contains(drawn.recruitment.exponent))
        simulator.recruitmentExponent = 3...3
        let cubic = simulator.subject(trials: [.curl(loadMass: 2)])
        #expect(cubic.recruitment.exponent == 3 && cubic.emgGains == drawn.emgGains && cubic.parameterScales == drawn.parameterScales)
        #expect(cubic.trials[0].angles == drawn.trials[0].angles)
        #expect(cubic.trials[0].activation != drawn.trials[0].activation)
    }

    /// The brachialis wander moves the brachialis's activation against the biceps' by about the drawn SD in log units,
    /// slowly, while the torque is still met; the other draws of the seed stay as they were, and a subject drawn
    /// without a wander is the default one.
    @Test func brachialisShareWandersByTheDrawnAmount() throws {
        var simulator = ArmSimulator(seed: 7)
        simulator.duration = 10
        simulator.recruitmentExponent = 2...2
        let tasks: [ArmTask] = [.curl(loadMass: 3)]
        let steady = simulator.subject(trials: tasks)
        simulator.brachialisWander = 0.3...0.3
        let wandering = simulator.subject(trials: tasks)
        #expect(steady.brachialisWander == 0 && wandering.brachialisWander == 0.3)
        #expect(wandering.parameterScales == steady.parameterScales && wandering.emgGains == steady.emgGains
                && wandering.recruitment == steady.recruitment && wandering.trials[0].angles == steady.trials[0].angles)
        let names = steady.muscles.map(\.name)
        let bra = try #require(names.firstIndex(of: "BRA")), biceps = try #require(names.firstIndex(of: "BIClong"))
        // Over frames where neither muscle sits at the co-contraction floor, the change of log(a_BRA / a_BIClong) that
        // the wander makes has about its SD, and varies slowly (seconds, not frames).
        let trial = wandering.trials[0], reference = steady.trials[0]
        let floorFree = trial.time.indices.filter {
            min(trial.activation[bra][$0], trial.activation[biceps][$0], reference.activation[bra][$0], reference.activation[biceps][$0]) > 0.1
        }
        #expect(floorFree.count > 200)
        let shift = floorFree.map { log(trial.activation[bra][$0] / trial.activation[biceps][$0])
            - log(reference.activation[bra][$0] / reference.activation[biceps][$0]) }
        let mean = shift.reduce(0, +) / Double(shift.count)
        let sd = (shift.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(shift.count)).squareRoot()
        let rms = (shift.reduce(0) { $0 + $1 * $1 } / Double(shift.count)).squareRoot()
        #expect(rms > 0.1 && rms < 0.6 && sd > 0.05, "log-ratio shift RMS \(rms), SD \(sd), drawn 0.3")
        let steps = floorFree.indices.dropLast().filter { floorFree[$0 + 1] == floorFree[$0] + 1 }
            .map { abs(shift[$0 + 1] - shift[$0]) }
        #expect(steps.reduce(0, +) / Double(steps.count) < 0.02, "frame-to-frame change of the shift")
        let torque = try #require(trial.geometry.torque(about: "r_elbow_flex", forces: trial.force))
        let agreement = TorqueAgreement(model: Array(torque.dropFirst(3)), reference: Array(trial.jointTorques[1].dropFirst(3)))
        #expect(agreement.r2 > 0.99999, "\(agreement)")
    }

    /// With the cubic criterion the shares follow the KKT condition 3·wᵢ·aᵢ²/gainᵢ = λ, and moving activation between
    /// the two agonists along the torque constraint only raises Σ wᵢ·aᵢ³.
    @Test func cubicRecruitmentIsTheConstrainedOptimum() throws {
        let rule = RecruitmentRule(weights: [1, 2.5, 1.5], baseFloor: 0.02, floorPerTorque: 0, floorPerSpeed: 0, exponent: 3)
        let gain = [10.0, 20.0, -15.0]
        let a = try #require(rule.activations(torque: 4, gain: gain, passiveTorque: 0.5, floor: 0.05))
        #expect(abs(zip(a, gain).reduce(0.5) { $0 + $1.0 * $1.1 } - 4) < 1e-9)
        #expect(abs(a[2] - 0.05) < 1e-12)
        #expect(abs(1 * a[0] * a[0] / 10 - 2.5 * a[1] * a[1] / 20) < 1e-9)
        // Shares as the square root of gainᵢ/wᵢ (10 and 8), not in proportion to it as the quadratic criterion's.
        #expect(abs(a[0] / a[1] - (10.0 / 8).squareRoot()) < 1e-9)
        func effort(_ x: [Double]) -> Double { zip(rule.weights, x).reduce(0) { $0 + $1.0 * pow($1.1, 3) } }
        for step in [-1e-3, 1e-3] {
            let moved = [a[0] + step / gain[0], a[1] - step / gain[1], a[2]]
            #expect(effort(moved) > effort(a))
        }
    }

    /// The embedded arm26 paths are the fit they claim to be.
    @Test func embeddedPathsAreTheDocumentedFit() throws {
        let refit = PolynomialMusculotendonGeometry.fit(samples: try GeometryTests.samples(Array(1...10)), degree: 5)
        let angles = [[0.1, 0.25, 0.4, 0.3], [0.4, 1.0, 1.6, 2.0]]
        let embedded = Arm26.geometry.geometry(time: [0, 1, 2, 3], angles: angles)
        let refitted = refit.geometry(time: [0, 1, 2, 3], angles: [angles[1], angles[0]])   // refit order: elbow, shoulder
        for m in embedded.muscles.indices {
            for k in 0..<4 { #expect(abs(embedded.length[m][k] - refitted.length[m][k]) < 1e-12) }
        }
    }
}

/// The simulator's surface EMG: its raw EMG through the classical processing chain recovers its envelopes, as S01's
/// does, and its amplitude wanders about the excitation as the subject draws.
struct SimulatedEMGTests {
    @Test func processedRawEMGCorrelatesWithTheEnvelopes() throws {
        var simulator = ArmSimulator(seed: 21)
        simulator.duration = 4
        let subject = simulator.subject(trials: [.curl(loadMass: 3), .pushdown(cableForce: 30)])
        let raws = subject.trials.map { TimeSeries(time: $0.rawEMGTime, labels: subject.measuredMuscles, columns: $0.rawEMG) }
        let processed = try EMGPipeline().process(raws, onto: subject.trials.map(\.time))
        for channel in subject.measuredMuscles.indices {
            let envelope = processed.envelopes.flatMap { $0.columns[channel] }
            let truth = subject.trials.flatMap { $0.emg[channel] }
            let r = pearson(envelope, truth)
            print("simulated raw EMG → envelope, \(subject.measuredMuscles[channel]): r = \(r)")
            #expect(r > 0.9)
        }
    }

    /// Each channel's amplitude wanders about gain × excitation by the subject's drawn relative SD, slowly, and
    /// without a wander the envelope is gain × excitation plus the small additive noise alone.
    @Test func amplitudeWandersByTheSubjectsDrawnAmount() throws {
        var simulator = ArmSimulator(seed: 5)
        simulator.duration = 8
        simulator.emgNoise = 0
        let tasks: [ArmTask] = [.curl(loadMass: 4), .pushdown(cableForce: 45)]
        let subject = simulator.subject(trials: tasks)
        #expect(simulator.emgAmplitudeWander.contains(subject.emgWander))
        var ratios: [Double] = []
        for trial in subject.trials {
            for (channel, name) in subject.measuredMuscles.enumerated() {
                let m = try #require(subject.muscles.firstIndex { $0.name == name })
                for k in trial.time.indices where trial.excitation[m][k] > 0.05 {
                    ratios.append(trial.emg[channel][k] / (subject.emgGains[channel] * trial.excitation[m][k]) - 1)
                }
            }
        }
        let sd = (ratios.reduce(0) { $0 + $1 * $1 } / Double(ratios.count)).squareRoot()
        #expect(sd > 0.6 * subject.emgWander && sd < 1.4 * subject.emgWander, "relative SD \(sd), drawn \(subject.emgWander)")
        let lagged = zip(ratios.dropFirst(), ratios).reduce(0) { $0 + $1.0 * $1.1 } / Double(ratios.count) / (sd * sd)
        #expect(lagged > 0.8, "a slow wander: lag-one correlation \(lagged)")
        simulator.emgAmplitudeWander = 0...0
        let steady = simulator.subject(trials: tasks)
        for trial in steady.trials {
            for (channel, name) in steady.measuredMuscles.enumerated() {
                let m = try #require(steady.muscles.firstIndex { $0.name == name })
                for k in trial.time.indices {
                    #expect(abs(trial.emg[channel][k] - steady.emgGains[channel] * trial.excitation[m][k]) < 1e-12)
                }
            }
        }
    }

    func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }, syy = y.reduce(0) { $0 + ($1 - my) * ($1 - my) }
        return sxy / (sxx * syy).squareRoot()
    }
}
