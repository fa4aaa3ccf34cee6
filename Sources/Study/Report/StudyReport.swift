import Charts
import Foundation

/// `study.html`: the study's results as one self-contained page (inline CSS and SVG, a Content-Security-Policy
/// that forbids every external load), everything from the plan and the fits HTML-escaped.
public struct StudyReport {
    /// The results shown.
    public let results: StudyResults

    /// A report of `results`.
    public init(results: StudyResults) { self.results = results }

    /// The metrics of the headline tables and strip plots.
    static let shownMetrics: [StudyMetric] = [.r, .rmse]

    /// The page.
    public var html: String {
        var body = "<h1>\(escape(results.title))</h1>\n" + overview
        let hidden = muscles
        for metric in Self.shownMetrics {
            body += headline(metric: metric, muscles: hidden).html
        }
        if !coordinates.isEmpty { body += "<h2>Joint torque</h2>\n" + torque(coordinates).html }
        body += "<h2>Paired comparisons (Wilcoxon signed-rank)</h2>\n" + comparisonNote + comparisons.html
        body += "<h2>Per subject</h2>\n" + stripPlots(hidden) + hidden.map { perSubject($0).html }.joined()
        body += "<h2>Seeds' spread</h2>\n<p>Standard deviation over seeds of each subject's value, averaged over subjects: how far a result moves with the seed alone.</p>\n"
        body += seedSpread(hidden).html
        body += "<footer>nmm study collect · \(results.jobs.finished) fits, \(formatted(results.fitSeconds / 60, decimals: 1)) min of fitting</footer>\n"
        return Self.page(title: results.title, body: body)
    }

    /// The hidden muscles, sorted.
    public var muscles: [String] {
        Array(Set(results.summaries.filter { $0.quantity == .excitation }.map(\.name))).sorted()
    }

    /// The coordinates whose torque the fits tracked, sorted.
    public var coordinates: [String] {
        Array(Set(results.summaries.filter { $0.quantity == .torque }.map(\.name))).sorted()
    }

    private var overview: String {
        let jobs = results.jobs
        var text = "<p>\(results.subjects.count) subjects × \(results.methods.count) methods (\(escape(results.methods.joined(separator: ", "))))"
        text += " × seeds \(escape(results.seeds.map(String.init).joined(separator: ", "))), split: \(escape(results.split)). "
        text += "Each value is a hidden muscle's trial-mean metric on the test trials (r over the trials where the reference varies), "
        text += "averaged over the folds that hid it and then over seeds; tables give the mean ± sd over subjects.</p>\n"
        if jobs.finished < jobs.total {
            text += "<p class=\"warning\">\(jobs.finished) of \(jobs.total) jobs finished; missing: \(escape(jobs.missing.joined(separator: ", "))).</p>\n"
            if !jobs.failed.isEmpty {
                text += "<ul class=\"warning\">" + jobs.failed.sorted { $0.key < $1.key }
                    .map { "<li>\(escape($0.key)): \(escape($0.value))</li>" }.joined() + "</ul>\n"
            }
        }
        return text
    }

    private func summary(_ quantity: StudyResults.Quantity, _ name: String, _ method: String) -> StudyResults.Summary? {
        results.summaries.first { $0.quantity == quantity && $0.name == name && $0.method == method }
    }

    /// "0.812 ± 0.051" (n shown when subjects are missing).
    private func meanSD(_ summary: StudyResults.Summary?, _ metric: StudyMetric) -> String {
        guard let summary, let mean = summary.mean[metric] else { return "—" }
        var text = formatted(mean)
        if let sd = summary.sd[metric] { text += " ± " + formatted(sd) }
        if let n = summary.n[metric.rawValue], n < results.subjects.count { text += " (n = \(n))" }
        return text
    }

    /// Hidden muscles × methods, mean ± sd over subjects of `metric`, the best mean in bold.
    public func headline(metric: StudyMetric, muscles: [String]) -> StudyTable {
        let rows = muscles.map { muscle -> [StudyTable.Cell] in
            let means = results.methods.map { summary(.excitation, muscle, $0)?.mean[metric] }
            let best = metric.higherIsBetter ? means.compactMap { $0 }.max() : means.compactMap { $0 }.min()
            return [StudyTable.Cell(muscle)] + results.methods.enumerated().map { index, method in
                StudyTable.Cell(meanSD(summary(.excitation, muscle, method), metric), strong: means[index] != nil && means[index] == best)
            }
        }
        return StudyTable(caption: "Hidden muscles: trial-mean \(metric.label) of the excitation, mean ± sd over subjects (best in bold)",
                         header: ["muscle"] + results.methods, rows: rows)
    }

    /// Coordinates × methods, torque R² mean ± sd over subjects.
    public func torque(_ coordinates: [String]) -> StudyTable {
        StudyTable(caption: "Joint torque: trial-mean R² against inverse dynamics, mean ± sd over subjects",
                  header: ["coordinate"] + results.methods,
                  rows: coordinates.map { name in [StudyTable.Cell(name)] + results.methods.map { StudyTable.Cell(meanSD(summary(.torque, name, $0), .r2)) } })
    }

    private var comparisonNote: String {
        let n = results.subjects.count
        return "<p>For each hidden muscle and pair of methods a and b: the per-subject differences a − b, their median (Hodges–Lehmann) with its exact 95 % interval, and the Wilcoxon signed-rank test's exact two-sided p (no correction for the number of comparisons). With \(n) subjects the smallest possible p is \(formattedP(n > 0 ? pow(2, Double(1 - n)) : nil)).</p>\n"
    }

    /// Every paired comparison: median difference with its interval, W and p.
    public var comparisons: StudyTable {
        StudyTable(caption: "Paired comparisons per hidden muscle (Wilcoxon signed-rank, exact p)",
                  header: ["muscle", "metric", "a − b", "n", "median difference [95 % CI]", "W", "p", "favours"],
                  rows: results.comparisons.map { c in
                      var interval = formatted(c.hodgesLehmann.estimate)
                      if let low = c.hodgesLehmann.low, let high = c.hodgesLehmann.high {
                          interval += " [\(formatted(low)), \(formatted(high))]"
                      }
                      let significant = (c.wilcoxon.p ?? 1) < 0.05
                      return [StudyTable.Cell(c.muscle), StudyTable.Cell(c.metric.label), StudyTable.Cell("\(c.a) − \(c.b)"),
                              StudyTable.Cell(String(c.differences.count)), StudyTable.Cell(interval),
                              StudyTable.Cell(SVGNumber.readable(c.wilcoxon.statistic)),
                              StudyTable.Cell(formattedP(c.wilcoxon.p), strong: significant), StudyTable.Cell(c.favours ?? "—")]
                  })
    }

    /// Strip charts of each hidden muscle's per-subject r and RMSE, one column per method.
    public func stripCharts(_ muscles: [String]) -> [(id: String, chart: StripChart)] {
        muscles.flatMap { muscle in
            Self.shownMetrics.map { metric in
                let groups = results.methods.enumerated().map { index, method -> StripGroup in
                    let cells = results.cells.filter { $0.quantity == .excitation && $0.name == muscle && $0.method == method && $0.values[metric] != nil }
                    return StripGroup(name: method, values: cells.compactMap { $0.values[metric] }, labels: cells.map(\.subject),
                                      role: .other(index))
                }
                return ("strip-\(muscle)-\(metric.rawValue)",
                        StripChart(title: "\(muscle): \(metric.label) per subject", yAxis: AxisTitle("trial-mean \(metric.label)"), groups: groups))
            }
        }
    }

    private func stripPlots(_ muscles: [String]) -> String {
        "<div class=\"charts\">\n" + stripCharts(muscles).map { id, chart in
            "<figure>\(chart.svg(id: id))<figcaption>\(escape(chart.summary))</figcaption></figure>\n"
        }.joined() + "</div>\n"
    }


    /// One hidden muscle: r / RMSE per subject and method.
    public func perSubject(_ muscle: String) -> StudyTable {
        StudyTable(caption: "\(muscle): trial-mean r / RMSE per subject (mean over seeds)", header: ["subject"] + results.methods,
                  rows: results.subjects.map { subject in
                      [StudyTable.Cell(subject)] + results.methods.map { method in
                          let cell = results.cells.first { $0.subject == subject && $0.quantity == .excitation && $0.name == muscle && $0.method == method }
                          return StudyTable.Cell(cell.map { "\(formatted($0.values[.r])) / \(formatted($0.values[.rmse]))" } ?? "—")
                      }
                  })
    }

    /// Mean over subjects of the seeds' sd, per hidden muscle and method.
    public func seedSpread(_ muscles: [String]) -> StudyTable {
        StudyTable(caption: "Seeds' spread: mean over subjects of the sd over seeds, r / RMSE", header: ["muscle"] + results.methods,
                  rows: muscles.map { muscle in
                      [StudyTable.Cell(muscle)] + results.methods.map { method in
                          let s = summary(.excitation, muscle, method)
                          return StudyTable.Cell("\(formatted(s?.seedSD[.r])) / \(formatted(s?.seedSD[.rmse]))")
                      }
                  })
    }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
        table { border-collapse: collapse; margin: 1rem 0 2rem; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; margin-bottom: .4rem; }
        th, td { border-bottom: 1px solid #ddd; padding: .3rem .7rem; text-align: left; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem; }
        figure { margin: 0; max-width: 30rem; }
        figcaption { font-size: .8rem; color: #555; }
        .warning { color: #a40; }
        footer { margin-top: 3rem; font-size: .8rem; color: #666; }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// Writes the page through a temporary file renamed into place.
    public func write(to url: URL) throws {
        try Data(html.utf8).write(to: url, options: .atomic)
    }
}
