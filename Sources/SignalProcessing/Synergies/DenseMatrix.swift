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

    /// The transpose.
    var transposed: DenseMatrix {
        var result = DenseMatrix(rows: columns, columns: rows, values: values)
        for i in 0..<rows {
            for j in 0..<columns {
                result.values[j * rows + i] = values[i * columns + j]
            }
        }
        return result
    }

    /// self · other.
    func multiplied(by other: DenseMatrix) -> DenseMatrix {
        precondition(columns == other.rows, "DenseMatrix: inner dimensions differ")
        return transposed.transposeMultiplied(by: other)
    }

    /// selfᵀ · other, accumulated row by row so the inner loop runs along contiguous memory.
    func transposeMultiplied(by other: DenseMatrix) -> DenseMatrix {
        precondition(rows == other.rows, "DenseMatrix: row counts differ")
        var product = [Double](repeating: 0, count: columns * other.columns)
        let width = other.columns
        product.withUnsafeMutableBufferPointer { product in
            values.withUnsafeBufferPointer { a in
                other.values.withUnsafeBufferPointer { b in
                    for l in 0..<rows {
                        for i in 0..<columns {
                            let factor = a[l * columns + i]
                            guard factor != 0 else { continue }
                            for j in 0..<width {
                                product[i * width + j] += factor * b[l * width + j]
                            }
                        }
                    }
                }
            }
        }
        return DenseMatrix(rows: columns, columns: width, values: product)
    }

    /// self · otherᵀ, as dot products of contiguous rows.
    func multipliedByTranspose(of other: DenseMatrix) -> DenseMatrix {
        precondition(columns == other.columns, "DenseMatrix: column counts differ")
        var product = [Double](repeating: 0, count: rows * other.rows)
        product.withUnsafeMutableBufferPointer { product in
            values.withUnsafeBufferPointer { a in
                other.values.withUnsafeBufferPointer { b in
                    for i in 0..<rows {
                        for j in 0..<other.rows {
                            var sum = 0.0
                            for l in 0..<columns {
                                sum += a[i * columns + l] * b[j * columns + l]
                            }
                            product[i * other.rows + j] = sum
                        }
                    }
                }
            }
        }
        return DenseMatrix(rows: rows, columns: other.rows, values: product)
    }

    /// The sum of squared entries of self − other.
    func squaredDistance(to other: DenseMatrix) -> Double {
        zip(values, other.values).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
}
