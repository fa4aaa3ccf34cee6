import Foundation
import Testing

/// The JSON line `nmm check-physics SUBJECT_DIR --json` prints, with issue 4's acceptance bars.
struct PhysicsCheckReport {
    /// One trial's figures.
    struct Trial {
        var name: String
        var r2: Double
        var rmsePercentOfPeak: Double
        var forceErrorPercentOfPeak: Double
    }

    let trials: [Trial]

    /// Runs `nmm check-physics subject --json` and parses its single output line with JSONSerialization.
    init(subject: String) throws {
        let result = try NMMExecutable.run(["check-physics", subject, "--json"])
        #expect(result.exited(with: 0), "\(result.stderr)")
        let line = result.stdout.trimmingCharacters(in: .newlines)
        #expect(!line.isEmpty && !line.contains("\n"), "one JSON line: \(result.stdout)")
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let entries = try #require(object?["trials"] as? [[String: Any]], "\(line)")
        trials = try entries.map { entry in
            Trial(name: try #require(entry["name"] as? String, "\(entry)"),
                  r2: try #require(entry["r2"] as? Double, "\(entry)"),
                  rmsePercentOfPeak: try #require(entry["rmse_pct_peak"] as? Double, "\(entry)"),
                  forceErrorPercentOfPeak: try #require(entry["force_err_pct"] as? Double, "\(entry)"))
        }
    }

    /// Ten trials named trial01...trial10, each with R² ≥ 0.999, torque RMSE ≤ 1 % of peak and
    /// every muscle's force within 0.5 % of its peak.
    func expectIssue4Bars() {
        #expect(trials.map(\.name) == (1...10).map { String(format: "trial%02d", $0) })
        for trial in trials {
            #expect(trial.r2 >= 0.999 && trial.r2 <= 1, "\(trial.name): R² \(trial.r2)")
            #expect(trial.rmsePercentOfPeak >= 0 && trial.rmsePercentOfPeak <= 1, "\(trial.name): RMSE \(trial.rmsePercentOfPeak) % of peak")
            #expect(trial.forceErrorPercentOfPeak >= 0 && trial.forceErrorPercentOfPeak <= 0.5,
                    "\(trial.name): force error \(trial.forceErrorPercentOfPeak) % of peak")
        }
    }
}
