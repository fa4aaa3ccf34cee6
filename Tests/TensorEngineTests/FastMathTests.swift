import Foundation
import Testing
@testable import TensorEngine

@Suite("Vectorisable exp and erf against libm")
struct FastMathTests {
    @Test("exp: relative error below 3e-7 on [-80, 80]")
    func exp() {
        var worst: Double = 0
        for i in 0...160_000 {
            let x = Float(-80 + Double(i) * 0.001)
            let exact = Foundation.exp(Double(x))
            worst = max(worst, abs(Double(FastMath.exp(x)) - exact) / exact)
        }
        #expect(worst < 3e-7)
        #expect(FastMath.exp(-200) >= 0 && FastMath.exp(-200) < 1e-37)
    }

    @Test("erf: absolute error below 5e-7 on [-6, 6]")
    func erf() {
        var worst: Double = 0
        for i in 0...12_000 {
            let x = Float(-6 + Double(i) * 0.001)
            worst = max(worst, abs(Double(FastMath.erf(x)) - Foundation.erf(Double(x))))
        }
        #expect(worst < 5e-7)
    }

    @Test("softmax exp (x ≤ 0, eight lanes): relative error below 2.5e-7 on [-1, 0], 5e-7 on [-5, 0], 3e-6 on [-40, 0]")
    func exponentialOfNonPositive() {
        var worst = (near: 0.0, middle: 0.0, far: 0.0)
        for i in stride(from: 0, through: 400_000, by: 8) {
            let x = SIMD8<Float>((0..<8).map { Float(-Double(i + $0) * 1e-4) })
            let y = FastMath.exponentialOfNonPositive(x)
            for lane in 0..<8 {
                let exact = Foundation.exp(Double(x[lane]))
                let error = abs(Double(y[lane]) - exact) / exact
                if x[lane] >= -1 { worst.near = max(worst.near, error) }
                if x[lane] >= -5 { worst.middle = max(worst.middle, error) }
                worst.far = max(worst.far, error)
            }
        }
        #expect(worst.near < 2.5e-7 && worst.middle < 5e-7 && worst.far < 3e-6, "\(worst)")
        #expect(FastMath.exponentialOfNonPositive(SIMD8(repeating: -1000)).max() < 1e-37)
    }

    @Test("inference GELU (A&S 7.1.28) with the bias added: absolute error below 1e-6 on [-10, 10]")
    func geluAddingBias() {
        let count = 20_001
        var values = (0..<count).map { Float(-10.25 + Double($0) * 0.001) }
        let bias = [Float](repeating: 0.25, count: count)
        values.withUnsafeMutableBufferPointer { FastMath.gelu($0.baseAddress!, adding: bias, count) }
        var worst: Double = 0
        for (i, value) in values.enumerated() {
            let x = Double(Float(-10.25 + Double(i) * 0.001) + 0.25)
            worst = max(worst, abs(Double(value) - 0.5 * x * (1 + Foundation.erf(x / 2.0.squareRoot()))))
        }
        #expect(worst < 1e-6)
    }

    @Test("unnormalised softmax rows in base 2: 2^(x − max) and 1/Σ, with a remainder past the eight-lane blocks")
    func unnormalizedSoftmax() {
        for count in [64, 13] {
            var values = (0..<(3 * count)).map { Float(sin(Double($0) * 0.7) * 9) }
            let original = values
            var inverse = [Float](repeating: 0, count: 3)
            values.withUnsafeMutableBufferPointer { v in
                inverse.withUnsafeMutableBufferPointer { FastMath.unnormalizedSoftmax(v.baseAddress!, rows: 3, count: count, inverseSums: $0.baseAddress!) }
            }
            for row in 0..<3 {
                let slice = original[(row * count)..<((row + 1) * count)].map(Double.init)
                let largest = slice.max()!
                let exact = slice.map { Foundation.exp2($0 - largest) }
                // As documented for powerOfTwoOfNonPositive (these rows reach −18).
                for j in 0..<count { #expect(abs(Double(values[row * count + j]) - exact[j]) <= 3e-6 * exact[j]) }
                #expect(abs(Double(inverse[row]) * exact.reduce(0, +) - 1) < 1e-6)
            }
        }
    }

    @Test("VectorMath exp and log (eight lanes, no FMA): relative error below 3e-7")
    func vectorMath() {
        var worstExp: Double = 0, worstLog: Double = 0
        for i in stride(from: 0, to: 160_000, by: 8) {
            let x = SIMD8<Float>((0..<8).map { Float(-80 + Double(i + $0) * 0.001) })
            let e = VectorMath.exp(x)
            // log over [1e-6, 1e6) on a geometric grid, and around 1 where log is smallest.
            let y = SIMD8<Float>((0..<8).map { Float(Foundation.pow(10, -6 + Double(i + $0) * 12 / 160_000)) })
            let l = VectorMath.log(y)
            for lane in 0..<8 {
                let exactExp = Foundation.exp(Double(x[lane]))
                worstExp = max(worstExp, abs(Double(e[lane]) - exactExp) / exactExp)
                let exactLog = Foundation.log(Double(y[lane]))
                worstLog = max(worstLog, abs(Double(l[lane]) - exactLog) / max(abs(exactLog), 1e-3))
            }
        }
        #expect(worstExp < 3e-7 && worstLog < 3e-7, "exp \(worstExp), log \(worstLog)")
    }
}
