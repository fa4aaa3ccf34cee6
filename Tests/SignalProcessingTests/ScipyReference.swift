import Foundation
import Testing
import SignalProcessing

/// The scipy reference vectors in Reference/butterworth_reference.json, made by
/// Reference/make_butterworth_reference.py (scipy.signal.butter + filtfilt / sosfiltfilt).
struct ScipyReference: Decodable {
    /// One filter design and its outputs on the test signal of its sample rate.
    struct Case: Decodable {
        let order: Int
        let btype: String
        let cutoffs: [Double]
        let fs: Double
        let padlen: Int
        let b: [Double]
        let a: [Double]
        let sos: [[Double]]
        let filtfilt: [Double]
        let sosfiltfilt: [Double]
        /// max|filtfilt − sosfiltfilt| / max|sosfiltfilt| in scipy itself.
        let baVsSos: Double

        enum CodingKeys: String, CodingKey {
            case order, btype, cutoffs, fs, padlen, b, a, sos, filtfilt, sosfiltfilt
            case baVsSos = "ba_vs_sos"
        }

        var band: FilterBand {
            switch btype {
            case "lowpass": return .lowPass(cutoff: cutoffs[0])
            case "highpass": return .highPass(cutoff: cutoffs[0])
            default: return .bandPass(low: cutoffs[0], high: cutoffs[1])
            }
        }

        var label: String { "\(btype) order \(order) \(cutoffs) Hz at \(fs) Hz" }
    }

    let scipy: String
    let signals: [String: [Double]]
    let cases: [Case]

    /// The test signal a case was filtered from.
    func input(for reference: Case) -> [Double] {
        signals[String(Int(reference.fs))] ?? []
    }

    static func load() throws -> ScipyReference {
        let url = try #require(Bundle.module.url(
            forResource: "butterworth_reference", withExtension: "json", subdirectory: "Reference"))
        return try JSONDecoder().decode(ScipyReference.self, from: Data(contentsOf: url))
    }
}

/// max|actual − expected| / max|expected|: the error relative to the signal's scale. (An element-wise
/// relative error is meaningless where a filtered signal crosses zero.)
func maxRelativeError(_ actual: [Double], _ expected: [Double]) -> Double {
    precondition(actual.count == expected.count, "compared sequences differ in length")
    let scale = expected.map(abs).max() ?? 0
    let worst = zip(actual, expected).map { abs($0 - $1) }.max() ?? 0
    return worst / scale
}
