import BiomechIO

/// The muscle classes of an OpenSim model as ``MuscleModel``s.
public enum MuscleModels {
    /// The rigid-tendon muscle a fit uses for an .osim muscle, and a note when it is not exactly the model's own:
    /// DeGrooteFregly2016 is taken as is; Thelen2003 keeps its own curves but gets De Groote's first-order
    /// activation dynamics with its time constants; Millard2012Equilibrium gets De Groote's curves with its own
    /// strains and damping, as OpenSim's `DeGrooteFregly2016Muscle::replaceMuscles` converts it.
    public static func rigidTendon(for parameters: MuscleParameters) -> (muscle: any MuscleModel, note: String?) {
        switch parameters.model {
        case .deGrooteFregly2016:
            var muscle = DeGrooteFregly2016Muscle<Double>(parameters)
            muscle.ignoreTendonCompliance = true
            return (muscle, nil)
        case .thelen2003:
            guard var muscle = Thelen2003Muscle<Double>(parameters) else { preconditionFailure("a Thelen2003Muscle without Thelen curves") }
            muscle.ignoreTendonCompliance = true
            return (muscle, "\(parameters.name) (Thelen2003Muscle): Thelen's curves; activation by De Groote's first-order dynamics with its time constants")
        case .millard2012Equilibrium:
            var muscle = DeGrooteFregly2016Muscle<Double>(parameters)
            muscle.ignoreTendonCompliance = true
            return (muscle, "\(parameters.name) (Millard2012EquilibriumMuscle): De Groote's curves with its strains and damping, as OpenSim's replaceMuscles converts it")
        }
    }
}

extension MuscleSystem {
    /// The rigid-tendon system of the muscles `names` of `model` (read from `modelFile`), each modelled by
    /// ``MuscleModels/rigidTendon(for:)``; `notes` says which muscles are not modelled exactly as their class.
    public static func rigidTendon(from model: OpenSimModel, muscles names: [String], modelFile: String)
        throws -> (system: MuscleSystem, notes: [String]) {
        var muscles: [any MuscleModel] = []
        var notes: [String] = []
        for name in names {
            guard let parameters = model.muscle(name) else {
                throw InputError(file: modelFile, message: "no muscle '\(name)' (the model has \(model.muscles.map(\.name).prefix(12).joined(separator: ", "))\(model.muscles.count > 12 ? ", …" : ""))")
            }
            let (muscle, note) = MuscleModels.rigidTendon(for: parameters)
            muscles.append(muscle)
            if let note { notes.append(note) }
        }
        return (MuscleSystem(muscles: muscles), notes)
    }
}
