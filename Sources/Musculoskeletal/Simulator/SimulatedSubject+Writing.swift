import BiomechIO
import Foundation

extension SimulatedSubject {
    /// Writes the subject as a folder laid out like ../shared/data/arm26-lifting/S01: model.osim (generic),
    /// truth_model.osim, subject.json and per trial ik.mot (degrees, with noise), id.sto, load.sto, emg.sto,
    /// emg_raw.sto, MuscleAnalysis_Length.sto, MuscleAnalysis_MomentArm_<coordinate>.sto and the truth_*.sto files.
    /// The .osim files hold the planar arm's bodies and joints (``dynamics``), its coordinates and the muscle
    /// parameters, but no muscle paths: nmm reads them (its own inverse dynamics included), OpenSim cannot simulate them.
    public func write(to directory: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func path(_ parts: String...) -> String { ([directory] + parts).joined(separator: "/") }
        try Self.osimDocument(name: "\(name)_generic", muscles: genericMuscles, dynamics: dynamics).write(toFile: path("model.osim"), atomically: true, encoding: .utf8)
        try Self.osimDocument(name: name, muscles: muscles, dynamics: dynamics).write(toFile: path("truth_model.osim"), atomically: true, encoding: .utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(SubjectRecord(self)).write(to: URL(fileURLWithPath: path("subject.json")))
        let names = muscles.map(\.name)
        let coordinates = Arm26.coordinates
        for trial in trials {
            try manager.createDirectory(atPath: path(trial.name), withIntermediateDirectories: true)
            func write(_ file: String, _ labels: [String], _ columns: [[Double]], inDegrees: Bool = false, time: [Double]? = nil) throws {
                try StorageFile.write(TimeSeries(time: time ?? trial.time, labels: labels, columns: columns, inDegrees: inDegrees),
                                      to: path(trial.name, file), name: file)
            }
            try write("ik.mot", coordinates, trial.measuredAngles.map { $0.map { $0 * 180 / .pi } }, inDegrees: true)
            try write("truth_kinematics.sto", coordinates + coordinates.map { "\($0)_u" } + coordinates.map { "\($0)_udot" },
                      trial.angles + trial.speeds + trial.accelerations)
            try write("id.sto", coordinates.map { "\($0)_moment" }, trial.jointTorques)
            try write("load.sto", ["load_mass", "cable_force"], [trial.time.map { _ in trial.task.loadMass }, trial.time.map { _ in trial.task.cableForce }])
            try write("emg.sto", measuredMuscles, trial.emg)
            try write("emg_raw.sto", measuredMuscles, trial.rawEMG, time: trial.rawEMGTime)
            try write("MuscleAnalysis_Length.sto", names, trial.geometry.length)
            for (c, coordinate) in trial.geometry.coordinates.enumerated() {
                try write("MuscleAnalysis_MomentArm_\(coordinate).sto", names, trial.geometry.momentArm[c])
            }
            try write("truth_excitation.sto", names, trial.excitation)
            try write("truth_activation.sto", names, trial.activation)
            try write("truth_force.sto", names, trial.force)
        }
    }

    /// An OpenSim model document of the planar arm `dynamics` (bodies, pin-like joints about z, gravity), arm26's two
    /// coordinates and the muscles' properties.
    static func osimDocument(name: String, muscles: [DeGrooteFregly2016Muscle<Double>], dynamics: ArmDynamics) -> String {
        func number(_ value: Double) -> String { String(describing: value) }
        let segments = [("r_humerus", dynamics.upperArm), ("r_ulna_radius_hand", dynamics.forearm)]
        let bodies = segments.map { body, segment in
            """
                        <Body name="\(body)">
                            <mass>\(number(segment.mass))</mass>
                            <mass_center>0 \(number(-segment.centerOfMass)) 0</mass_center>
                            <inertia>0 0 \(number(segment.inertia)) 0 0 0</inertia>
                        </Body>
            """
        }.joined(separator: "\n")
        let joints = [("r_shoulder", "/ground", 0.0, "-1.57079633 3.14159265"), ("r_elbow", "/bodyset/r_humerus", -dynamics.upperArmLength, "0 2.26892803")]
        let coordinates = zip(zip(Arm26.coordinates, joints), segments).map { pair, segment in
            let (coordinate, joint) = pair
            return """
                        <CustomJoint name="\(joint.0)">
                            <socket_parent_frame>\(joint.0)_parent</socket_parent_frame>
                            <socket_child_frame>/bodyset/\(segment.0)</socket_child_frame>
                            <coordinates>
                                <Coordinate name="\(coordinate)">
                                    <default_value>0</default_value>
                                    <range>\(joint.3)</range>
                                </Coordinate>
                            </coordinates>
                            <frames>
                                <PhysicalOffsetFrame name="\(joint.0)_parent">
                                    <socket_parent>\(joint.1)</socket_parent>
                                    <translation>0 \(number(joint.2)) 0</translation>
                                    <orientation>0 0 0</orientation>
                                </PhysicalOffsetFrame>
                            </frames>
                            <SpatialTransform>
                                <TransformAxis name="rotation1">
                                    <coordinates>\(coordinate)</coordinates>
                                    <axis>0 0 1</axis>
                                    <LinearFunction name="function"><coefficients>1 0</coefficients></LinearFunction>
                                </TransformAxis>
                            </SpatialTransform>
                        </CustomJoint>
            """
        }.joined(separator: "\n")
        let forces = muscles.map { m in
            """
                        <DeGrooteFregly2016Muscle name="\(m.name)">
                            <max_isometric_force>\(number(m.maxIsometricForce))</max_isometric_force>
                            <optimal_fiber_length>\(number(m.optimalFiberLength))</optimal_fiber_length>
                            <tendon_slack_length>\(number(m.tendonSlackLength))</tendon_slack_length>
                            <pennation_angle_at_optimal>\(number(m.pennationAngleAtOptimal))</pennation_angle_at_optimal>
                            <max_contraction_velocity>\(number(m.maxContractionVelocity))</max_contraction_velocity>
                            <ignore_tendon_compliance>\(m.ignoreTendonCompliance)</ignore_tendon_compliance>
                            <activation_time_constant>\(number(m.activationTimeConstant))</activation_time_constant>
                            <deactivation_time_constant>\(number(m.deactivationTimeConstant))</deactivation_time_constant>
                            <active_force_width_scale>\(number(m.activeForceWidthScale))</active_force_width_scale>
                            <fiber_damping>\(number(m.fiberDamping))</fiber_damping>
                            <passive_fiber_strain_at_one_norm_force>\(number(m.passiveFiberStrainAtOneNormForce))</passive_fiber_strain_at_one_norm_force>
                            <tendon_strain_at_one_norm_force>\(number(m.tendonStrainAtOneNormForce))</tendon_strain_at_one_norm_force>
                        </DeGrooteFregly2016Muscle>
            """
        }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8" ?>
        <!-- Written by nmm's ArmSimulator: arm26 (Holzbaur et al. 2005; OpenSim models collection, CC BY 3.0) segments, coordinates and muscle parameters; no muscle paths. -->
        <OpenSimDocument Version="40600">
            <Model name="\(name)">
                <gravity>0 \(number(-dynamics.gravity)) 0</gravity>
                <BodySet name="bodyset">
                    <objects>
        \(bodies)
                    </objects>
                </BodySet>
                <JointSet name="jointset">
                    <objects>
        \(coordinates)
                    </objects>
                </JointSet>
                <ForceSet name="forceset">
                    <objects>
        \(forces)
                    </objects>
                </ForceSet>
            </Model>
        </OpenSimDocument>

        """
    }
}

/// subject.json of a simulated subject, with arm26-lifting/S01's keys.
private struct SubjectRecord: Encodable {
    struct Trial: Encodable {
        var name: String, task: String, loadKg: Double, cableForceN: Double
        enum CodingKeys: String, CodingKey { case name, task, loadKg = "load_kg", cableForceN = "cable_force_N" }
    }
    var subject: String
    var seed: UInt64
    var model = "arm26 (OpenSim models collection, CC BY 3.0) simulated by nmm's ArmSimulator, DeGrooteFregly2016Muscle, rigid tendons"
    var samplingHz: Double
    var muscles: [String]
    var surfaceEMG: [String]
    var hidden: [String]
    var truthParameterScale: [String: [String: Double]]
    var truthRecruitmentWeights: [String: Double]
    var truthCocontractionFloor: Double
    var truthRecruitmentExponent: Double
    var truthBrachialisWander: Double
    var emgGains: [String: Double]
    var emgAmplitudeWander: Double
    var activationTimeConstantS: Double
    var deactivationTimeConstantS: Double
    var electromechanicalDelayS: Double
    var trials: [Trial]

    enum CodingKeys: String, CodingKey {
        case subject, seed, model, muscles, hidden, trials
        case samplingHz = "sampling_hz", surfaceEMG = "surface_emg", truthParameterScale = "truth_parameter_scale"
        case truthRecruitmentWeights = "truth_recruitment_weights", truthCocontractionFloor = "truth_cocontraction_floor"
        case truthRecruitmentExponent = "truth_recruitment_exponent", truthBrachialisWander = "truth_brachialis_wander"
        case emgGains = "emg_gains", emgAmplitudeWander = "emg_amplitude_wander", electromechanicalDelayS = "electromechanical_delay_s"
        case activationTimeConstantS = "activation_time_constant_s", deactivationTimeConstantS = "deactivation_time_constant_s"
    }

    init(_ subject: SimulatedSubject) {
        let names = subject.muscles.map(\.name)
        self.subject = subject.name
        seed = subject.seed
        samplingHz = subject.trials.first.map { Double($0.time.count - 1) / max($0.time.last ?? 1, 1e-9) } ?? 100
        muscles = names
        surfaceEMG = subject.measuredMuscles
        hidden = names.filter { !subject.measuredMuscles.contains($0) }
        truthParameterScale = Dictionary(uniqueKeysWithValues: zip(names, subject.parameterScales).map { name, scale in
            (name, ["max_isometric_force": scale.maxIsometricForce, "optimal_fiber_length": scale.optimalFiberLength,
                    "tendon_slack_length": scale.tendonSlackLength])
        })
        truthRecruitmentWeights = Dictionary(uniqueKeysWithValues: zip(names, subject.recruitment.weights).map { ($0, $1) })
        truthCocontractionFloor = subject.recruitment.baseFloor
        truthRecruitmentExponent = subject.recruitment.exponent
        truthBrachialisWander = subject.brachialisWander
        emgGains = Dictionary(uniqueKeysWithValues: zip(subject.measuredMuscles, subject.emgGains).map { ($0, $1) })
        emgAmplitudeWander = subject.emgWander
        electromechanicalDelayS = subject.electromechanicalDelay
        activationTimeConstantS = subject.muscles.first?.activationTimeConstant ?? 0
        deactivationTimeConstantS = subject.muscles.first?.deactivationTimeConstant ?? 0
        trials = subject.trials.map { Trial(name: $0.name, task: $0.task.name, loadKg: $0.task.loadMass, cableForceN: $0.task.cableForce) }
    }
}
