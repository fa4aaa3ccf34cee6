import Foundation
import TensorEngine
import Testing
@testable import Musculoskeletal

/// The tensor-level chain excitation → activation → forces → torques: its Float32 reverse-mode gradients against
/// central finite differences of the same chain computed independently in Double with the scalar API.
struct TensorMuscleModelTests {
    static let muscles: [DeGrooteFregly2016Muscle<Double>] = zip(
        zip(["TRIlong", "TRIlat", "TRImed", "BIClong", "BICshort", "BRA"], [798.5, 624.3, 624.3, 624.3, 435.6, 987.3]),
        zip(zip([0.134, 0.1138, 0.1138, 0.1157, 0.1321, 0.0858], [0.143, 0.098, 0.0908, 0.2723, 0.1923, 0.0535]),
            [0.2094, 0.1571, 0.1571, 0.0, 0.0, 0.0])
    ).map { named, geometry in
        DeGrooteFregly2016Muscle(name: named.0, maxIsometricForce: named.1, optimalFiberLength: geometry.0.0,
                                 tendonSlackLength: geometry.0.1, pennationAngleAtOptimal: geometry.1,
                                 activationTimeConstant: 0.015, deactivationTimeConstant: 0.06, activationDynamicsSmoothing: 10)
    }
    static let (batch, frames, muscleCount, coordinates) = (2, 8, 6, 2)
    static let dt = 0.01

    /// Deterministic inputs: excitation, lengths, velocities [B, T, M], moment arms [B, T, C, M], loss weights [B, T, C].
    struct Inputs {
        var excitation: [Double], length: [Double], velocity: [Double], momentArms: [Double], weights: [Double]
    }
    static let inputs: Inputs = {
        var state: UInt64 = 12345
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let n = batch * frames * muscleCount
        let base = [0.30, 0.18, 0.17, 0.40, 0.32, 0.14]
        let arm = [-0.02, -0.02, -0.02, 0.045, 0.045, 0.02]
        return Inputs(
            excitation: (0..<n).map { _ in 0.05 + 0.8 * uniform() },
            length: (0..<n).map { base[$0 % muscleCount] * (1 + 0.05 * (2 * uniform() - 1)) },
            velocity: (0..<n).map { _ in 0.1 * (2 * uniform() - 1) },
            momentArms: (0..<(n * coordinates)).map { arm[$0 % muscleCount] * (0.5 + uniform()) },
            weights: (0..<(batch * frames * coordinates)).map { _ in 2 * uniform() - 1 })
    }()

    /// The loss Σ w·τ in Double through the scalar API, with scale factors `scales[3][M]` and time constants `tau[2][M]`.
    static func referenceLoss(excitation: [Double], scales: [[Double]], tau: [[Double]]) -> Double {
        var loss = 0.0
        for b in 0..<batch {
            for m in 0..<muscleCount {
                var muscle = muscles[m]
                muscle.maxIsometricForce *= scales[0][m]
                muscle.optimalFiberLength *= scales[1][m]
                muscle.tendonSlackLength *= scales[2][m]
                muscle.activationTimeConstant = tau[0][m]
                muscle.deactivationTimeConstant = tau[1][m]
                let index = { (t: Int) in (b * frames + t) * muscleCount + m }
                let activation = muscle.activationDynamics.simulate(excitation: (0..<frames).map { excitation[index($0)] }, sampleInterval: dt)
                for t in 0..<frames {
                    let force = muscle.rigidTendonForce(activation: activation[t], musculotendonLength: inputs.length[index(t)],
                                                        musculotendonVelocity: inputs.velocity[index(t)]).force
                    for c in 0..<coordinates {
                        let row = (b * frames + t) * coordinates + c
                        loss += inputs.weights[row] * inputs.momentArms[row * muscleCount + m] * force
                    }
                }
            }
        }
        return loss
    }

    @Test func gradientsMatchFiniteDifferencesOfTheDoubleChain() throws {
        let model = TensorMuscleModel(muscles: Self.muscles)
        let (b, t, m, c) = (Self.batch, Self.frames, Self.muscleCount, Self.coordinates)
        let excitation = Tensor(shape: [b, t, m], scalars: Self.inputs.excitation.map(Float.init), requiresGrad: true)
        let scales = Tensor(shape: [3, m], scalars: (0..<(3 * m)).map { Float(0.95 + 0.01 * Double($0 % 7)) }, requiresGrad: true)
        let timeConstants = Tensor(shape: [2, m], scalars: [Float](repeating: 0.015, count: m) + [Float](repeating: 0.06, count: m), requiresGrad: true)
        let activation = model.activation(excitation: excitation, timeConstants: timeConstants, sampleInterval: Float(Self.dt))
        let torque = model.torques(
            activation: activation, musculotendonLength: Tensor(shape: [b, t, m], scalars: Self.inputs.length.map(Float.init)),
            musculotendonVelocity: Tensor(shape: [b, t, m], scalars: Self.inputs.velocity.map(Float.init)),
            momentArms: Tensor(shape: [b, t, c, m], scalars: Self.inputs.momentArms.map(Float.init)), parameterScales: scales)
        #expect(torque.shape == [b, t, c])
        (torque * Tensor(shape: [b, t, c], scalars: Self.inputs.weights.map(Float.init))).sum().backward()

        let scaleValues = (0..<3).map { row in (0..<m).map { Double(scales.scalars[row * m + $0]) } }
        let tauValues = [[Double](repeating: 0.015, count: m), [Double](repeating: 0.06, count: m)]
        let excitationGradient = try #require(excitation.grad).scalars
        for index in [0, 5, 13, 40, 95] {
            let numeric = centralDifference({ var e = Self.inputs.excitation; e[index] = $0; return Self.referenceLoss(excitation: e, scales: scaleValues, tau: tauValues) },
                                            at: Self.inputs.excitation[index], step: 1e-5)
            #expect(close(Double(excitationGradient[index]), numeric, relative: 2e-3, absolute: 1e-2), "excitation \(index)")
        }
        let scaleGradient = try #require(scales.grad).scalars
        for row in 0..<3 {
            for muscle in 0..<m {
                let numeric = centralDifference({ var s = scaleValues; s[row][muscle] = $0; return Self.referenceLoss(excitation: Self.inputs.excitation, scales: s, tau: tauValues) },
                                                at: scaleValues[row][muscle], step: 1e-6)
                #expect(close(Double(scaleGradient[row * m + muscle]), numeric, relative: 2e-3, absolute: 1e-2), "scale \(row), muscle \(muscle)")
            }
        }
        let tauGradient = try #require(timeConstants.grad).scalars
        for row in 0..<2 {
            for muscle in 0..<m {
                let numeric = centralDifference({ var tau = tauValues; tau[row][muscle] = $0; return Self.referenceLoss(excitation: Self.inputs.excitation, scales: scaleValues, tau: tau) },
                                                at: tauValues[row][muscle], step: 1e-7)
                #expect(close(Double(tauGradient[row * m + muscle]), numeric, relative: 3e-3, absolute: 1e-1), "tau \(row), muscle \(muscle)")
            }
        }
    }

    @Test func emgActivationAndForcesMatchTheScalarModel() throws {
        let model = TensorMuscleModel(muscles: Self.muscles)
        let (b, t, m) = (Self.batch, Self.frames, Self.muscleCount)
        let emg = Tensor(shape: [b, t, m], scalars: Self.inputs.excitation.map(Float.init), requiresGrad: true)
        let parameters = Tensor(shape: [3, m], scalars: [Float](repeating: -0.5, count: m) + [Float](repeating: -0.4, count: m)
                                + [Float](repeating: -1.5, count: m), requiresGrad: true)
        let activation = model.activation(emg: emg, parameters: parameters)
        let forces = model.forces(activation: activation, musculotendonLength: Tensor(shape: [b, t, m], scalars: Self.inputs.length.map(Float.init)),
                                  musculotendonVelocity: Tensor(shape: [b, t, m], scalars: Self.inputs.velocity.map(Float.init)),
                                  parameterScales: model.unitParameterScales)
        forces.sum().backward()
        func loss(c1: Double, c2: Double, shape: Double) -> Double {
            var total = 0.0
            for batch in 0..<b {
                for muscle in 0..<m {
                    let index = { (frame: Int) in (batch * t + frame) * m + muscle }
                    let filter = ExponentialEMGActivation<Double>(c1: c1, c2: c2, shapeFactor: shape)
                    let activation = filter.simulate(emg: (0..<t).map { Self.inputs.excitation[index($0)] }).activation
                    for frame in 0..<t {
                        total += Self.muscles[muscle].rigidTendonForce(activation: activation[frame], musculotendonLength: Self.inputs.length[index(frame)],
                                                                       musculotendonVelocity: Self.inputs.velocity[index(frame)]).force
                    }
                }
            }
            return total
        }
        #expect(close(Double(forces.sum().item), loss(c1: -0.5, c2: -0.4, shape: -1.5), relative: 1e-5))
        let gradient = try #require(parameters.grad).scalars
        let sums = (0..<3).map { row in gradient[(row * m)..<((row + 1) * m)].reduce(0, +) }
        #expect(close(Double(sums[0]), centralDifference({ loss(c1: $0, c2: -0.4, shape: -1.5) }, at: -0.5), relative: 2e-3))
        #expect(close(Double(sums[1]), centralDifference({ loss(c1: -0.5, c2: $0, shape: -1.5) }, at: -0.4), relative: 2e-3))
        #expect(close(Double(sums[2]), centralDifference({ loss(c1: -0.5, c2: -0.4, shape: $0) }, at: -1.5), relative: 2e-3))
    }
}
