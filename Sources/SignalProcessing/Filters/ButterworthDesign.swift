import ComplexModule
import RealModule
import Foundation

extension ZeroPoleGain {
    /// Designs a digital Butterworth filter exactly as `scipy.signal.butter(order, cutoffs, btype, fs=sampleRate)`:
    /// the analog prototype's poles on the unit circle (`buttap`), cut-offs pre-warped for the bilinear
    /// transform, the low-pass → low/high/band-pass transformation (`lp2lp_zpk`, `lp2hp_zpk`, `lp2bp_zpk`),
    /// then the bilinear transform (`bilinear_zpk`). A band-pass filter of order N has 2N poles.
    ///
    /// - Throws: ``SignalProcessingError`` for an order below 1 or cut-offs outside (0, Nyquist).
    public static func butterworth(order: Int, band: FilterBand, sampleRate: Double) throws -> ZeroPoleGain {
        guard order >= 1 else { throw SignalProcessingError.invalidFilterOrder(order) }
        try band.validate(sampleRate: sampleRate)
        // scipy normalises the cut-offs to the Nyquist frequency and then works at fs = 2.
        let designRate = 2.0
        let warped = band.cutoffs.map { cutoff in
            2 * designRate * tan(Double.pi * (2 * cutoff / sampleRate) / designRate)
        }
        let prototype = analogPrototype(order: order)
        let analog: ZeroPoleGain
        switch band {
        case .lowPass:
            analog = prototype.lowPassToLowPass(cutoff: warped[0])
        case .highPass:
            analog = prototype.lowPassToHighPass(cutoff: warped[0])
        case .bandPass:
            analog = prototype.lowPassToBandPass(
                centre: (warped[0] * warped[1]).squareRoot(), bandwidth: warped[1] - warped[0])
        }
        return analog.bilinear(sampleRate: designRate)
    }

    /// The analog Butterworth prototype of `order` with a cut-off of 1 rad/s (scipy's `buttap`):
    /// no zeros, poles −exp(iπm/2N) for m = −N+1, −N+3, …, N−1, gain 1.
    static func analogPrototype(order: Int) -> ZeroPoleGain {
        let poles = stride(from: -order + 1, to: order, by: 2).map { m in
            -Complex.exp(Complex(0, Double.pi * Double(m) / Double(2 * order)))
        }
        return ZeroPoleGain(zeros: [], poles: poles, gain: 1)
    }

    /// The number of poles beyond the number of zeros (zeros at infinity).
    private var relativeDegree: Int { poles.count - zeros.count }

    /// Scales an analog low-pass prototype to the cut-off `cutoff` rad/s (scipy's `lp2lp_zpk`).
    func lowPassToLowPass(cutoff: Double) -> ZeroPoleGain {
        ZeroPoleGain(
            zeros: zeros.map { $0 * Complex(cutoff, 0) },
            poles: poles.map { $0 * Complex(cutoff, 0) },
            gain: gain * pow(cutoff, Double(relativeDegree)))
    }

    /// Turns an analog low-pass prototype into a high-pass filter at `cutoff` rad/s (scipy's `lp2hp_zpk`).
    func lowPassToHighPass(cutoff: Double) -> ZeroPoleGain {
        let factor = Complex(cutoff, 0)
        let zerosProduct = zeros.reduce(Complex<Double>.one) { $0 * -$1 }
        let polesProduct = poles.reduce(Complex<Double>.one) { $0 * -$1 }
        return ZeroPoleGain(
            zeros: zeros.map { factor / $0 } + Array(repeating: .zero, count: relativeDegree),
            poles: poles.map { factor / $0 },
            gain: gain * (zerosProduct / polesProduct).real)
    }

    /// Turns an analog low-pass prototype into a band-pass filter around `centre` rad/s with `bandwidth`
    /// rad/s (scipy's `lp2bp_zpk`): each pole splits into two, and the zeros at infinity become zeros at 0.
    func lowPassToBandPass(centre: Double, bandwidth: Double) -> ZeroPoleGain {
        let centreSquared = Complex(centre * centre, 0)
        func split(_ roots: [Complex<Double>]) -> [Complex<Double>] {
            let scaled = roots.map { $0 * Complex(bandwidth / 2, 0) }
            let offsets = scaled.map { Complex.sqrt($0 * $0 - centreSquared) }
            return zip(scaled, offsets).map { $0 + $1 } + zip(scaled, offsets).map { $0 - $1 }
        }
        return ZeroPoleGain(
            zeros: split(zeros) + Array(repeating: .zero, count: relativeDegree),
            poles: split(poles),
            gain: gain * pow(bandwidth, Double(relativeDegree)))
    }

    /// Maps an analog filter to a digital one with the bilinear transform at `sampleRate` (scipy's
    /// `bilinear_zpk`); zeros at infinity land on the Nyquist frequency, z = −1.
    func bilinear(sampleRate: Double) -> ZeroPoleGain {
        let twiceRate = Complex(2 * sampleRate, 0)
        let zerosProduct = zeros.reduce(Complex<Double>.one) { $0 * (twiceRate - $1) }
        let polesProduct = poles.reduce(Complex<Double>.one) { $0 * (twiceRate - $1) }
        return ZeroPoleGain(
            zeros: zeros.map { (twiceRate + $0) / (twiceRate - $0) } + Array(repeating: Complex(-1, 0), count: relativeDegree),
            poles: poles.map { (twiceRate + $0) / (twiceRate - $0) },
            gain: gain * (zerosProduct / polesProduct).real)
    }
}
