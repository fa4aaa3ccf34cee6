import BiomechIO

/// The muscle classes of an OpenSim model as ``MuscleModel``s.
public enum MuscleModels {
    /// The muscle a fit uses for an .osim muscle, with the tendon `tendons` chooses (default: the .osim's own
    /// `ignore_tendon_compliance`), and a note when it is not exactly the model's own class: DeGrooteFregly2016 is
    /// taken as is; Thelen2003 keeps its own curves but gets De Groote's first-order activation dynamics with its time
    /// constants; Millard2012Equilibrium gets De Groote's curves with its own strains and damping, as OpenSim's
    /// `DeGrooteFregly2016Muscle::replaceMuscles` converts it.
    public static func model(for parameters: MuscleParameters, tendons: TendonCompliance = .model) -> (muscle: any MuscleModel, note: String?) {
        let rigid = tendons.isRigid(ignoreTendonCompliance: parameters.ignoreTendonCompliance)
        switch parameters.model {
        case .deGrooteFregly2016:
            var muscle = DeGrooteFregly2016Muscle<Double>(parameters)
            muscle.ignoreTendonCompliance = rigid
            return (muscle, nil)
        case .thelen2003:
            guard var muscle = Thelen2003Muscle<Double>(parameters) else { preconditionFailure("a Thelen2003Muscle without Thelen curves") }
            muscle.ignoreTendonCompliance = rigid
            return (muscle, "\(parameters.name) (Thelen2003Muscle): Thelen's curves; activation by De Groote's first-order dynamics with its time constants")
        case .millard2012Equilibrium:
            var muscle = DeGrooteFregly2016Muscle<Double>(parameters)
            muscle.ignoreTendonCompliance = rigid
            return (muscle, "\(parameters.name) (Millard2012EquilibriumMuscle): De Groote's curves with its strains and damping, as OpenSim's replaceMuscles converts it")
        }
    }
}

extension MuscleSystem {
    /// The system of the muscles `names` of `model` (read from `modelFile`), each modelled by
    /// ``MuscleModels/model(for:tendons:)``; `notes` says which muscles are not modelled exactly as their class and,
    /// when any tendon is compliant, which.
    public static func of(_ model: OpenSimModel, muscles names: [String], modelFile: String, tendons: TendonCompliance = .model)
        throws -> (system: MuscleSystem, notes: [String]) {
        var muscles: [any MuscleModel] = []
        var notes: [String] = []
        for name in names {
            guard let parameters = model.muscle(name) else {
                throw InputError(file: modelFile, message: "no muscle '\(name)' (the model has \(model.muscles.map(\.name).prefix(12).joined(separator: ", "))\(model.muscles.count > 12 ? ", …" : ""))")
            }
            let (muscle, note) = MuscleModels.model(for: parameters, tendons: tendons)
            muscles.append(muscle)
            if let note { notes.append(note) }
        }
        let compliant = muscles.filter(\.hasCompliantTendon).map(\.name)
        if !compliant.isEmpty {
            let which = compliant.count == muscles.count ? "every muscle" : compliant.joined(separator: ", ")
            notes.append("compliant tendons (--tendons \(tendons.rawValue)): \(which); fibre length stepped frame to frame by backward differences")
        }
        return (MuscleSystem(muscles: muscles), notes)
    }
}
