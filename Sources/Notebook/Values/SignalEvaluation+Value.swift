import Estimation

extension SignalEvaluation {
    /// The evaluation as a notebook record: `measured` (excitations), `per_trial.TRIAL.{r, rmse, nrmse, r2, vaf, active}`,
    /// `trial_mean.{r, rmse, nrmse, r2, vaf, n, sd_r}` and `pooled.{…}`, as metrics.json names them; an undefined number
    /// is `undefined` ("—").
    var value: Value {
        func number(_ value: Double?) -> Value { value.map { .number($0) } ?? .undefined }
        func summary(_ s: Summary) -> Value {
            .record(Record([("r", number(s.r)), ("rmse", number(s.rmse)), ("nrmse", number(s.nrmse)), ("r2", number(s.r2)),
                            ("vaf", number(s.vaf)), ("n", .number(Double(s.n))), ("sd_r", number(s.sdR))]))
        }
        let trials = perTrial.keys.sorted().map { name -> (String, Value) in
            let t = perTrial[name]!
            return (name, .record(Record([("r", number(t.r)), ("rmse", .number(t.rmse)), ("nrmse", number(t.nrmse)), ("r2", number(t.r2)),
                                          ("vaf", number(t.vaf)), ("active", .bool(t.active))])))
        }
        var fields: [(String, Value)] = measured.map { [("measured", .bool($0))] } ?? []
        fields += [("per_trial", .record(Record(trials))), ("trial_mean", summary(trialMean)), ("pooled", summary(pooled))]
        return .record(Record(fields))
    }
}
