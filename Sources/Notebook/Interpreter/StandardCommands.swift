extension CommandRegistry {
    /// Every command nmm notebooks can use. Adding a command: write its file in Commands/, list it here.
    public static let standard = CommandRegistry([
        LoadOpenSimCommand.self,
        PrintCommand.self,
        SplitCommand.self,
        TableCommand.self,
        TableMusclesCommand.self,
        SineCommand.self,
        PlotActivationCommand.self,
        PlotForceLengthCommand.self,
        PlotForceVelocityCommand.self,
        PlotScatterCommand.self,
        PlotSeriesCommand.self,
        SaveCommand.self,
        SimulateArmCommand.self,
    ])
}
