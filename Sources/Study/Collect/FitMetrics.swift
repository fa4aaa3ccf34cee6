import Foundation

/// What the study reads of a job's `metrics.json` (the per-trial shape `nmm fit` writes): for every muscle and
/// coordinate, whether it was measured and its trial-mean metrics.
struct FitMetrics: Decodable {
    /// Metrics averaged over the test trials (r and R² over the trials where the reference varies).
    struct Summary: Decodable, Equatable {
        var r: Double?
        var rmse: Double?
        var nrmse: Double?
        var r2: Double?
        var vaf: Double?

        /// The named metric, nil where undefined or not finite.
        func value(_ metric: StudyMetric) -> Double? {
            let value: Double? = switch metric {
            case .r: r
            case .rmse: rmse
            case .nrmse: nrmse
            case .r2: r2
            case .vaf: vaf
            }
            return value.flatMap { $0.isFinite ? $0 : nil }
        }
    }

    /// One muscle's or coordinate's entry (coordinates have no `measured`).
    struct Entry: Decodable {
        var measured: Bool
        var trialMean: Summary

        enum CodingKeys: String, CodingKey {
            case measured, trialMean = "trial_mean"
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            measured = try container.decodeIfPresent(Bool.self, forKey: .measured) ?? false
            trialMean = try container.decode(Summary.self, forKey: .trialMean)
        }
    }

    var excitation: [String: Entry]
    var torque: [String: Entry]

    /// The metrics file of a finished job folder.
    static func read(from folder: URL) throws -> FitMetrics {
        let url = folder.appendingPathComponent("metrics.json")
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(FitMetrics.self, from: Data(contentsOf: url))
        } catch {
            throw StudyRunError("\(url.path): not a metrics.json of nmm fit (\(error))")
        }
    }
}

/// The metrics a study summarises, as metrics.json names them.
public enum StudyMetric: String, Sendable, CaseIterable, Codable, CodingKey {
    case r, rmse, nrmse, r2, vaf

    /// Whether a larger value is better (r, R², VAF) or a smaller (RMSE, nRMSE).
    public var higherIsBetter: Bool { self == .r || self == .r2 || self == .vaf }

    /// The name in tables.
    public var label: String {
        switch self {
        case .r: return "r"
        case .rmse: return "RMSE"
        case .nrmse: return "nRMSE"
        case .r2: return "R²"
        case .vaf: return "VAF"
        }
    }
}
