import Foundation

/// Reads OpenSim model files (.osim, OpenSim 3 and 4): coordinates, the muscles of the classes
/// in `MuscleModelKind` and (OpenSim 4) the bodies and joints, through FoundationXML. Bad input throws `InputError` with file and line.
public enum OSimFile {
    /// Reads the model at `path`.
    public static func read(_ path: String) throws -> OpenSimModel {
        let bytes = try FileBytes.contents(of: path)
        return try parse(Data(bytes), file: path)
    }

    /// Parses the bytes of a .osim file; `file` names it in errors.
    public static func parse(_ data: Data, file: String) throws(InputError) -> OpenSimModel {
        let root = try XMLTree.parse(data, file: file)
        let modelElement = root.name == "Model" ? root : root.child("Model")
        guard let modelElement else {
            throw InputError(file: file, line: root.line, field: root.name,
                             message: "expected an OpenSim model (<OpenSimDocument> holding <Model>), found <\(root.name)>")
        }
        var coordinates: [Coordinate] = []
        var muscles: [MuscleParameters] = []
        var unsupported: [UnsupportedMuscle] = []
        var seenMuscles: [String: Int] = [:]
        // OpenSim 3 files keep template objects named "default" under <defaults>: not part of the model.
        for element in modelElement.descendants(skipping: ["defaults"]) {
            if element.name.hasSuffix("Joint"), element.attributes["name"] != nil {
                coordinates += try JointReader(joint: element, file: file).coordinates()
            } else if element.name.hasSuffix("Muscle") || element.name.contains("Muscle_") {
                guard let name = element.attributes["name"] else { continue }
                if let firstLine = seenMuscles[name] {
                    throw InputError(file: file, line: element.line, field: name,
                                     message: "the muscle name '\(name)' appears twice (first on line \(firstLine))")
                }
                seenMuscles[name] = element.line
                if let kind = MuscleModelKind(rawValue: element.name) {
                    muscles.append(try MuscleReader(kind: kind, name: name, properties: OSimProperties(
                        element: element, file: file, owner: "muscle '\(name)'")).parameters())
                } else {
                    unsupported.append(UnsupportedMuscle(name: name, className: element.name))
                }
            }
        }
        return OpenSimModel(name: modelElement.attributes["name"] ?? "", coordinates: coordinates, muscles: muscles,
                            unsupportedMuscles: unsupported, skeleton: OSimSkeletonReader(model: modelElement, file: file).read())
    }
}

/// Reads the coordinates of one joint element and decides their motion type as OpenSim does.
private struct JointReader {
    let joint: XMLTreeElement
    let file: String

    func coordinates() throws(InputError) -> [Coordinate] {
        let jointName = joint.attributes["name"] ?? ""
        let elements = (joint.child("coordinates")?.children ?? joint.child("CoordinateSet")?.child("objects")?.children ?? [])
            .filter { $0.name == "Coordinate" }
        var result: [Coordinate] = []
        for (index, element) in elements.enumerated() {
            let name = element.attributes["name"] ?? ""
            let properties = OSimProperties(element: element, file: file, owner: "coordinate '\(name)'")
            let range = try properties.numbers("range", count: 2) ?? [-Double.pi / 2, Double.pi / 2]
            guard range[0] <= range[1] else {
                throw InputError(file: file, line: element.child("range")?.line ?? element.line, field: "range",
                                 message: "expected <range> of coordinate '\(name)' to be 'lower upper' with lower <= upper, found \(range[0]) \(range[1])")
            }
            result.append(Coordinate(
                name: name, joint: jointName,
                motionType: motionType(of: name, index: index, declared: element.child("motion_type")?.trimmedText),
                range: range[0]...range[1],
                defaultValue: try properties.number("default_value", default: 0),
                clamped: try properties.bool("clamped", default: false),
                locked: try properties.bool("locked", default: false)))
        }
        return result
    }

    /// OpenSim 3 files declare `<motion_type>`; otherwise it follows from the joint. For a
    /// CustomJoint (CustomJoint.cpp): an axis whose function is linear with slope ±1 makes the
    /// coordinate rotational (rotation1-3) or translational (translation1-3); any other function
    /// makes it coupled unless another axis already made it pure.
    private func motionType(of name: String, index: Int, declared: String?) -> CoordinateMotionType {
        if let declared, let type = CoordinateMotionType(rawValue: declared.lowercased()) { return type }
        switch joint.name {
        case "SliderJoint": return .translational
        case "PlanarJoint": return index == 0 ? .rotational : .translational
        case "FreeJoint": return index < 3 ? .rotational : .translational
        case "CustomJoint": break
        default: return .rotational // PinJoint, UniversalJoint, GimbalJoint, BallJoint, EllipsoidJoint
        }
        var pure: CoordinateMotionType?
        var coupled = false
        for axis in joint.child("SpatialTransform")?.children ?? [] where axis.name == "TransformAxis" {
            let names = (axis.child("coordinates")?.trimmedText ?? "").split(separator: " ").map(String.init)
            guard names.contains(name) else { continue }
            let isRotation = (axis.attributes["name"] ?? "").hasPrefix("rotation")
            if pure == nil, isPureAxisDisplacement(axis) {
                pure = isRotation ? .rotational : .translational
            } else {
                coupled = true
            }
        }
        return pure ?? (coupled ? .coupled : .rotational)
    }

    private func isPureAxisDisplacement(_ axis: XMLTreeElement) -> Bool {
        guard let function = axis.children.first(where: { $0.name.hasSuffix("Function") || $0.name == "function" }) else { return false }
        let linear = function.name == "LinearFunction" ? function : function.children.first { $0.name == "LinearFunction" }
        guard let coefficients = linear?.child("coefficients")?.trimmedText.split(separator: " ").compactMap({ Double($0) }),
              let slope = coefficients.first else { return false }
        return abs(slope) == 1
    }
}

/// Reads one muscle element of a supported class, with OpenSim's defaults for absent properties.
private struct MuscleReader {
    let kind: MuscleModelKind
    let name: String
    let properties: OSimProperties

    func parameters() throws(InputError) -> MuscleParameters {
        let positive = Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude
        let defaults = MuscleDefaults.activation(kind)
        // OpenSim 3's Millard muscles keep their time constants in a MuscleFirstOrderActivationDynamicModel.
        let legacyActivation = properties.object("MuscleFirstOrderActivationDynamicModel")
        let legacyTimeConstants = (try legacyActivation?.optionalNumber("activation_time_constant", validRange: positive),
                                   try legacyActivation?.optionalNumber("deactivation_time_constant", validRange: positive))
        return MuscleParameters(
            name: name, model: kind,
            maxIsometricForce: try properties.number("max_isometric_force", default: MuscleDefaults.maxIsometricForce, validRange: positive),
            optimalFiberLength: try properties.number("optimal_fiber_length", default: MuscleDefaults.optimalFiberLength, validRange: positive),
            tendonSlackLength: try properties.number("tendon_slack_length", default: MuscleDefaults.tendonSlackLength, validRange: 0...Double.greatestFiniteMagnitude),
            pennationAngleAtOptimal: try properties.number("pennation_angle_at_optimal", default: MuscleDefaults.pennationAngleAtOptimal, validRange: 0...(Double.pi / 2)),
            maxContractionVelocity: try properties.number("max_contraction_velocity", default: MuscleDefaults.maxContractionVelocity, validRange: positive),
            ignoreTendonCompliance: try properties.bool("ignore_tendon_compliance", default: false),
            ignoreActivationDynamics: try properties.bool("ignore_activation_dynamics", default: false),
            activationTimeConstant: try properties.number("activation_time_constant",
                                                          default: legacyTimeConstants.0 ?? defaults.activation, validRange: positive),
            deactivationTimeConstant: try properties.number("deactivation_time_constant",
                                                            default: legacyTimeConstants.1 ?? defaults.deactivation, validRange: positive),
            defaultActivation: try properties.number("default_activation", default: defaults.defaultActivation),
            curves: try curves())
    }

    private func curves() throws(InputError) -> MuscleCurves {
        switch kind {
        case .deGrooteFregly2016:
            let d = MuscleDefaults.deGrooteFregly2016
            return .deGrooteFregly2016(DeGrooteFregly2016Curves(
                activeForceWidthScale: try properties.number("active_force_width_scale", default: d.activeForceWidthScale),
                fiberDamping: try properties.number("fiber_damping", default: d.fiberDamping),
                passiveFiberStrainAtOneNormForce: try properties.number("passive_fiber_strain_at_one_norm_force", default: d.passiveFiberStrainAtOneNormForce),
                tendonStrainAtOneNormForce: try properties.number("tendon_strain_at_one_norm_force", default: d.tendonStrainAtOneNormForce),
                ignorePassiveFiberForce: try properties.bool("ignore_passive_fiber_force", default: d.ignorePassiveFiberForce),
                tendonComplianceDynamicsMode: properties.text("tendon_compliance_dynamics_mode", default: d.tendonComplianceDynamicsMode),
                activationDynamicsSmoothing: try properties.number("activation_dynamics_smoothing", default: d.activationDynamicsSmoothing,
                                                                   validRange: 0...1e6)))
        case .thelen2003:
            let d = MuscleDefaults.thelen2003
            return .thelen2003(Thelen2003Curves(
                fmaxTendonStrain: try properties.number("FmaxTendonStrain", default: d.fmaxTendonStrain),
                fmaxMuscleStrain: try properties.number("FmaxMuscleStrain", default: d.fmaxMuscleStrain),
                kshapeActive: try properties.number("KshapeActive", default: d.kshapeActive),
                kshapePassive: try properties.number("KshapePassive", default: d.kshapePassive),
                af: try properties.number("Af", default: d.af),
                flen: try properties.number("Flen", default: d.flen),
                fvLinearExtrapThreshold: try properties.number("fv_linear_extrap_threshold", default: d.fvLinearExtrapThreshold),
                maximumPennationAngle: try properties.number("maximum_pennation_angle", default: d.maximumPennationAngle),
                minimumActivation: try properties.number("minimum_activation", default: d.minimumActivation)))
        case .millard2012Equilibrium:
            return .millard2012Equilibrium(try millardCurves())
        }
    }

    private func millardCurves() throws(InputError) -> Millard2012Curves {
        let active = properties.object("ActiveForceLengthCurve")
        let velocity = properties.object("ForceVelocityCurve")
        let fiber = properties.object("FiberForceLengthCurve")
        let tendon = properties.object("TendonForceLengthCurve")
        let a = MuscleDefaults.activeForceLength, v = MuscleDefaults.forceVelocity
        let f = MuscleDefaults.fiberForceLength, t = MuscleDefaults.tendonForceLength
        let legacyMinimum = try properties.object("MuscleFirstOrderActivationDynamicModel")?.optionalNumber("minimum_activation")
        return Millard2012Curves(
            fiberDamping: try properties.number("fiber_damping", default: MuscleDefaults.millardFiberDamping),
            minimumActivation: try properties.number("minimum_activation", default: legacyMinimum ?? MuscleDefaults.millardMinimumActivation),
            activeForceLength: ActiveForceLengthCurve(
                minNormActiveFiberLength: try active?.optionalNumber("min_norm_active_fiber_length") ?? a.minNormActiveFiberLength,
                transitionNormFiberLength: try active?.optionalNumber("transition_norm_fiber_length") ?? a.transitionNormFiberLength,
                maxNormActiveFiberLength: try active?.optionalNumber("max_norm_active_fiber_length") ?? a.maxNormActiveFiberLength,
                shallowAscendingSlope: try active?.optionalNumber("shallow_ascending_slope") ?? a.shallowAscendingSlope,
                minimumValue: try active?.optionalNumber("minimum_value") ?? a.minimumValue),
            forceVelocity: ForceVelocityCurve(
                concentricSlopeAtVmax: try velocity?.optionalNumber("concentric_slope_at_vmax") ?? v.concentricSlopeAtVmax,
                concentricSlopeNearVmax: try velocity?.optionalNumber("concentric_slope_near_vmax") ?? v.concentricSlopeNearVmax,
                isometricSlope: try velocity?.optionalNumber("isometric_slope") ?? v.isometricSlope,
                eccentricSlopeAtVmax: try velocity?.optionalNumber("eccentric_slope_at_vmax") ?? v.eccentricSlopeAtVmax,
                eccentricSlopeNearVmax: try velocity?.optionalNumber("eccentric_slope_near_vmax") ?? v.eccentricSlopeNearVmax,
                maxEccentricVelocityForceMultiplier: try velocity?.optionalNumber("max_eccentric_velocity_force_multiplier") ?? v.maxEccentricVelocityForceMultiplier,
                concentricCurviness: try velocity?.optionalNumber("concentric_curviness") ?? v.concentricCurviness,
                eccentricCurviness: try velocity?.optionalNumber("eccentric_curviness") ?? v.eccentricCurviness),
            fiberForceLength: FiberForceLengthCurve(
                strainAtZeroForce: try fiber?.optionalNumber("strain_at_zero_force") ?? f.strainAtZeroForce,
                strainAtOneNormForce: try fiber?.optionalNumber("strain_at_one_norm_force") ?? f.strainAtOneNormForce,
                stiffnessAtLowForce: try fiber?.optionalNumber("stiffness_at_low_force"),
                stiffnessAtOneNormForce: try fiber?.optionalNumber("stiffness_at_one_norm_force"),
                curviness: try fiber?.optionalNumber("curviness")),
            tendonForceLength: TendonForceLengthCurve(
                strainAtOneNormForce: try tendon?.optionalNumber("strain_at_one_norm_force") ?? t.strainAtOneNormForce,
                stiffnessAtOneNormForce: try tendon?.optionalNumber("stiffness_at_one_norm_force"),
                normForceAtToeEnd: try tendon?.optionalNumber("norm_force_at_toe_end"),
                curviness: try tendon?.optionalNumber("curviness")))
    }
}
