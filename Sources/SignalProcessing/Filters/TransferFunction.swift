/// A digital filter as numerator and denominator polynomials in z⁻¹ (scipy's `ba` form):
/// a[0]·y[n] = b[0]·x[n] + b[1]·x[n−1] + … − a[1]·y[n−1] − ….
///
/// The `ba` form is what `scipy.signal.butter` returns by default and what `filtfilt` takes. It loses
/// precision for high orders and for cut-offs far below the Nyquist frequency, because the
/// polynomial's coefficients then determine its roots (the poles) very poorly: scipy's own
/// `filtfilt` on a 6th-order 1–3 Hz band-pass at 1000 Hz is wrong by orders of magnitude. Filter with
/// ``SecondOrderSections`` (what ``ButterworthFilter`` does); use this form to exchange coefficients.
public struct TransferFunction: LinearFilter, Equatable {
    /// Numerator coefficients b[0], b[1], … .
    public let numerator: [Double]
    /// Denominator coefficients a[0], a[1], … with a[0] ≠ 0.
    public let denominator: [Double]

    /// Creates a filter from its coefficients (both normalised by a[0] internally when filtering).
    public init(numerator: [Double], denominator: [Double]) {
        precondition(!numerator.isEmpty && !denominator.isEmpty, "a transfer function needs coefficients")
        precondition(denominator[0] != 0, "a[0] must not be zero")
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Expands zeros, poles and gain into polynomials, as scipy's `zpk2tf` does.
    public init(_ zeroPoleGain: ZeroPoleGain) {
        self.init(
            numerator: polynomialCoefficients(roots: zeroPoleGain.zeros).map { $0 * zeroPoleGain.gain },
            denominator: polynomialCoefficients(roots: zeroPoleGain.poles))
    }

    /// 3 · max(len(a), len(b)), scipy's default `padlen` for `filtfilt`.
    public var defaultPadLength: Int { 3 * max(numerator.count, denominator.count) }

    /// The coefficients divided by a[0] and zero-padded to a common length.
    private var normalized: (b: [Double], a: [Double]) {
        let length = max(numerator.count, denominator.count)
        let scale = denominator[0]
        let b = numerator.map { $0 / scale } + Array(repeating: 0, count: length - numerator.count)
        let a = denominator.map { $0 / scale } + Array(repeating: 0, count: length - denominator.count)
        return (b, a)
    }

    /// The state of the transposed direct form II after a unit constant input has reached steady state
    /// (scipy's `lfilter_zi`). Solved with the closed form that scipy's source gives beside its linear
    /// solve: zi[0] = Σ(b[k] − a[k]b[0]) / Σa, zi[k] = (Σ_{j≤k} a[j])·zi[0] − Σ_{1≤j≤k}(b[j] − a[j]b[0]).
    public var steadyStateForUnitInput: [Double] {
        let (b, a) = normalized
        let order = b.count - 1
        guard order > 0 else { return [] }
        let forcing = (1...order).map { b[$0] - a[$0] * b[0] }
        var state = Array(repeating: 0.0, count: order)
        state[0] = forcing.reduce(0, +) / a.reduce(0, +)
        var denominatorSum = 1.0
        var forcingSum = 0.0
        for k in 1..<order {
            denominatorSum += a[k]
            forcingSum += forcing[k - 1]
            state[k] = denominatorSum * state[0] - forcingSum
        }
        return state
    }

    /// Filters with the transposed direct form II, as `scipy.signal.lfilter` with `zi = lfilter_zi · x0`.
    public func filter(_ signal: [Double], steadyStateInput: Double) -> [Double] {
        let (b, a) = normalized
        var state = steadyStateForUnitInput.map { $0 * steadyStateInput }
        let order = state.count
        var output = [Double](repeating: 0, count: signal.count)
        for (index, x) in signal.enumerated() {
            guard order > 0 else {
                output[index] = b[0] * x
                continue
            }
            let y = state[0] + b[0] * x
            for k in 0..<(order - 1) {
                state[k] = state[k + 1] + x * b[k + 1] - y * a[k + 1]
            }
            state[order - 1] = x * b[order] - y * a[order]
            output[index] = y
        }
        return output
    }
}
