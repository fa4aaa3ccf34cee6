/// One muscle's path as a polynomial of total degree `degree` in the joint angles it spans, as CEINMS
/// represents musculotendon geometry: l(q) = Σ c_t · Π_j z_j^{e_tj}, z_j = (q_j − center_j)/scale_j.
/// Moment arms are r_j = −∂l/∂q_j of the same polynomial, so they agree with the length by construction.
public struct MusclePathPolynomial: Sendable, Equatable, Codable {
    /// The muscle's name.
    public var muscle: String
    /// The coordinates the muscle spans, the order of `q` in `evaluate`.
    public var coordinates: [String]
    /// Centre of each coordinate's normalisation (rad).
    public var center: [Double]
    /// Half-range of each coordinate's normalisation (rad).
    public var scale: [Double]
    /// The exponents of each term, one per spanned coordinate.
    public var exponents: [[Int]]
    /// The coefficient of each term (m).
    public var coefficients: [Double]

    /// The polynomial's total degree.
    public var degree: Int { exponents.map { $0.reduce(0, +) }.max() ?? 0 }

    /// All exponent tuples of total degree ≤ `degree` in `variables` variables, lowest degree first.
    static func terms(variables: Int, degree: Int) -> [[Int]] {
        guard variables > 0 else { return [[]] }
        var result: [[Int]] = []
        for total in 0...degree {
            func build(_ prefix: [Int], remaining: Int) {
                if prefix.count == variables - 1 { result.append(prefix + [remaining]); return }
                for e in stride(from: remaining, through: 0, by: -1) { build(prefix + [e], remaining: remaining - e) }
            }
            build([], remaining: total)
        }
        return result
    }

    /// Each term's value and its derivatives with respect to each q_j, at normalised angles `z`.
    func basis(_ z: [Double]) -> (values: [Double], derivatives: [[Double]]) {
        let variables = z.count, maximum = max(degree, 1)
        // powers[j·(maximum+1) + e] = z_j^e
        var powers = [Double](repeating: 1, count: variables * (maximum + 1))
        for j in 0..<variables {
            for e in 1...maximum { powers[j * (maximum + 1) + e] = powers[j * (maximum + 1) + e - 1] * z[j] }
        }
        var values = [Double](repeating: 0, count: exponents.count)
        var derivatives = [[Double]](repeating: [Double](repeating: 0, count: exponents.count), count: variables)
        for t in exponents.indices {
            let e = exponents[t]
            var product = 1.0
            for j in 0..<variables { product *= powers[j * (maximum + 1) + e[j]] }
            values[t] = product
            for j in 0..<variables where e[j] > 0 {
                var others = 1.0
                for i in 0..<variables where i != j { others *= powers[i * (maximum + 1) + e[i]] }
                derivatives[j][t] = Double(e[j]) * powers[j * (maximum + 1) + e[j] - 1] * others / scale[j]
            }
        }
        return (values, derivatives)
    }

    /// Length (m) and moment arms (m, one per spanned coordinate) at joint angles `q` (rad, order of `coordinates`).
    public func evaluate(_ q: [Double]) -> (length: Double, momentArms: [Double]) {
        precondition(q.count == coordinates.count, "one angle per spanned coordinate")
        let z = q.indices.map { (q[$0] - center[$0]) / scale[$0] }
        let (values, derivatives) = basis(z)
        let length = zip(values, coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        return (length, derivatives.map { -zip($0, coefficients).reduce(0) { $0 + $1.0 * $1.1 } })
    }
}
