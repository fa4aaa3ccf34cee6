import TestSupport
import Foundation
import SignalProcessing
import Testing
@testable import Musculoskeletal

/// DeGroote first-order dynamics and the electromechanical delay:
/// OpenSim's formula, gradients against finite differences, and the behaviour each model promises.
struct ActivationDynamicsTests {
    /// A smooth excitation burst sampled at 100 Hz.
    static let excitation: [Double] = (0..<60).map { k in
        let t = Double(k) * 0.01
        return 0.05 + 0.6 * exp(-pow((t - 0.2) / 0.06, 2)) + 0.3 * exp(-pow((t - 0.45) / 0.04, 2))
    }

    @Test func derivativeIsOpenSimsFormula() {
        let dynamics = FirstOrderActivationDynamics<Double>(activationTimeConstant: 0.01, deactivationTimeConstant: 0.04, smoothing: 10)
        for (a, e) in [(0.1, 0.8), (0.7, 0.2), (0.5, 0.5), (0.02, 0.03)] {
            // computeStateVariableDerivatives of DeGrooteFregly2016Muscle.cpp, OpenSim 4.6.
            let f = 0.5 * tanh(10 * (e - a))
            let z = 0.5 + 1.5 * a
            let expected = ((f + 0.5) / (0.01 * z) + (-f + 0.5) * z / 0.04) * (e - a)
            #expect(close(dynamics.derivative(activation: a, excitation: e), expected, relative: 1e-14))
        }
    }

    @Test func stepIsStableAndConvergesToTheODE() {
        let dynamics = FirstOrderActivationDynamics<Double>(activationTimeConstant: 0.01, deactivationTimeConstant: 0.04, smoothing: 10)
        // A 100 Hz frame is longer than τa·(0.5 + 1.5a) at rest; the step must not overshoot.
        let coarse = dynamics.simulate(excitation: [0] + Array(repeating: 1, count: 20), sampleInterval: 0.01)
        #expect(coarse.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(zip(coarse, coarse.dropFirst()).allSatisfy { $0 <= $1 })
        // With fine substeps it agrees with a fourth-order Runge-Kutta solution of the ODE.
        let fine = dynamics.simulate(excitation: Self.excitation, sampleInterval: 0.01, substeps: 400)
        var a = Self.excitation[0]
        let h = 0.01 / 400
        for k in 1..<Self.excitation.count {
            let e = Self.excitation[k]
            for _ in 0..<400 {
                let k1 = dynamics.derivative(activation: a, excitation: e)
                let k2 = dynamics.derivative(activation: a + h / 2 * k1, excitation: e)
                let k3 = dynamics.derivative(activation: a + h / 2 * k2, excitation: e)
                let k4 = dynamics.derivative(activation: a + h * k3, excitation: e)
                a += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
            }
            #expect(abs(fine[k] - a) < 2e-3)
        }
    }

    @Test func excitationInversionReachesTheTarget() throws {
        let dynamics = FirstOrderActivationDynamics<Double>(activationTimeConstant: 0.01, deactivationTimeConstant: 0.04, smoothing: 10)
        for (from, to) in [(0.1, 0.3), (0.5, 0.45), (0.2, 0.2)] {
            let e = try #require(dynamics.excitation(from: from, to: to, interval: 0.01, substeps: 2))
            var a = from
            for _ in 0..<2 { a = dynamics.step(activation: a, excitation: e, interval: 0.005).activation }
            #expect(abs(a - to) < 1e-12)
        }
        // Faster than τa allows from rest: no excitation in [0, 1] gets there.
        #expect(dynamics.excitation(from: 0.0, to: 0.99, interval: 0.001) == nil)
    }

    @Test func sequenceGradientMatchesFiniteDifferences() {
        let dynamics = FirstOrderActivationDynamics<Double>(activationTimeConstant: 0.015, deactivationTimeConstant: 0.06, smoothing: 10)
        let weights = Self.excitation.indices.map { sin(Double($0) * 0.37) + 1.2 }
        for substeps in [1, 3] {
            func loss(_ e: [Double], _ d: FirstOrderActivationDynamics<Double>) -> Double {
                zip(d.simulate(excitation: e, sampleInterval: 0.01, substeps: substeps), weights).reduce(0) { $0 + $1.0 * $1.1 }
            }
            let activation = dynamics.simulate(excitation: Self.excitation, sampleInterval: 0.01, substeps: substeps)
            let gradient = dynamics.gradient(excitation: Self.excitation, activation: activation, upstream: weights, sampleInterval: 0.01, substeps: substeps)
            for k in [0, 1, 10, 20, 44, 59] {
                let numeric = centralDifference({ var e = Self.excitation; e[k] = $0; return loss(e, dynamics) }, at: Self.excitation[k])
                #expect(close(gradient.dExcitation[k], numeric, relative: 1e-6, absolute: 1e-8), "substeps \(substeps) k \(k)")
            }
            let dTauA = centralDifference({ var d = dynamics; d.activationTimeConstant = $0; return loss(Self.excitation, d) }, at: 0.015, step: 1e-8)
            let dTauD = centralDifference({ var d = dynamics; d.deactivationTimeConstant = $0; return loss(Self.excitation, d) }, at: 0.06, step: 1e-8)
            #expect(close(gradient.dActivationTimeConstant, dTauA, relative: 1e-5))
            #expect(close(gradient.dDeactivationTimeConstant, dTauD, relative: 1e-5))
        }
    }

    @Test func electromechanicalDelayShiftsAndHasAnExactAdjoint() {
        let signal = Self.excitation
        let whole = ElectromechanicalDelay(seconds: 0.03).apply(to: signal, sampleInterval: 0.01)
        #expect(Array(whole[3...]) == Array(signal[..<(signal.count - 3)]))
        #expect(whole[0...2].allSatisfy { $0 == signal[0] })
        let half = ElectromechanicalDelay(seconds: 0.025)
        let delayed = half.apply(to: signal, sampleInterval: 0.01)
        #expect(abs(delayed[10] - (signal[7] + signal[8]) / 2) < 1e-12)
        // ⟨D x, y⟩ = ⟨x, Dᵀ y⟩
        let y = signal.indices.map { sin(Double($0)) }
        let left = zip(delayed, y).reduce(0) { $0 + $1.0 * $1.1 }
        let right = zip(signal, half.adjoint(of: y, sampleInterval: 0.01)).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(left - right) < 1e-12)
    }

    /// On Double signals the differentiable delay agrees with SignalProcessing's `delayed(_:by:sampleRate:)`.
    @Test func delayAgreesWithSignalProcessing() throws {
        for seconds in [0.0, 0.02, 0.025, 0.137] {
            let ours = ElectromechanicalDelay(seconds: seconds).apply(to: Self.excitation, sampleInterval: 0.01)
            let theirs = try delayed(Self.excitation, by: seconds, sampleRate: 100)
            #expect(zip(ours, theirs).allSatisfy { abs($0 - $1) < 1e-12 }, "delay \(seconds)")
        }
    }
}
