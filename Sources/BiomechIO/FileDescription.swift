import Foundation

/// A human-readable description of a data file, as `nmm inspect` prints it: kind, rows, columns
/// with names, time range and rate, units; for .osim the coordinates and muscle parameters.
public enum FileDescription {
    /// Reads the file at `path` (by extension: .osim, .json, .csv, .c3d, else .sto/.mot) and describes it.
    /// Throws `InputError` when the file cannot be read.
    public static func describe(_ path: String) throws -> String {
        let lower = path.lowercased()
        if lower.hasSuffix(".osim") { return describe(model: try OSimFile.read(path), path: path) }
        if lower.hasSuffix(".json") { return try describe(json: FileBytes.contents(of: path), path: path) }
        if lower.hasSuffix(".csv") { return describe(table: try CSVFile.read(path), kind: "CSV table", header: nil, path: path) }
        if lower.hasSuffix(".c3d") { return describe(c3d: try C3DFile.read(path), path: path) }
        let document = try StorageFile.readDocument(path)
        let style = document.header.version.map { $0 >= 2 ? "OpenSim 4 header (version=\($0))" : "OpenSim 3 header (version=\($0))" }
            ?? "header without a version"
        let kind = (lower.hasSuffix(".mot") ? "OpenSim Motion file" : "OpenSim Storage file") + ", " + style
        var text = describe(table: document.series, kind: kind, header: document.header, path: path)
        let renamed = zip(document.fileLabels, document.series.labels).filter { $0 != $1 }
        if let (fileLabel, label) = renamed.first {
            text += "note: \(renamed.count) OpenSim state-path labels are read as column names, e.g. '\(fileLabel)' as '\(label)'\n"
        }
        for warning in document.warnings { text += warning.warningDescription + "\n" }
        return text
    }

    /// Describes a table.
    static func describe(table: TimeSeries, kind: String, header: StorageHeader?, path: String) -> String {
        var lines = ["file: \(path)", "kind: \(kind)"]
        if let name = header?.name { lines.append("name: \(name)") }
        if let version = header?.value("OpenSimVersion") { lines.append("OpenSimVersion: \(version)") }
        lines.append("rows: \(table.rowCount)")
        if let first = table.time.first, let last = table.time.last {
            let rate = table.sampleRate.map { "uniform, \(format($0)) Hz" } ?? "not uniform"
            lines.append("time: \(format(first)) to \(format(last)) s (\(rate))")
        }
        switch header?.inDegrees {
        // inDegrees speaks of angles only: EMG, lengths, moments and forces are read as written.
        case true?: lines.append("units: degrees (inDegrees=yes): angles of rotational coordinates are converted to radians on loading; other columns are read as written")
        case false?: lines.append("units: angles in radians (inDegrees=no); other columns are read as written")
        case nil: lines.append("units: not stated; angles are read as radians, other columns as written")
        }
        lines.append("columns: \(table.labels.count + 1) (time and \(table.labels.count) data columns)")
        let width = min(max(table.labels.map(\.count).max() ?? 0, 6), 40)
        lines.append("  " + pad("label", width) + "  " + ["first", "last", "min", "max"].map { pad($0, 12) }.joined(separator: " ") + " non-finite")
        for (label, column) in zip(table.labels, table.columns) {
            let finite = column.filter(\.isFinite)
            let stats = [column.first, column.last, finite.min(), finite.max()].map { $0.map(format) ?? "-" }
            lines.append("  " + pad(label, width) + "  " + stats.map { pad($0, 12) }.joined(separator: " ")
                + " \(column.count - finite.count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Describes a JSON file (such as a subject's subject.json): its top-level keys and values.
    static func describe(json bytes: [UInt8], path: String) throws(InputError) -> String {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw InputError(file: path, message: "expected a JSON document: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error)")
        }
        var lines = ["file: \(path)"]
        guard let dictionary = object as? [String: Any] else {
            return (lines + ["kind: JSON document (\(type(of: object)))"]).joined(separator: "\n") + "\n"
        }
        let isSubject = dictionary["muscles"] != nil && dictionary["trials"] != nil
        lines.append(isSubject ? "kind: subject description (subject.json); truth_* keys are for evaluation only" : "kind: JSON object")
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(pad(key, 26)) \(summary(of: value))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func summary(of value: Any) -> String {
        switch value {
        case let array as [Any]:
            let items = array.map { ($0 as? String) ?? ($0 as? [String: Any]).flatMap { $0["name"] as? String } }
            let names = items.compactMap { $0 }
            return names.count == array.count ? "[\(names.joined(separator: ", "))]" : "\(array.count) items"
        case let dictionary as [String: Any]: return "{\(dictionary.keys.sorted().joined(separator: ", "))}"
        case let string as String: return string
        case let number as NSNumber: return "\(number)"
        default: return "\(value)"
        }
    }

    /// Describes a model.
    static func describe(model: OpenSimModel, path: String) -> String {
        var lines = ["file: \(path)", "kind: OpenSim model '\(model.name)'"]
        lines.append("coordinates: \(model.coordinates.count)")
        for coordinate in model.coordinates {
            let unit = coordinate.motionType == .translational ? "m" : "rad"
            lines.append("  \(pad(coordinate.name, 22)) joint \(pad(coordinate.joint, 18)) \(pad(coordinate.motionType.rawValue, 13))"
                + " range \(format(coordinate.range.lowerBound)) to \(format(coordinate.range.upperBound)) \(unit), default \(format(coordinate.defaultValue))"
                + (coordinate.locked ? ", locked" : "") + (coordinate.clamped ? ", clamped" : ""))
        }
        lines.append("muscles: \(model.muscles.count)" + classCounts(model.muscles))
        lines.append("  " + pad("name", 14) + " " + ["max_isometric_force", "optimal_fiber_length", "tendon_slack_length",
                                                     "pennation_angle_at_optimal", "max_contraction_velocity"].joined(separator: " "))
        for muscle in model.muscles {
            lines.append("  " + pad(muscle.name, 14) + " " + [
                pad(format(muscle.maxIsometricForce) + " N", 19), pad(format(muscle.optimalFiberLength) + " m", 20),
                pad(format(muscle.tendonSlackLength) + " m", 19), pad(format(muscle.pennationAngleAtOptimal) + " rad", 26),
                format(muscle.maxContractionVelocity),
            ].joined(separator: " "))
            lines.append("      \(muscle.model.rawValue): " + curveSummary(muscle))
        }
        for skipped in model.unsupportedMuscles {
            lines.append("  skipped \(skipped.name): class \(skipped.className) is not modelled by nmm")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func classCounts(_ muscles: [MuscleParameters]) -> String {
        let counts = MuscleModelKind.allCases.compactMap { kind -> String? in
            let count = muscles.filter { $0.model == kind }.count
            return count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        return counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")"
    }

    private static func curveSummary(_ muscle: MuscleParameters) -> String {
        var pairs: [(String, String)] = [
            ("activation_time_constant", format(muscle.activationTimeConstant)),
            ("deactivation_time_constant", format(muscle.deactivationTimeConstant)),
            ("ignore_tendon_compliance", "\(muscle.ignoreTendonCompliance)"),
        ]
        switch muscle.curves {
        case .deGrooteFregly2016(let c):
            pairs += [("active_force_width_scale", format(c.activeForceWidthScale)), ("fiber_damping", format(c.fiberDamping)),
                      ("passive_fiber_strain_at_one_norm_force", format(c.passiveFiberStrainAtOneNormForce)),
                      ("tendon_strain_at_one_norm_force", format(c.tendonStrainAtOneNormForce)),
                      ("ignore_passive_fiber_force", "\(c.ignorePassiveFiberForce)"),
                      ("activation_dynamics_smoothing", format(c.activationDynamicsSmoothing))]
        case .thelen2003(let c):
            pairs += [("FmaxTendonStrain", format(c.fmaxTendonStrain)), ("FmaxMuscleStrain", format(c.fmaxMuscleStrain)),
                      ("KshapeActive", format(c.kshapeActive)), ("KshapePassive", format(c.kshapePassive)),
                      ("Af", format(c.af)), ("Flen", format(c.flen))]
        case .millard2012Equilibrium(let c):
            pairs += [("fiber_damping", format(c.fiberDamping)),
                      ("ActiveForceLengthCurve", "\(format(c.activeForceLength.minNormActiveFiberLength))/\(format(c.activeForceLength.transitionNormFiberLength))/\(format(c.activeForceLength.maxNormActiveFiberLength))"),
                      ("ForceVelocityCurve.max_eccentric_velocity_force_multiplier", format(c.forceVelocity.maxEccentricVelocityForceMultiplier)),
                      ("FiberForceLengthCurve.strain_at_one_norm_force", format(c.fiberForceLength.strainAtOneNormForce)),
                      ("TendonForceLengthCurve.strain_at_one_norm_force", format(c.tendonForceLength.strainAtOneNormForce))]
        }
        return pairs.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }

    /// Up to 6 significant digits, no trailing zeros.
    static func format(_ value: Double) -> String { String(format: "%.6g", value) }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
