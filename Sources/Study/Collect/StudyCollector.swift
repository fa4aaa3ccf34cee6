import Foundation

/// Merges a study folder's finished jobs into ``StudyResults``.
public enum StudyCollector {
    /// The metrics the paired comparisons test.
    static let comparedMetrics: [StudyMetric] = [.r, .rmse]

    /// Reads every finished job of `plan` in `folder`; unfinished jobs are listed as missing.
    public static func collect(plan: StudyPlan, folder: StudyFolder) throws -> StudyResults {
        let jobs = plan.jobs
        var fits: [(job: StudyJob, metrics: FitMetrics)] = []
        var missing: [String] = [], failed: [String: String] = [:], fitSeconds = 0.0
        for job in jobs {
            guard folder.finishedRecord(of: job) != nil else {
                missing.append(job.id)
                if let failure = folder.failureRecord(of: job) { failed[job.id] = failure.error }
                continue
            }
            fits.append((job, try FitMetrics.read(from: folder.job(job.id))))
            fitSeconds += try fitSecondsOf(folder.job(job.id))
        }
        let cells = cells(plan: plan, fits: fits)
        return StudyResults(
            name: plan.name, title: plan.title, split: plan.split.kind, methods: plan.methods.map(\.label),
            subjects: plan.subjects.map(\.name), seeds: plan.seeds,
            jobs: .init(total: jobs.count, finished: fits.count, missing: missing, failed: failed),
            cells: cells, summaries: summaries(plan: plan, cells: cells), comparisons: comparisons(plan: plan, cells: cells),
            fitSeconds: fitSeconds)
    }

    private static func fitSecondsOf(_ job: URL) throws -> Double {
        struct Timing: Decodable { var fit_seconds: Double? }
        return (try? JSONDecoder().decode(Timing.self, from: Data(contentsOf: job.appendingPathComponent("metrics.json"))))?.fit_seconds ?? 0
    }

    /// Per subject, quantity, name and method: each seed's mean over folds, then the mean and sd over seeds.
    static func cells(plan: StudyPlan, fits: [(job: StudyJob, metrics: FitMetrics)]) -> [StudyResults.Cell] {
        var result: [StudyResults.Cell] = []
        for subject in plan.subjects {
            let own = fits.filter { $0.job.subject.name == subject.name }
            for quantity in [StudyResults.Quantity.excitation, .torque] {
                let entries = own.map { fit in (fit.job, quantity == .excitation ? fit.metrics.excitation : fit.metrics.torque) }
                // Hidden muscles only: a measured muscle's fit to its own EMG says nothing about estimation.
                let names = Set(entries.flatMap { $0.1.filter { quantity == .torque || !$0.value.measured }.keys }).sorted()
                for name in names {
                    for method in plan.methods.map(\.label) {
                        let summaries = entries.compactMap { job, table -> (seed: Int, summary: FitMetrics.Summary)? in
                            guard job.method == method, let entry = table[name], quantity == .torque || !entry.measured else { return nil }
                            return (job.seed, entry.trialMean)
                        }
                        guard !summaries.isEmpty else { continue }
                        var values: [StudyMetric: Double] = [:], seedSD: [StudyMetric: Double] = [:]
                        for metric in StudyMetric.allCases {
                            let perSeed = plan.seeds.compactMap { seed in
                                Descriptive.mean(summaries.filter { $0.seed == seed }.compactMap { $0.summary.value(metric) })
                            }
                            values[metric] = Descriptive.mean(perSeed)
                            seedSD[metric] = Descriptive.sd(perSeed)
                        }
                        result.append(.init(subject: subject.name, quantity: quantity, name: name, method: method,
                                            fits: summaries.count, values: MetricValues(values), seedSD: MetricValues(seedSD)))
                    }
                }
            }
        }
        return result
    }

    /// Mean ± sd over subjects, in the order of first appearance.
    static func summaries(plan: StudyPlan, cells: [StudyResults.Cell]) -> [StudyResults.Summary] {
        groups(cells).flatMap { quantity, name in
            plan.methods.map(\.label).compactMap { method -> StudyResults.Summary? in
                let own = cells.filter { $0.quantity == quantity && $0.name == name && $0.method == method }
                guard !own.isEmpty else { return nil }
                var mean: [StudyMetric: Double] = [:], sd: [StudyMetric: Double] = [:], seed: [StudyMetric: Double] = [:]
                var n: [String: Int] = [:]
                for metric in StudyMetric.allCases {
                    let values = own.compactMap { $0.values[metric] }
                    mean[metric] = Descriptive.mean(values)
                    sd[metric] = Descriptive.sd(values)
                    seed[metric] = Descriptive.mean(own.compactMap { $0.seedSD[metric] })
                    n[metric.rawValue] = values.count
                }
                return .init(quantity: quantity, name: name, method: method, mean: MetricValues(mean), sd: MetricValues(sd), n: n,
                             seedSD: MetricValues(seed))
            }
        }
    }

    /// Every pair of methods (in plan order) on every hidden muscle and compared metric, over subjects with both.
    static func comparisons(plan: StudyPlan, cells: [StudyResults.Cell]) -> [StudyResults.Comparison] {
        let methods = plan.methods.map(\.label)
        var result: [StudyResults.Comparison] = []
        for (quantity, muscle) in groups(cells) where quantity == .excitation {
            for metric in comparedMetrics {
                for (i, a) in methods.enumerated() {
                    for b in methods[(i + 1)...] {
                        let differences = plan.subjects.compactMap { subject -> Double? in
                            let value = { (method: String) in
                                cells.first { $0.subject == subject.name && $0.quantity == quantity && $0.name == muscle && $0.method == method }?.values[metric]
                            }
                            guard let x = value(a), let y = value(b) else { return nil }
                            return x - y
                        }
                        guard !differences.isEmpty else { continue }
                        let estimate = HodgesLehmann(differences: differences)
                        let favours = estimate.estimate.flatMap { $0 == 0 ? nil : (($0 > 0) == metric.higherIsBetter ? a : b) }
                        result.append(.init(muscle: muscle, metric: metric, a: a, b: b, differences: differences,
                                            wilcoxon: WilcoxonSignedRank(differences: differences), hodgesLehmann: estimate, favours: favours))
                    }
                }
            }
        }
        return result
    }

    /// The (quantity, name) pairs of `cells`, excitations first, names sorted.
    private static func groups(_ cells: [StudyResults.Cell]) -> [(StudyResults.Quantity, String)] {
        var seen = Set<String>(), result: [(StudyResults.Quantity, String)] = []
        for cell in cells.sorted(by: { ($0.quantity == .torque ? 1 : 0, $0.name) < ($1.quantity == .torque ? 1 : 0, $1.name) })
        where seen.insert("\(cell.quantity.rawValue)/\(cell.name)").inserted {
            result.append((cell.quantity, cell.name))
        }
        return result
    }
}
