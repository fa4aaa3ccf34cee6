import Foundation

/// `study.json`: every job's trial-mean metrics merged per subject, summarised across subjects, and methods compared
/// in pairs per hidden muscle. Nothing in it depends on where, when or in which order the jobs ran, except the keys
/// that say so by name (`..._seconds`).
public struct StudyResults: Sendable, Codable, Equatable {
    public var name: String
    public var title: String
    /// The split's kind (`fixed`, `leave-one-trial-out`, `leave-one-muscle-out`).
    public var split: String
    /// Method labels, subjects and seeds in the plan's order.
    public var methods: [String]
    public var subjects: [String]
    public var seeds: [Int]
    /// Which jobs the results rest on.
    public var jobs: JobSummary
    /// Per subject, hidden muscle (or coordinate) and method.
    public var cells: [Cell]
    /// Across subjects, per hidden muscle (or coordinate) and method.
    public var summaries: [Summary]
    /// Paired comparisons of methods per hidden muscle.
    public var comparisons: [Comparison]
    /// Sum of the fits' own `fit_seconds`.
    public var fitSeconds: Double

    enum CodingKeys: String, CodingKey {
        case name, title, split, methods, subjects, seeds, jobs, cells, summaries, comparisons, fitSeconds = "fit_seconds"
    }

    /// How many jobs the study has and which are not in the results.
    public struct JobSummary: Sendable, Codable, Equatable {
        public var total: Int
        public var finished: Int
        /// Unfinished jobs (not run, interrupted or failed).
        public var missing: [String]
        /// The failed ones' errors.
        public var failed: [String: String]
    }

    /// What a cell describes: a hidden muscle's excitation or a coordinate's torque.
    public enum Quantity: String, Sendable, Codable {
        case excitation, torque
    }

    /// One subject's result for one hidden muscle (or coordinate) and method: trial-mean metrics averaged over the
    /// folds in which the muscle was hidden and then over seeds.
    public struct Cell: Sendable, Codable, Equatable {
        public var subject: String
        public var quantity: Quantity
        /// The muscle or coordinate.
        public var name: String
        public var method: String
        /// Fits averaged.
        public var fits: Int
        public var values: MetricValues
        /// Standard deviation over seeds of the per-seed values (nil with one seed).
        public var seedSD: MetricValues

        enum CodingKeys: String, CodingKey {
            case subject, quantity, name, method, fits, values, seedSD = "seed_sd"
        }
    }

    /// One hidden muscle's (or coordinate's) result for one method across subjects.
    public struct Summary: Sendable, Codable, Equatable {
        public var quantity: Quantity
        public var name: String
        public var method: String
        /// Mean over subjects.
        public var mean: MetricValues
        /// Sample standard deviation over subjects.
        public var sd: MetricValues
        /// Subjects with a value, per metric.
        public var n: [String: Int]
        /// Mean over subjects of the seeds' standard deviation: how much a result moves with the seed alone.
        public var seedSD: MetricValues

        enum CodingKeys: String, CodingKey {
            case quantity, name, method, mean, sd, n, seedSD = "seed_sd"
        }
    }

    /// Methods `a` and `b` compared on one hidden muscle and metric over the subjects that have both.
    public struct Comparison: Sendable, Codable, Equatable {
        public var muscle: String
        public var metric: StudyMetric
        public var a: String
        public var b: String
        /// Differences a − b, one per subject, in the plan's subject order.
        public var differences: [Double]
        public var wilcoxon: WilcoxonSignedRank
        /// Median difference a − b with its 95 % interval.
        public var hodgesLehmann: HodgesLehmann
        /// The method the median difference favours (by the metric's better direction), nil for none.
        public var favours: String?

        enum CodingKeys: String, CodingKey {
            case muscle, metric, a, b, differences, wilcoxon, hodgesLehmann = "hodges_lehmann", favours
        }
    }
}

/// r, RMSE, nRMSE, R² and VAF; a metric that is undefined is JSON null, never 0 or NaN.
public struct MetricValues: Sendable, Codable, Equatable {
    public var values: [StudyMetric: Double]

    /// Values by metric (absent: undefined).
    public init(_ values: [StudyMetric: Double] = [:]) { self.values = values }

    public subscript(metric: StudyMetric) -> Double? { values[metric] }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: StudyMetric.self)
        values = [:]
        for metric in StudyMetric.allCases {
            if let value = try container.decodeIfPresent(Double.self, forKey: metric) { values[metric] = value }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: StudyMetric.self)
        for metric in StudyMetric.allCases { try container.encode(values[metric], forKey: metric) }
    }
}

extension StudyResults {
    /// Writes study.json (key-sorted, so equal results give equal bytes) through a temporary file.
    public func write(to url: URL) throws {
        try writeJSON(to: url)
    }

    /// Reads a study.json.
    public static func read(from url: URL) throws -> StudyResults {
        try JSONDecoder().decode(StudyResults.self, from: Data(contentsOf: url))
    }
}
