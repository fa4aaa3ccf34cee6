import Musculoskeletal
import Testing
@testable import Estimation

/// The hand-written reverse pass of excitation → activation → force → torque against central finite differences.
@Suite struct MuscleSystemGradientTests {
    let system = MuscleSystem(muscles: [
        DeGrooteFregly2016Muscle(name: "flexor", maxIsometricForce: 600, optimalFiberLength: 0.12, tendonSlackLength: 0.19,
                                 pennationAngleAtOptimal: 0.1, activationTimeConstant: 0.01, deactivationTimeConstant: 0.04,
                                 ignoreTendonCompliance: true),
        DeGrooteFregly2016Muscle(name: "extensor", maxIsometricForce: 800, optimalFiberLength: 0.13, tendonSlackLength: 0.14,
                                 activationTimeConstant: 0.01, deactivationTimeConstant: 0.04, ignoreTendonCompliance: true),
    ])

    func geometry(frames: Int) -> MusculotendonKinematics {
        let t: [Double] = (0..<frames).map { Double($0) * 0.01 }
        let flexorLength: [Double] = t.map { 0.31 + 0.02 * sin(3 * $0) }
        let extensorLength: [Double] = t.map { 0.26 - 0.015 * sin(3 * $0) }
        let flexorVelocity: [Double] = t.map { 0.06 * cos(3 * $0) }
        let extensorVelocity: [Double] = t.map { -0.045 * cos(3 * $0) }
        let elbowFlexor: [Double] = t.map { 0.03 + 0.005 * $0 }
        let constant: (Double) -> [Double] = { v in [Double](repeating: v, count: frames) }
        return MusculotendonKinematics(
            muscles: ["flexor", "extensor"], coordinates: ["elbow", "shoulder"],
            length: [flexorLength, extensorLength], velocity: [flexorVelocity, extensorVelocity],
            momentArm: [[elbowFlexor, constant(-0.02)], [constant(0.01), constant(0.015)]])
    }

    /// The same two muscles with the flexor as a Thelen2003 muscle (Thelen's curves through the same chain).
    var mixedSystem: MuscleSystem {
        var system = system
        system.muscles[0] = Thelen2003Muscle<Double>(name: "flexor", maxIsometricForce: 600, optimalFiberLength: 0.12, tendonSlackLength: 0.19,
                                                     pennationAngleAtOptimal: 0.1, activationTimeConstant: 0.01,
                                                     deactivationTimeConstant: 0.04, ignoreTendonCompliance: true)
        return system
    }

    /// The same two muscles with compliant tendons, the flexor with fibre damping: the adjoint through the fibre state.
    var compliantSystem: MuscleSystem {
        var system = system
        var flexor = system.muscles[0] as! DeGrooteFregly2016Muscle<Double>
        flexor.fiberDamping = 0.05
        system.muscles[0] = flexor
        for m in system.muscles.indices { system.muscles[m].hasCompliantTendon = true }
        return system
    }

    @Test(arguments: ["DeGrooteFregly2016", "Thelen2003 and DeGrooteFregly2016", "compliant DeGrooteFregly2016"])
    func gradientMatchesFiniteDifferences(muscleClasses: String) {
        let system = muscleClasses == "DeGrooteFregly2016" ? self.system
            : muscleClasses.hasPrefix("compliant") ? compliantSystem : mixedSystem
        let frames = 30, h = 0.01
        let g = geometry(frames: frames)
        let first: [Double] = (0..<frames).map { 0.2 + 0.15 * sin(Double($0) / 4) }
        let second: [Double] = (0..<frames).map { 0.1 + 0.05 * cos(Double($0) / 3) }
        let excitation = [first, second]
        var p = PersonalizedParameters(muscleCount: 2)
        p.theta = p.theta.enumerated().map { $0.element + 0.1 * Double($0.offset % 3) - 0.1 }
        let reference = [[Double](repeating: 5, count: frames), [Double](repeating: -1, count: frames)]
        let loss = TorqueLoss(scales: [10, 3], warmup: 3)
        func value(_ e: [[Double]], _ p: PersonalizedParameters) -> Double {
            loss.evaluate(model: system.forward(excitation: e, geometry: g, sampleInterval: h, parameters: p).torque, reference: reference).loss
        }
        let pass = system.forward(excitation: excitation, geometry: g, sampleInterval: h, parameters: p)
        let grad = system.backward(pass, torqueGradient: loss.evaluate(model: pass.torque, reference: reference).gradient, geometry: g, sampleInterval: h)
        let eps = 1e-6
        for (m, k) in [(0, 0), (0, 10), (1, 5), (1, 29)] {
            var plus = excitation, minus = excitation
            plus[m][k] += eps; minus[m][k] -= eps
            let numeric = (value(plus, p) - value(minus, p)) / (2 * eps)
            #expect(abs(numeric - grad.excitation[m][k]) <= 1e-6 * max(1, abs(numeric)), "excitation \(m),\(k): \(numeric) vs \(grad.excitation[m][k])")
        }
        for i in 0..<p.count {
            var plus = p, minus = p
            plus.theta[i] += eps; minus.theta[i] -= eps
            let numeric = (value(excitation, plus) - value(excitation, minus)) / (2 * eps)
            #expect(abs(numeric - grad.theta[i]) <= 1e-5 * max(1e-3, abs(numeric)), "theta \(i): \(numeric) vs \(grad.theta[i])")
        }
    }

    /// The agonist prior's excitation and log-recruitment-gain gradients (κ held fixed, as documented) against finite
    /// differences, with a gain away from 1.
    @Test func agonistPriorGradientMatchesFiniteDifferences() throws {
        let frames = 12, h = 0.01
        let g = geometry(frames: frames)
        let system3 = MuscleSystem(muscles: system.muscles + [system.muscles[0]])
        var g3 = g
        g3.muscles.append("flexor2")
        g3.length.append(g.length[0].map { $0 * 0.98 }); g3.velocity.append(g.velocity[0])
        g3.momentArm = g.momentArm.map { $0 + [$0[0].map { $0 * 0.8 }] }
        let trial = EstimationTrial(name: "t", time: (0..<frames).map { Double($0) * h }, featureLabels: [], features: [],
                                    emg: [:], torque: [:], geometry: g3)
        let prior = AgonistPrior(weight: 0.7, system: system3, trials: [trial], measured: [0, 1])
        #expect(prior.agonists.count == 1 && prior.agonists[2]?.muscles == [0])
        #expect(prior.unanchored(among: [2]).isEmpty, "an anchored muscle has no effort term")
        #expect(AgonistPrior(weight: 0, system: system3, trials: [trial], measured: [0, 1]).unanchored(among: [2]) == [2],
                "without the prior every hidden muscle is left to the effort term")
        let first: [Double] = (0..<frames).map { 0.2 + 0.1 * sin(Double($0)) }
        let second: [Double] = (0..<frames).map { 0.1 + 0.05 * cos(Double($0)) }
        let third: [Double] = (0..<frames).map { 0.3 - 0.01 * Double($0) }
        let e = [first, second, third]
        let p = PersonalizedParameters(muscleCount: 3)
        let pass = system3.forward(excitation: e, geometry: g3, sampleInterval: h, parameters: p)
        let logGain = 0.3
        let evaluated = prior.evaluate(pass, geometry: g3, recruitment: AgonistRecruitment(gains: [2: exp(logGain)]))
        let analytic = evaluated.gradient
        let eps = 1e-6
        for (m, k) in [(0, 3), (2, 7), (1, 4)] {
            var plus = pass, minus = pass
            plus.excitation[m][k] += eps; minus.excitation[m][k] -= eps
            let numeric = (prior.evaluate(plus, geometry: g3, recruitment: AgonistRecruitment(gains: [2: exp(logGain)])).loss
                - prior.evaluate(minus, geometry: g3, recruitment: AgonistRecruitment(gains: [2: exp(logGain)])).loss) / (2 * eps)
            #expect(abs(numeric - analytic[m][k]) < 1e-7 * max(1, abs(numeric)), "\(m),\(k): \(numeric) vs \(analytic[m][k])")
        }
        let numericGain = (prior.evaluate(pass, geometry: g3, recruitment: AgonistRecruitment(gains: [2: exp(logGain + eps)])).loss
            - prior.evaluate(pass, geometry: g3, recruitment: AgonistRecruitment(gains: [2: exp(logGain - eps)])).loss) / (2 * eps)
        let analyticGain = try #require(evaluated.logGainGradient[2])
        #expect(abs(analyticGain) > 1e-6, "the check needs a gradient to compare")
        #expect(abs(numericGain - analyticGain) < 1e-7 * max(1, abs(numericGain)), "log gain: \(numericGain) vs \(analyticGain)")
    }

    /// With a recruitment exponent q the target is g·Σe_j·κ_h^q/Σκ_j^q over two measured agonists (recomputed here from
    /// the pass's forces and moment arms), and the excitation and exponent gradients match finite differences.
    @Test func agonistPriorExponentMatchesItsDefinitionAndFiniteDifferences() throws {
        let frames = 10, h = 0.01, q = 0.6, gain = 1.3
        let g = geometry(frames: frames)
        let system4 = MuscleSystem(muscles: system.muscles + [system.muscles[0], system.muscles[0]])
        var g4 = g
        g4.muscles += ["flexor2", "flexor3"]
        g4.length += [g.length[0].map { $0 * 0.98 }, g.length[0].map { $0 * 1.01 }]
        g4.velocity += [g.velocity[0], g.velocity[0].map { $0 * 1.5 }]
        g4.momentArm = g.momentArm.map { $0 + [$0[0].map { $0 * 0.8 }, $0[0].map { $0 * 1.3 }] }
        let trial = EstimationTrial(name: "t", time: (0..<frames).map { Double($0) * h }, featureLabels: [], features: [],
                                    emg: [:], torque: [:], geometry: g4)
        let prior = AgonistPrior(weight: 0.7, system: system4, trials: [trial], measured: [0, 1, 3])
        #expect(prior.agonists[2]?.muscles == [0, 3])
        let e: [[Double]] = [(0..<frames).map { 0.2 + 0.1 * sin(Double($0)) }, (0..<frames).map { 0.1 + 0.05 * cos(Double($0)) },
                             (0..<frames).map { 0.3 - 0.01 * Double($0) }, (0..<frames).map { 0.15 + 0.02 * Double($0) }]
        let pass = system4.forward(excitation: e, geometry: g4, sampleInterval: h, parameters: PersonalizedParameters(muscleCount: 4))
        let coordinate = try #require(prior.agonists[2]?.coordinate)
        let target = try #require(prior.targets(pass, geometry: g4, recruitment: AgonistRecruitment(gains: [2: gain], exponent: q))[2])
        for k in 0..<frames {
            func capacity(_ i: Int) -> Double { abs(g4.momentArm[coordinate][i][k]) * pass.muscleForces[i].frames[k].dActivation }
            let expected = gain * (e[0][k] + e[3][k]) * pow(capacity(2), q) / (pow(capacity(0), q) + pow(capacity(3), q))
            #expect(abs(target[k] - expected) < 1e-12 * max(1, expected), "frame \(k): \(target[k]) vs \(expected)")
        }
        func recruitment(_ q: Double) -> AgonistRecruitment { AgonistRecruitment(gains: [2: gain], exponent: q) }
        func loss(_ pass: MuscleSystem.Pass, _ q: Double) -> Double { prior.evaluate(pass, geometry: g4, recruitment: recruitment(q)).loss }
        let evaluated = prior.evaluate(pass, geometry: g4, recruitment: recruitment(q), differentiatingExponent: true)
        #expect(prior.evaluate(pass, geometry: g4, recruitment: recruitment(q)).exponentGradient == 0,
                "the exponent's gradient is left out unless asked for")
        #expect(prior.evaluate(pass, geometry: g4, recruitment: recruitment(q)).loss == evaluated.loss)
        let eps = 1e-6
        for (m, k) in [(0, 3), (2, 7), (3, 4)] {
            var plus = pass, minus = pass
            plus.excitation[m][k] += eps; minus.excitation[m][k] -= eps
            let numeric = (loss(plus, q) - loss(minus, q)) / (2 * eps)
            #expect(abs(numeric - evaluated.gradient[m][k]) < 1e-7 * max(1, abs(numeric)), "\(m),\(k): \(numeric) vs \(evaluated.gradient[m][k])")
        }
        let numericExponent = (loss(pass, q + eps) - loss(pass, q - eps)) / (2 * eps)
        #expect(abs(evaluated.exponentGradient) > 1e-6, "the check needs a gradient to compare")
        #expect(abs(numericExponent - evaluated.exponentGradient) < 1e-7 * max(1, abs(numericExponent)),
                "exponent: \(numericExponent) vs \(evaluated.exponentGradient)")
    }
}

import Foundation
