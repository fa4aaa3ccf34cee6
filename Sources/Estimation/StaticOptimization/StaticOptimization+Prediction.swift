extension StaticOptimization {
    /// Static optimisation of `trial` as a prediction. Static optimisation has no activation dynamics: its
    /// activations are reported as its excitation estimate too, as OpenSim users compare them.
    public func predict(_ trial: EstimationTrial) throws -> TrialPrediction {
        let result = try solve(trial)
        return TrialPrediction(name: trial.name, time: trial.time, muscles: system.muscleNames, coordinates: trial.geometry.coordinates,
                               excitation: result.activation, activation: result.activation, force: result.force, torque: result.torque)
    }
}
