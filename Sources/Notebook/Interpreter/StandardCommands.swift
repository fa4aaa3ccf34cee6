extension CommandRegistry {
    /// Every command nmm notebooks can use. Adding a command: write its file in Commands/, list it here (the `fit` commands come from Estimation's `MethodRegistry`).
    public static let standard = CommandRegistry(fitCommands + [
        LoadOpenSimCommand.self,
        PrintCommand.self,
        ProcessEMGCommand.self,
        SplitCommand.self,
        LoadStudyCommand.self,
        TableCommand.self,
        TableMetricsCommand.self,
        TableMusclesCommand.self,
        TableParametersCommand.self,
        SineCommand.self,
        PlotActivationCommand.self,
        PlotEMGCommand.self,
        PlotForceLengthCommand.self,
        PlotForceVelocityCommand.self,
        PlotLossCommand.self,
        PlotParametersCommand.self,
        PlotScatterCommand.self,
        PlotSeriesCommand.self,
        PlotSynergiesCommand.self,
        PlotTorqueCommand.self,
        PredictCommand.self,
        SaveCommand.self,
        SimulateArmCommand.self,
    ])
}
