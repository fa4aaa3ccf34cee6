import Foundation
import SignalProcessing
import Testing

/// Synergy-like test data: 6 channels driven by 3 synergies with some zero weights and bursts of activation.
private struct KnownSynergies {
    let weights: [[Double]] = [
        [0.9, 0.0, 0.2],
        [0.7, 0.1, 0.0],
        [0.0, 0.8, 0.1],
        [0.1, 0.9, 0.0],
        [0.0, 0.2, 0.9],
        [0.3, 0.0, 0.6],
    ]
    let activations: [[Double]]

    init(frames: Int = 240) {
        func burst(centre: Double, width: Double, period: Double) -> [Double] {
            (0..<frames).map { frame in
                let phase = (Double(frame) / period).truncatingRemainder(dividingBy: 1)
                return max(0, cos(Double.pi * (phase - centre) / width))
            }
        }
        activations = [burst(centre: 0.2, width: 0.3, period: 80), burst(centre: 0.5, width: 0.25, period: 60),
                       burst(centre: 0.8, width: 0.2, period: 120)]
    }

    var product: [[Double]] {
        weights.map { row in
            (0..<activations[0].count).map { frame in zip(row, activations).reduce(0) { $0 + $1.0 * $1.1[frame] } }
        }
    }
}

/// The cosine of the angle between two vectors.
private func cosine(_ x: [Double], _ y: [Double]) -> Double {
    let dot = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
    return dot / (x.reduce(0) { $0 + $1 * $1 } * y.reduce(0) { $0 + $1 * $1 }).squareRoot()
}

@Suite("Non-negative matrix factorisation for muscle synergies")
struct NonnegativeMatrixFactorizationTests {
    @Test("recovers known synergy weights and activations from their product")
    func recoversKnownFactors() throws {
        let truth = KnownSynergies()
        let nmf = try NonnegativeMatrixFactorization(truth.product, rank: 3, seed: 42)
        #expect(nmf.varianceAccountedFor > 0.99999, "VAF \(nmf.varianceAccountedFor)")
        #expect(nmf.weights.count == 6 && nmf.weights.allSatisfy { $0.count == 3 })
        #expect(nmf.activations.count == 3 && nmf.activations.allSatisfy { $0.count == 240 })
        // Each true synergy is found (up to order and scale) by one factor.
        for synergy in 0..<3 {
            let trueWeights = truth.weights.map { $0[synergy] }
            func column(_ j: Int) -> [Double] { nmf.weights.map { $0[j] } }
            let match = (0..<3).max { cosine(column($0), trueWeights) < cosine(column($1), trueWeights) } ?? 0
            #expect(cosine(nmf.weights.map { $0[match] }, trueWeights) > 0.999, "synergy \(synergy) weights")
            #expect(cosine(nmf.activations[match], truth.activations[synergy]) > 0.999, "synergy \(synergy) activation")
        }
        for column in 0..<3 {
            let norm = nmf.weights.reduce(0) { $0 + $1[column] * $1[column] }.squareRoot()
            #expect(abs(norm - 1) < 1e-12)
        }
        #expect(abs(NonnegativeMatrixFactorization.varianceAccountedFor(truth.product, reconstruction: nmf.reconstruction)
                    - nmf.varianceAccountedFor) < 1e-12)
    }

    @Test("with noise, the smallest rank reaching 95 % VAF is the true one, and VAF grows with rank")
    func rankByVarianceAccountedFor() throws {
        let truth = KnownSynergies()
        let noise = gaussianNoise(count: 6 * 240, seed: 3)
        let noisy = truth.product.enumerated().map { row, values in
            values.enumerated().map { frame, value in max(0, value + 0.02 * noise[row * 240 + frame]) }
        }
        let runs = try (1...4).map { try NonnegativeMatrixFactorization(noisy, rank: $0, seed: 1) }
        print("NMF on noisy rank-3 data: VAF by rank \(runs.map(\.varianceAccountedFor)), iterations \(runs.map(\.iterations))")
        let vafs = runs.map(\.varianceAccountedFor)
        #expect(zip(vafs, vafs.dropFirst()).allSatisfy { $0 < $1 }, "\(vafs)")
        let chosen = try NonnegativeMatrixFactorization.smallestRank(noisy, reaching: 0.95, seed: 1)
        #expect(chosen.rank == 3, "VAF by rank \(vafs)")
    }

    @Test("a seed gives the same factors every run")
    func deterministic() throws {
        let data = KnownSynergies(frames: 100).product
        let first = try NonnegativeMatrixFactorization(data, rank: 2, seed: 9)
        let second = try NonnegativeMatrixFactorization(data, rank: 2, seed: 9)
        #expect(first == second)
    }

    @Test("negative entries, bad ranks and ragged rows are clear errors")
    func errors() {
        #expect(throws: SignalProcessingError.negativeEntry(row: 1, column: 0, value: -0.5)) {
            try NonnegativeMatrixFactorization([[1, 2], [-0.5, 1]], rank: 1)
        }
        #expect(throws: SignalProcessingError.invalidRank(rank: 3, rows: 2, columns: 2)) {
            try NonnegativeMatrixFactorization([[1, 2], [0.5, 1]], rank: 3)
        }
        #expect(throws: SignalProcessingError.lengthMismatch(what: "frames in channel 1", expected: 2, actual: 1)) {
            try NonnegativeMatrixFactorization([[1, 2], [0.5]], rank: 1)
        }
        #expect(throws: SignalProcessingError.emptyInput("the data to factorise")) {
            try NonnegativeMatrixFactorization([], rank: 1)
        }
    }
}
