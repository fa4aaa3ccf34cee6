/// A small dense row-major matrix of doubles, the working storage of the factorisation.
struct DenseMatrix: Equatable {
    let rows: Int
    let columns: Int
    var values: [Double]

    init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "DenseMatrix: \(values.count) values for \(rows) x \(columns)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    init(_ nested: [[Double]]) {
        self.init(rows: nested.count, columns: nested.first?.count ?? 0, values: nested.flatMap { $0 })
    }

    subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// The rows as nested arrays.
    var nested: [[Double]] {
        (0..<rows).map { Array(values[($0 * columns)..<(($0 + 1) * columns)]) }
    }

    /// self · other.
    func multiplied(by other: DenseMatrix) -> DenseMatrix {
        precondition(columns == other.rows, "DenseMatrix: inner dimensions differ")
        var product = DenseMatrix(rows: rows, columns: other.columns, values: Array(repeating: 0, count: rows * other.columns))
        for i in 0..<rows {
            for l in 0..<columns {
                let factor = self[i, l]
                guard factor != 0 else { continue }
                for j in 0..<other.columns {
                    product.values[i * other.columns + j] += factor * other.values[l * other.columns + j]
                }
            }
        }
        return product
    }

    /// selfᵀ · other.
    func transposeMultiplied(by other: DenseMatrix) -> DenseMatrix {
        precondition(rows == other.rows, "DenseMatrix: row counts differ")
        var product = DenseMatrix(rows: columns, columns: other.columns, values: Array(repeating: 0, count: columns * other.columns))
        for l in 0..<rows {
            for i in 0..<columns {
                let factor = self[l, i]
                guard factor != 0 else { continue }
                for j in 0..<other.columns {
                    product.values[i * other.columns + j] += factor * other.values[l * other.columns + j]
                }
            }
        }
        return product
    }

    /// self · otherᵀ.
    func multipliedByTranspose(of other: DenseMatrix) -> DenseMatrix {
        precondition(columns == other.columns, "DenseMatrix: column counts differ")
        var product = DenseMatrix(rows: rows, columns: other.rows, values: Array(repeating: 0, count: rows * other.rows))
        for i in 0..<rows {
            for j in 0..<other.rows {
                var sum = 0.0
                for l in 0..<columns {
                    sum += values[i * columns + l] * other.values[j * columns + l]
                }
                product.values[i * other.rows + j] = sum
            }
        }
        return product
    }

    /// The sum of squared entries of self − other.
    func squaredDistance(to other: DenseMatrix) -> Double {
        zip(values, other.values).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
}
