import Foundation

/// One cell of a study: one `nmm fit` of one subject, method, fold and seed, with a stable id and its own folder
/// `OUTPUT/jobs/ID/`.
public struct StudyJob: Sendable, Equatable, Codable {
    /// `SUBJECT-METHOD[-FOLD]-sSEED`, e.g. `SIM01-nmm-s1` or `S01-mse-lomo-BIClong-s2`: the same plan always gives the
    /// same ids, whatever the order of its lists.
    public var id: String
    /// The subject.
    public var subject: StudySubject
    /// The method's label.
    public var method: String
    /// The fold's name (`loto-trial03`, `lomo-BIClong`), or nil in a fixed split.
    public var fold: String?
    /// The fit's seed.
    public var seed: Int
    /// Every argument of `nmm fit` but the subject folder and `--output`: what the job computes.
    public var fitArguments: [String]

    /// The full `nmm fit` command line after the executable.
    public func arguments(subjectFolder: String, output: String) -> [String] {
        ["fit", subjectFolder] + fitArguments + ["--output", output]
    }
}

extension StudyPlan {
    /// Every job of the plan: subjects × methods × folds × seeds, in that nesting order.
    public var jobs: [StudyJob] {
        subjects.flatMap { subject in
            methods.flatMap { method in
                folds.flatMap { fold in
                    seeds.map { seed in
                        let arguments = ["--method", method.fitMethod,
                                         "--measured", fold.measured.joined(separator: ","),
                                         "--train", fold.train.joined(separator: ","),
                                         "--test", fold.test.joined(separator: ","),
                                         "--coordinates", coordinates.joined(separator: ","),
                                         "--seed", String(seed)]
                            + (fitOptions + method.options).flatMap(\.arguments)
                        let id = [subject.name, method.label, fold.name, "s\(seed)"].compactMap { $0 }.joined(separator: "-")
                        return StudyJob(id: id, subject: subject, method: method.label, fold: fold.name, seed: seed, fitArguments: arguments)
                    }
                }
            }
        }
    }

    /// One way of splitting a subject's data.
    public struct Fold: Sendable, Equatable {
        /// `loto-TRIAL`, `lomo-CHANNEL`, or nil for the one fold of a fixed split.
        public var name: String?
        public var train: [String]
        public var test: [String]
        /// The fit's measured muscles.
        public var measured: [String]
    }

    /// The folds of the split, in the plan's order.
    public var folds: [Fold] {
        switch split {
        case .fixed(let train, let test):
            return [Fold(name: nil, train: train, test: test, measured: measured)]
        case .leaveOneTrialOut(let trials):
            return trials.map { trial in
                Fold(name: "loto-\(trial)", train: trials.filter { $0 != trial }, test: [trial], measured: measured)
            }
        case .leaveOneMuscleOut(let train, let test, let channels):
            return channels.map { channel in
                Fold(name: "lomo-\(channel)", train: train, test: test, measured: measured.filter { $0 != channel })
            }
        }
    }
}
