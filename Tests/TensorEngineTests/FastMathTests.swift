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
}
