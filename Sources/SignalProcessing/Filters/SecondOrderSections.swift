import ComplexModule
import RealModule

/// One biquad: H(z) = (b0 + b1 z⁻¹ + b2 z⁻²) / (1 + a1 z⁻¹ + a2 z⁻²). A first-order section has b2 = a2 = 0.
public struct SecondOrderSection: Sendable, Equatable {
    /// Numerator coefficients.
    public var b0, b1, b2: Double
    /// Denominator coefficients (a0 = 1).
    public var a1, a2: Double

    /// Creates a section from its coefficients, with a0 = 1.
    public init(b0: Double, b1: Double, b2: Double, a1: Double, a2: Double) {
        (self.b0, self.b1, self.b2, self.a1, self.a2) = (b0, b1, b2, a1, a2)
    }

    /// The six coefficients in scipy's `sos` row order [b0, b1, b2, 1, a1, a2].
    public var coefficients: [Double] { [b0, b1, b2, 1, a1, a2] }

    /// Steady state of the transposed direct form II for a unit constant input (scipy's `lfilter_zi`).
    var steadyStateForUnitInput: (Double, Double) {
        let first = (b1 - a1 * b0 + b2 - a2 * b0) / (1 + a1 + a2)
        return (first, (1 + a1) * first - (b1 - a1 * b0))
    }

    /// The gain at zero frequency, H(1).
    var dcGain: Double { (b0 + b1 + b2) / (1 + a1 + a2) }
}

/// A digital filter as a cascade of second-order sections (scipy's `sos` form).
///
/// Each section has at most two poles, so rounding errors stay at the level of the single
/// coefficients instead of being amplified by the conditioning of a high-degree polynomial: this form
/// is accurate at any order and for cut-offs far below the Nyquist frequency, where the `ba` form of
/// ``TransferFunction`` breaks down.
public struct SecondOrderSections: LinearFilter, Equatable {
    /// The sections, applied in order.
    public let sections: [SecondOrderSection]

    /// Creates a cascade from its sections.
    public init(sections: [SecondOrderSection]) {
        precondition(!sections.isEmpty, "a cascade needs at least one section")
        self.sections = sections
    }

    /// Pairs poles and zeros into sections as scipy's `zpk2sos(z, p, k)` does with its default
    /// `pairing='nearest'`: the section with the poles closest to the unit circle comes last, each pole
    /// pair takes the zeros nearest to it, and the gain goes into the first section.
    ///
    /// Supports filters whose zeros are all real (every Butterworth, Chebyshev I and Bessel low/high/band-pass
    /// design), with real poles in even number once an odd pole count is padded by a pole at 0.
    public init(_ zeroPoleGain: ZeroPoleGain) {
        precondition(zeroPoleGain.zeros.count == zeroPoleGain.poles.count, "a digital design has as many zeros as poles")
        precondition(zeroPoleGain.zeros.allSatisfy { $0.imaginary == 0 }, "section pairing supports real zeros only")
        var poles = zeroPoleGain.poles
        var zeros = zeroPoleGain.zeros.map(\.real)
        if poles.count % 2 == 1 {
            poles.append(.zero)
            zeros.append(0)
        }
        let sectionCount = poles.count / 2
        // Keep one pole of each conjugate pair (the one above the real axis) and the real poles.
        var remaining = poles.filter { !isReal($0) ? $0.imaginary > 0 : true }
        var built = [SecondOrderSection]()
        for _ in 0..<sectionCount {
            let first = remaining.remove(at: indexClosestToUnitCircle(remaining))
            let second: Complex<Double>
            if isReal(first) {
                let realIndices = remaining.indices.filter { isReal(remaining[$0]) }
                precondition(!realIndices.isEmpty, "real poles must come in even number")
                let pick = realIndices[indexClosestToUnitCircle(realIndices.map { remaining[$0] })]
                second = remaining.remove(at: pick)
            } else {
                second = first.conjugate
            }
            let nearest = zeros.remove(at: indexNearest(zeros, to: first))
            let next = zeros.remove(at: indexNearest(zeros, to: first))
            let numerator = polynomialCoefficients(roots: [Complex(nearest, 0), Complex(next, 0)])
            let denominator = polynomialCoefficients(roots: [first, second])
            built.append(SecondOrderSection(
                b0: numerator[0], b1: numerator[1], b2: numerator[2], a1: denominator[1], a2: denominator[2]))
        }
        built.reverse()
        built[0].b0 *= zeroPoleGain.gain
        built[0].b1 *= zeroPoleGain.gain
        built[0].b2 *= zeroPoleGain.gain
        self.init(sections: built)
    }

    /// scipy's default `padlen` for `sosfiltfilt`: 3 · (2·sections + 1 − the number of first-order sections),
    /// which equals 3 · (order + 1), the same as `filtfilt` on the equivalent `ba` form.
    public var defaultPadLength: Int {
        let firstOrder = min(sections.count { $0.b2 == 0 }, sections.count { $0.a2 == 0 })
        return 3 * (2 * sections.count + 1 - firstOrder)
    }

    /// Filters through the cascade, each section a transposed direct form II, as `scipy.signal.sosfilt` with
    /// `zi = sosfilt_zi · x0`: every section starts in the steady state of its own constant input.
    public func filter(_ signal: [Double], steadyStateInput: Double) -> [Double] {
        var states = [(Double, Double)]()
        var level = steadyStateInput
        for section in sections {
            let unit = section.steadyStateForUnitInput
            states.append((unit.0 * level, unit.1 * level))
            level *= section.dcGain
        }
        var output = signal
        for (index, section) in sections.enumerated() {
            var (z0, z1) = states[index]
            for n in output.indices {
                let x = output[n]
                let y = section.b0 * x + z0
                z0 = section.b1 * x - section.a1 * y + z1
                z1 = section.b2 * x - section.a2 * y
                output[n] = y
            }
        }
        return output
    }
}

/// Whether `value` is real within scipy's tolerance (100 ε |value|).
private func isReal(_ value: Complex<Double>) -> Bool {
    abs(value.imaginary) <= 100 * Double.ulpOfOne * value.length
}

/// The index of the root whose modulus is closest to 1 (the first such on ties, as numpy's argmin).
private func indexClosestToUnitCircle(_ roots: [Complex<Double>]) -> Int {
    roots.indices.min { abs(1 - roots[$0].length) < abs(1 - roots[$1].length) }!
}

/// The index of the real zero nearest to `pole`.
private func indexNearest(_ zeros: [Double], to pole: Complex<Double>) -> Int {
    zeros.indices.min { (Complex(zeros[$0], 0) - pole).length < (Complex(zeros[$1], 0) - pole).length }!
}
