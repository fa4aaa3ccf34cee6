/// Dense linear least squares min ‖A·x − b‖ by Householder QR, which keeps the conditioning of A (the normal
/// equations would square it — monomials of degree 7 are poorly conditioned enough for that to matter).
enum LeastSquares {
    /// Solves for x given A by columns (`columns[j][i]` = A[i, j]) and b; nil when A is rank deficient.
    static func solve(columns: [[Double]], rhs: [Double]) -> [Double]? {
        let n = columns.count
        let m = rhs.count
        guard n <= m, columns.allSatisfy({ $0.count == m }) else { return nil }
        var storage = columns.flatMap { $0 }   // column-major, column j at [j·m, (j+1)·m)
        var b = rhs
        var diagonal = [Double](repeating: 0, count: n)
        let solvable = storage.withUnsafeMutableBufferPointer { a in
            b.withUnsafeMutableBufferPointer { b in
                for j in 0..<n {
                    let column = j * m
                    var norm = 0.0
                    for i in j..<m { norm += a[column + i] * a[column + i] }
                    norm = norm.squareRoot()
                    guard norm > 1e-300 else { return false }
                    let alpha = a[column + j] > 0 ? -norm : norm
                    // Householder vector v = x − α·e1, kept in place of the column's lower part.
                    a[column + j] -= alpha
                    diagonal[j] = alpha
                    var vNorm2 = 0.0
                    for i in j..<m { vNorm2 += a[column + i] * a[column + i] }
                    guard vNorm2 > 0 else { continue }
                    for k in (j + 1)..<n {
                        let other = k * m
                        var dot = 0.0
                        for i in j..<m { dot += a[column + i] * a[other + i] }
                        let factor = 2 * dot / vNorm2
                        for i in j..<m { a[other + i] -= factor * a[column + i] }
                    }
                    var dot = 0.0
                    for i in j..<m { dot += a[column + i] * b[i] }
                    let factor = 2 * dot / vNorm2
                    for i in j..<m { b[i] -= factor * a[column + i] }
                }
                return true
            }
        }
        let largest = diagonal.map(abs).max() ?? 0
        guard solvable, diagonal.allSatisfy({ abs($0) > 1e-13 * largest }) else { return nil }
        var x = [Double](repeating: 0, count: n)
        for j in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[j]
            for k in (j + 1)..<n { sum -= storage[k * m + j] * x[k] }
            x[j] = sum / diagonal[j]
        }
        return x
    }
}
