/// Dense linear least squares min ‖A·x − b‖ by Householder QR, which keeps the conditioning of A (the normal
/// equations would square it — monomials of degree 7 are poorly conditioned enough for that to matter).
enum LeastSquares {
    /// Solves for x given A by columns (`columns[j][i]` = A[i, j]) and b; nil when A is rank deficient.
    static func solve(columns: [[Double]], rhs: [Double]) -> [Double]? {
        var a = columns
        var b = rhs
        let n = a.count
        let m = b.count
        guard n <= m else { return nil }
        var diagonal = [Double](repeating: 0, count: n)
        for j in 0..<n {
            var norm = 0.0
            for i in j..<m { norm += a[j][i] * a[j][i] }
            norm = norm.squareRoot()
            guard norm > 1e-300 else { return nil }
            let alpha = a[j][j] > 0 ? -norm : norm
            // Householder vector v = x − α·e1, stored in place of the column's lower part.
            a[j][j] -= alpha
            var vNorm2 = 0.0
            for i in j..<m { vNorm2 += a[j][i] * a[j][i] }
            diagonal[j] = alpha
            guard vNorm2 > 0 else { continue }
            for k in (j + 1)..<n {
                var dot = 0.0
                for i in j..<m { dot += a[j][i] * a[k][i] }
                let factor = 2 * dot / vNorm2
                for i in j..<m { a[k][i] -= factor * a[j][i] }
            }
            var dot = 0.0
            for i in j..<m { dot += a[j][i] * b[i] }
            let factor = 2 * dot / vNorm2
            for i in j..<m { b[i] -= factor * a[j][i] }
        }
        let largest = diagonal.map(abs).max() ?? 0
        guard diagonal.allSatisfy({ abs($0) > 1e-13 * largest }) else { return nil }
        var x = [Double](repeating: 0, count: n)
        for j in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[j]
            for k in (j + 1)..<n { sum -= a[k][j] * x[k] }
            x[j] = sum / diagonal[j]
        }
        return x
    }
}
