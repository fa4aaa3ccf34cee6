extension CommandRegistry {
    /// Every command nmm notebooks can use. Adding a command: write its file in Commands/, list it here.
    public static let standard = CommandRegistry([
        FitMSECommand.self,
        FitNMMCommand.self,
        FitSOCommand.self,
        LoadOpenSimCommand.self,
        PrintCommand.self,
        ProcessEMGCommand.self,
        SplitCommand.self,
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
        SaveCommand.self,
        SimulateArmCommand.self,
    ])
}
