import ComplexModule
import RealModule

/// A digital filter as zeros, poles and a gain: H(z) = gain · Π(z − zeros) / Π(z − poles).
///
/// This is the form in which filters are designed (as scipy.signal does); it converts to a
/// ``TransferFunction`` (scipy's `ba`) or to ``SecondOrderSections`` (scipy's `sos`) for filtering.
public struct ZeroPoleGain: Sendable, Equatable {
    /// The zeros, real or in complex-conjugate pairs.
    public var zeros: [Complex<Double>]
    /// The poles, real or in complex-conjugate pairs; inside the unit circle for a stable filter.
    public var poles: [Complex<Double>]
    /// The overall gain.
    public var gain: Double

    /// Creates a filter from its zeros, poles and gain.
    public init(zeros: [Complex<Double>], poles: [Complex<Double>], gain: Double) {
        self.zeros = zeros
        self.poles = poles
        self.gain = gain
    }
}

/// The coefficients of Π(x − roots), highest power first, computed as numpy.poly does
/// (one factor at a time, in the roots' order); the roots must be real or in conjugate pairs.
func polynomialCoefficients(roots: [Complex<Double>]) -> [Double] {
    var coefficients: [Complex<Double>] = [.one]
    for root in roots {
        var next = coefficients + [.zero]
        for index in 1..<next.count {
            next[index] = next[index] - root * coefficients[index - 1]
        }
        coefficients = next
    }
    return coefficients.map(\.real)
}
