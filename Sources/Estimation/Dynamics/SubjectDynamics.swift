import BiomechIO
import Musculoskeletal

/// nmm's own inverse dynamics of a subject's trials, so that a prediction from kinematics and load alone still knows
/// the joint torques its muscles must make: the model's skeleton (``OpenSimSkeleton``) moved by a trial's kinematics,
/// carrying the trial's load at a point of the hand that the training trials' inverse dynamics place.
///
/// Load channels are read by name: one holding `mass` is a mass carried at the point (kg), one holding `force` a force
/// pulling the point against gravity (N), as arm26-lifting's `load_mass` and `cable_force`. The point is fixed on the
/// body the fitted coordinates move farthest from ground; its position is the least-squares fit of the training
/// trials' inverse-dynamics torques (a component the torques do not see keeps the body's centre of mass's value).
/// The dynamics are used only when, on every training trial, they reproduce each fitted coordinate's
/// inverse-dynamics torque with an RMSE of at most ``maximumTrainingError`` of that coordinate's RMS torque over the
/// training trials (the refinement's torque scale): a load nmm does not know (ground reactions) leaves errors the size
/// of the torque itself. The error is not taken against each trial's own variance (R²), which refused quiet trials
/// — a held load with 0.46 N·m of torque variation — over errors of 2 % of the subject's torque.
public struct SubjectDynamics: Sendable, Codable, Equatable {
    /// The skeleton.
    public var skeleton: OpenSimSkeleton
    /// Values of the skeleton's coordinates that trials do not record (the model's defaults).
    public var coordinateDefaults: [String: Double]
    /// Coordinates whose torques it gives.
    public var coordinates: [String]
    /// The body carrying the load.
    public var loadBody: String
    /// Where on it (body frame, m).
    public var loadPoint: SIMD3<Double>
    /// Whether the training trials carried a load that placed ``loadPoint``.
    public var loadPointFitted: Bool
    /// R² of each coordinate's torque (``coordinates``' order) on each training trial.
    public var trainingAgreement: [String: [Double]]

    /// The largest RMSE, as a fraction of the coordinate's RMS torque over the training trials, on any training trial
    /// and coordinate for the dynamics to be used.
    public static let maximumTrainingError = 0.1

    /// Each fitted coordinate's generalized force over `trial`'s frames.
    public func torques(of trial: EstimationTrial) throws -> [String: [Double]] {
        let solver = try Solver(self)
        let frames = try solver.frames(of: trial, fittedLoadPoint: loadPointFitted)
        var result = [String: [Double]]()
        for (k, coordinate) in coordinates.enumerated() {
            result[coordinate] = frames.map { $0.torque(k, loadAt: loadPoint) }
        }
        return result
    }

    /// The dynamics of `model` for `coordinates`, with the load point fitted to `trials`' inverse-dynamics torques;
    /// throws why they cannot be used (no skeleton, unknown load channels, or disagreement on a training trial), and
    /// gives the largest training error (RMSE as a fraction of the coordinate's RMS torque).
    public static func learn(model: OpenSimModel, trials: [EstimationTrial], coordinates: [String])
        throws -> (dynamics: SubjectDynamics, largestError: Double) {
        guard let skeleton = model.skeleton else {
            throw EstimationError("nmm's inverse dynamics cannot move this model: \(model.skeletonUnavailable?.description ?? "no skeleton")")
        }
        let poses = try SkeletonPoses(skeleton)
        let loadBody = try Self.loadBody(poses, coordinates: coordinates)
        var dynamics = SubjectDynamics(
            skeleton: skeleton, coordinateDefaults: Dictionary(model.coordinates.map { ($0.name, $0.defaultValue) }, uniquingKeysWith: { a, _ in a }),
            coordinates: coordinates, loadBody: skeleton.bodies[loadBody].name, loadPoint: skeleton.bodies[loadBody].massCenter,
            loadPointFitted: false, trainingAgreement: [:])
        let solver = try Solver(dynamics, poses: poses)
        let perTrial = try trials.map { trial in
            (trial, try solver.frames(of: trial, fittedLoadPoint: true))
        }
        let measured = try perTrial.map { trial, _ in
            try coordinates.map { c in
                guard let torque = trial.torque[c] else { throw EstimationError("\(trial.name): no inverse-dynamics torque of \(c) to learn the dynamics from") }
                return torque
            }
        }
        let scales = TorqueLoss.rmsScales(of: trials, coordinates: coordinates)
        let carries = perTrial.contains { _, frames in frames.contains { $0.carriesLoad } }
        if carries {
            dynamics.loadPoint = LoadPointFit(frames: perTrial.map(\.1), measured: measured, scales: scales, start: dynamics.loadPoint).solve()
            dynamics.loadPointFitted = true
        }
        var largest = (trial: "", coordinate: "", error: 0.0)
        for ((trial, frames), torque) in zip(perTrial, measured) {
            var agreement: [Double] = []
            for k in coordinates.indices {
                let fit = TorqueAgreement(model: frames.map { $0.torque(k, loadAt: dynamics.loadPoint) }, reference: torque[k])
                agreement.append(fit.r2)
                let error = fit.rmse / scales[k]
                if error > largest.error { largest = (trial.name, coordinates[k], error) }
            }
            dynamics.trainingAgreement[trial.name] = agreement
        }
        if largest.error > maximumTrainingError {
            // A coordinate the trials' features do not give is held at the model's default: a likelier cause than a load.
            let unread = poses.coordinates.filter { c in
                trials.contains { trial in [c, c + "_speed", c + "_acceleration"].contains { !trial.featureLabels.contains($0) } }
            }
            let cause = unread.isEmpty ? "the trials carry loads it does not know (e.g. ground reactions)"
                : "the trials' features do not give \(unread.joined(separator: ", ")) (held at the model's default; add them to the feature "
                  + "coordinates), or the trials carry loads it does not know"
            throw EstimationError("nmm's inverse dynamics miss \(largest.trial)'s \(largest.coordinate) torque by an RMSE of "
                                  + "\(String(format: "%.0f", 100 * largest.error)) % of its RMS torque (> \(String(format: "%.0f", 100 * maximumTrainingError)) %): "
                                  + cause)
        }
        return (dynamics, largest.error)
    }

    /// The body that the fitted coordinates move farthest from ground: where a carried load hangs.
    private static func loadBody(_ poses: SkeletonPoses, coordinates: [String]) throws -> Int {
        let skeleton = poses.skeleton
        let index = Dictionary(skeleton.bodies.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let moved = try coordinates.map { c in
            guard poses.coordinates.contains(c), let joint = skeleton.joints.first(where: { $0.axes.contains { $0.coordinate == c } }),
                  let body = joint.child.body, let found = index[body] else {
                throw EstimationError("nmm's inverse dynamics: no joint of the model moves coordinate \(c)")
            }
            return found
        }
        return moved.max { poses.depths[$0] < poses.depths[$1] }!
    }
}
