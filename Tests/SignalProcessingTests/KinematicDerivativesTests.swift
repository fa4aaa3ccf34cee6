import TestSupport
import BiomechIO
import Foundation
import SignalProcessing
import Testing

@Suite("Differentiation of joint kinematics")
struct KinematicDerivativesTests {
    @Test("central differences are exact for a quadratic, ends included")
    func exactForQuadratics() {
        let rate = 50.0
        let values = (0..<20).map { index -> Double in
            let t = Double(index) / rate
            return 3 * t * t - 2 * t + 1
        }
        let derivative = centralDifference(values, sampleRate: rate)
        for (index, value) in derivative.enumerated() {
            #expect(abs(value - (6 * Double(index) / rate - 2)) < 1e-10)
        }
        #expect(centralDifference([1, 3], sampleRate: 2) == [4, 4])
        #expect(centralDifference([5], sampleRate: 2) == [0])
    }

    @Test("velocity and acceleration of a smooth movement, from degrees to radians")
    func smoothMovement() throws {
        let rate = 100.0
        let time = (0..<400).map { Double($0) / rate }
        let degrees = time.map { 30 * sin(2 * Double.pi * 0.5 * $0) }
        let series = TimeSeries(time: time, labels: ["r_elbow_flex"], columns: [degrees], inDegrees: true)
        let result = try KinematicDerivatives().apply(to: series)
        let amplitude = 30 * Double.pi / 180
        let omega = 2 * Double.pi * 0.5
        for index in 50..<350 {
            let t = time[index]
            #expect(abs(result.value.columns[0][index] - amplitude * sin(omega * t)) < 1e-3)
            #expect(abs(result.velocity.columns[0][index] - amplitude * omega * cos(omega * t)) < 2e-3)
            #expect(abs(result.acceleration.columns[0][index] + amplitude * omega * omega * sin(omega * t)) < 1e-2)
        }
        #expect(result.velocity.labels == ["r_elbow_flex"])
        #expect(!result.velocity.inDegrees)
    }

    @Test("irregular sampling is a clear error")
    func irregularSampling() {
        let series = TimeSeries(time: [0, 0.01, 0.03, 0.04], labels: ["q"], columns: [[0, 1, 2, 3]])
        #expect(throws: SignalProcessingError.nonUniformSampling("joint kinematics")) {
            try KinematicDerivatives().apply(to: series)
        }
    }
}
