import SeededRandom

/// Non-negative matrix factorisation V ≈ W·H of non-negative data (channels × frames), the muscle-synergy
/// decomposition of EMG envelopes: each of the `rank` synergies is a fixed weighting of the channels (a
/// column of W) driven by a time-varying activation (a row of H).
///
/// Solved by hierarchical alternating least squares (HALS; Cichocki & Phan 2009), which updates one
/// synergy's weights or activation at a time in closed form and converges in far fewer iterations than
/// Lee–Seung multiplicative updates. The start is random from a seed, several starts (replicates, as
/// MATLAB's `nnmf` offers) are run and the best kept, so a seed gives the same factors every run. The
/// result is normalised so that each column of W has unit Euclidean length (H carries the amplitude), and
/// the synergies are sorted by how much of the data they explain, largest first.
public struct NonnegativeMatrixFactorization: Sendable, Equatable {
    /// W, channels × synergies; each column has unit Euclidean norm.
    public let weights: [[Double]]
    /// H, synergies × frames.
    public let activations: [[Double]]
    /// Variance accounted for, 1 − ‖V − WH‖² / ‖V‖² (uncentred, as in the synergy literature).
    public let varianceAccountedFor: Double
    /// Iterations the kept replicate ran.
    public let iterations: Int

    /// The number of synergies.
    public var rank: Int { activations.count }

    /// W·H, channels × frames.
    public var reconstruction: [[Double]] {
        DenseMatrix(weights).multiplied(by: DenseMatrix(activations)).nested
    }

    /// Factorises `data` (rows are channels, columns frames; every entry ≥ 0) into `rank` synergies.
    ///
    /// - Parameters:
    ///   - seed: the seed of the random starts.
    ///   - replicates: independent random starts; the one with the smallest residual is kept.
    ///   - maxIterations: the limit of HALS sweeps per replicate.
    ///   - tolerance: a replicate stops when its squared residual falls by less than this fraction over 10 sweeps.
    /// - Throws: ``SignalProcessingError`` for empty or ragged data, a negative or non-finite entry, or a rank
    ///   outside 1...min(channels, frames).
    public init(
        _ data: [[Double]], rank: Int, seed: UInt64 = 1, replicates: Int = 5, maxIterations: Int = 2000,
        tolerance: Double = 1e-7
    ) throws {
        precondition(replicates >= 1 && maxIterations >= 1, "replicates and maxIterations must be positive")
        let matrix = try Self.validated(data)
        guard rank >= 1, rank <= min(matrix.rows, matrix.columns) else {
            throw SignalProcessingError.invalidRank(rank: rank, rows: matrix.rows, columns: matrix.columns)
        }
        var seeds = SplitMix64(seed: seed)
        let runs = (0..<replicates).map { _ in
            var generator = SplitMix64(seed: seeds.next())
            return Self.hals(matrix, rank: rank, generator: &generator, maxIterations: maxIterations, tolerance: tolerance)
        }
        let kept = runs.dropFirst().reduce(runs[0]) { $1.residual < $0.residual ? $1 : $0 }
        let (w, h) = Self.normalizedAndSorted(w: kept.w, h: kept.h)
        weights = w.nested
        activations = h.nested
        let total = matrix.values.reduce(0) { $0 + $1 * $1 }
        varianceAccountedFor = total > 0 ? 1 - w.multiplied(by: h).squaredDistance(to: matrix) / total : 1
        iterations = kept.iterations
    }

    /// The factorisation with the fewest synergies whose variance accounted for reaches `threshold` (for
    /// instance 0.9), trying 1, 2, … up to `maxRank` (by default the number of channels); the last one tried
    /// if none reaches it.
    public static func smallestRank(
        _ data: [[Double]], reaching threshold: Double, maxRank: Int? = nil, seed: UInt64 = 1, replicates: Int = 5
    ) throws -> NonnegativeMatrixFactorization {
        let limit = maxRank ?? data.count
        var factorization = try NonnegativeMatrixFactorization(data, rank: 1, seed: seed, replicates: replicates)
        while factorization.varianceAccountedFor < threshold, factorization.rank < limit {
            factorization = try NonnegativeMatrixFactorization(data, rank: factorization.rank + 1, seed: seed, replicates: replicates)
        }
        return factorization
    }

    /// Variance accounted for by `reconstruction` of `data`: 1 − Σ(data − reconstruction)² / Σdata².
    public static func varianceAccountedFor(_ data: [[Double]], reconstruction: [[Double]]) -> Double {
        precondition(data.count == reconstruction.count, "data and reconstruction differ in shape")
        let original = DenseMatrix(data)
        let total = original.values.reduce(0) { $0 + $1 * $1 }
        return total > 0 ? 1 - DenseMatrix(reconstruction).squaredDistance(to: original) / total : 1
    }

    /// `data` as a matrix, after checking it is non-empty, rectangular, finite and non-negative.
    private static func validated(_ data: [[Double]]) throws -> DenseMatrix {
        guard let width = data.first?.count, width > 0 else { throw SignalProcessingError.emptyInput("the data to factorise") }
        for (row, values) in data.enumerated() {
            guard values.count == width else {
                throw SignalProcessingError.lengthMismatch(what: "frames in channel \(row)", expected: width, actual: values.count)
            }
            if let column = values.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
                throw SignalProcessingError.negativeEntry(row: row, column: column, value: values[column])
            }
        }
        return DenseMatrix(data)
    }

    /// One HALS run from a random start scaled to the data's mean, as scikit-learn's `init='random'`.
    private static func hals(
        _ v: DenseMatrix, rank: Int, generator: inout SplitMix64, maxIterations: Int, tolerance: Double
    ) -> (w: DenseMatrix, h: DenseMatrix, residual: Double, iterations: Int) {
        let scale = (v.values.reduce(0, +) / Double(v.values.count) / Double(rank)).squareRoot()
        func random(_ rows: Int, _ columns: Int) -> DenseMatrix {
            DenseMatrix(rows: rows, columns: columns,
                        values: (0..<(rows * columns)).map { _ in scale * Double.random(in: 0..<2, using: &generator) })
        }
        var w = random(v.rows, rank)
        var h = random(rank, v.columns)
        var residual = w.multiplied(by: h).squaredDistance(to: v)
        var iteration = 0
        while iteration < maxIterations {
            iteration += 1
            updateActivations(&h, weights: w, data: v)
            updateWeights(&w, activations: h, data: v)
            guard iteration % 10 == 0 else { continue }
            let next = w.multiplied(by: h).squaredDistance(to: v)
            let converged = residual - next <= tolerance * residual
            residual = next
            if converged { break }
        }
        residual = w.multiplied(by: h).squaredDistance(to: v)
        return (w, h, residual, iteration)
    }

    /// One HALS sweep over the rows of H: row j ← max(0, H_j + ((WᵀV)_j − (WᵀW)_j H) / (WᵀW)_jj).
    private static func updateActivations(_ h: inout DenseMatrix, weights w: DenseMatrix, data v: DenseMatrix) {
        let wtv = w.transposeMultiplied(by: v)
        let wtw = w.transposeMultiplied(by: w)
        sweep(&h.values, rows: h.rows, columns: h.columns, numerator: wtv.values, gram: wtw.values)
    }

    /// One HALS sweep over the columns of W, as a sweep over the rows of Wᵀ:
    /// column j ← max(0, W_j + ((VHᵀ)_j − W (HHᵀ)_j) / (HHᵀ)_jj).
    private static func updateWeights(_ w: inout DenseMatrix, activations h: DenseMatrix, data v: DenseMatrix) {
        let hvt = h.multipliedByTranspose(of: v)  // (VHᵀ)ᵀ
        let hht = h.multipliedByTranspose(of: h)
        var transposed = w.transposed
        sweep(&transposed.values, rows: transposed.rows, columns: transposed.columns, numerator: hvt.values, gram: hht.values)
        w = transposed.transposed
    }

    /// The shared HALS step on a factor X (rows × columns, row-major) with its numerator N (rows × columns) and
    /// symmetric Gram matrix G (rows × rows): for each row j with G_jj > 0, X_j ← max(0, X_j + (N_j − G_j X) / G_jj),
    /// using the rows already updated in this sweep.
    private static func sweep(_ x: inout [Double], rows: Int, columns: Int, numerator: [Double], gram: [Double]) {
        x.withUnsafeMutableBufferPointer { x in
            numerator.withUnsafeBufferPointer { numerator in
                gram.withUnsafeBufferPointer { gram in
                    for j in 0..<rows where gram[j * rows + j] > 0 {
                        let diagonal = gram[j * rows + j]
                        for column in 0..<columns {
                            var gradient = numerator[j * columns + column]
                            for l in 0..<rows {
                                gradient -= gram[j * rows + l] * x[l * columns + column]
                            }
                            x[j * columns + column] = max(0, x[j * columns + column] + gradient / diagonal)
                        }
                    }
                }
            }
        }
    }

    /// W with unit-norm columns and H scaled to match, synergies sorted by the norm of their activations.
    private static func normalizedAndSorted(w: DenseMatrix, h: DenseMatrix) -> (DenseMatrix, DenseMatrix) {
        var w = w, h = h
        for j in 0..<w.columns {
            let norm = (0..<w.rows).reduce(0.0) { $0 + w[$1, j] * w[$1, j] }.squareRoot()
            guard norm > 0 else { continue }
            for channel in 0..<w.rows { w[channel, j] /= norm }
            for frame in 0..<h.columns { h[j, frame] *= norm }
        }
        let energy = (0..<h.rows).map { j in (0..<h.columns).reduce(0.0) { $0 + h[j, $1] * h[j, $1] } }
        let order = energy.indices.sorted { energy[$0] > energy[$1] }
        let sortedW = DenseMatrix(rows: w.rows, columns: w.columns,
                                  values: (0..<w.rows).flatMap { channel in order.map { w[channel, $0] } })
        let sortedH = DenseMatrix(rows: h.rows, columns: h.columns,
                                  values: order.flatMap { j in (0..<h.columns).map { h[j, $0] } })
        return (sortedW, sortedH)
    }
}
