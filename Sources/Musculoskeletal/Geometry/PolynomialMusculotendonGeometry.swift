import BiomechIO

/// Joint angles and the MuscleAnalysis geometry sampled at the same instants: one trial of path-fitting data.
public struct PathFitSample: Sendable {
    /// Joint angles (rad), `angles[coordinate][frame]`, in the order of `geometry.coordinates`.
    public var angles: [[Double]]
    /// The lengths and moment arms at those angles.
    public var geometry: MusculotendonGeometry

    /// Pairs a trial's kinematics (e.g. ik.mot) with its MuscleAnalysis geometry. Angles are taken in radians
    /// (converted when the file says degrees). Throws `InputError` naming `kinematicsFile` when a coordinate
    /// column is missing or the frames do not line up with the geometry's.
    public init(kinematics: TimeSeries, geometry: MusculotendonGeometry, kinematicsFile: String) throws {
        let radians = kinematics.inRadians()
        guard radians.time.count == geometry.time.count,
              zip(radians.time, geometry.time).allSatisfy({ abs($0 - $1) < 1e-6 }) else {
            throw InputError(file: kinematicsFile, message: "expected the \(geometry.time.count) sample times of the MuscleAnalysis files")
        }
        self.angles = try geometry.coordinates.map { coordinate in
            guard let column = radians.column(coordinate) else {
                throw InputError(file: kinematicsFile, field: coordinate, message: "expected a column for coordinate '\(coordinate)'")
            }
            return column
        }
        self.geometry = geometry
    }

    /// Pairs angles and geometry that already share frames and coordinate order.
    public init(angles: [[Double]], geometry: MusculotendonGeometry) {
        precondition(angles.count == geometry.coordinates.count && angles.allSatisfy { $0.count == geometry.time.count },
                     "angles must be [coordinate][frame] in the geometry's coordinate order")
        self.angles = angles
        self.geometry = geometry
    }
}

/// Root-mean-square errors of a fitted path against MuscleAnalysis geometry.
public struct PathFitError: Sendable, Equatable, Codable {
    /// RMSE of musculotendon length (m).
    public var lengthRMSE: Double
    /// RMSE of the moment arms (m), over every spanned coordinate.
    public var momentArmRMSE: Double
}

/// Musculotendon geometry as smooth functions of the joint angles (one ``MusclePathPolynomial`` per muscle),
/// fitted to MuscleAnalysis output by least squares on lengths and moment arms jointly; predicts lengths and
/// moment arms for new motions without OpenSim.
public struct PolynomialMusculotendonGeometry: Sendable, Equatable, Codable {
    /// All coordinates, the order of angles given to `geometry(time:angles:)`.
    public var coordinates: [String]
    /// One path per muscle.
    public var paths: [MusclePathPolynomial]

    /// A muscle spans a coordinate when its moment arm about it exceeds this anywhere in the data (m).
    public static let spanThreshold = 1e-5

    /// Fits each muscle's polynomial of total degree `degree` (a muscle-to-degree map overrides it per muscle).
    /// Rows are lengths and moment arms (both in m, equally weighted), so r = −∂l/∂q holds by construction.
    public static func fit(samples: [PathFitSample], degree: Int, degrees: [String: Int] = [:]) -> PolynomialMusculotendonGeometry {
        precondition(!samples.isEmpty, "path fitting needs at least one trial")
        let reference = samples[0].geometry
        let allAngles = reference.coordinates.indices.map { c in samples.flatMap { $0.angles[c] } }
        let paths = reference.muscles.indices.map { m -> MusclePathPolynomial in
            let spanned = reference.coordinates.indices.filter { c in
                samples.contains { $0.geometry.momentArm[c][m].contains { abs($0) > spanThreshold } }
            }
            let low = spanned.map { allAngles[$0].min() ?? 0 }, high = spanned.map { allAngles[$0].max() ?? 0 }
            var path = MusclePathPolynomial(
                muscle: reference.muscles[m], coordinates: spanned.map { reference.coordinates[$0] },
                center: zip(low, high).map { ($0 + $1) / 2 }, scale: zip(low, high).map { max(($1 - $0) / 2, 1e-3) },
                exponents: MusclePathPolynomial.terms(variables: spanned.count, degree: degrees[reference.muscles[m]] ?? degree),
                coefficients: [])
            var columns = [[Double]](repeating: [], count: path.exponents.count)
            var rhs: [Double] = []
            for sample in samples {
                for k in sample.geometry.time.indices {
                    let z = spanned.indices.map { (sample.angles[spanned[$0]][k] - path.center[$0]) / path.scale[$0] }
                    let (values, derivatives) = path.basis(z)
                    for t in columns.indices { columns[t].append(values[t]) }
                    rhs.append(sample.geometry.length[m][k])
                    for (j, c) in spanned.enumerated() {
                        for t in columns.indices { columns[t].append(-derivatives[j][t]) }
                        rhs.append(sample.geometry.momentArm[c][m][k])
                    }
                }
            }
            path.coefficients = LeastSquares.solve(columns: columns, rhs: rhs) ?? fallbackConstant(rhs: rhs, terms: columns.count)
            return path
        }
        return PolynomialMusculotendonGeometry(coordinates: reference.coordinates, paths: paths)
    }

    /// A constant path (mean length) when the data cannot determine the polynomial (too few distinct poses).
    private static func fallbackConstant(rhs: [Double], terms: Int) -> [Double] {
        [rhs.reduce(0, +) / Double(max(rhs.count, 1))] + [Double](repeating: 0, count: max(terms - 1, 0))
    }

    /// Fits every degree in `degrees` on `training` and keeps, per muscle, the one with the smallest combined
    /// length + moment-arm RMSE on `validation` (held-out trials), then refits on training + validation.
    public static func fitSelectingDegree(training: [PathFitSample], validation: [PathFitSample],
                                          degrees: ClosedRange<Int> = 1...7) -> (geometry: PolynomialMusculotendonGeometry, degrees: [String: Int]) {
        var best: [String: (degree: Int, error: Double)] = [:]
        for degree in degrees {
            let candidate = fit(samples: training, degree: degree)
            for (muscle, error) in candidate.errors(on: validation) {
                let combined = (error.lengthRMSE * error.lengthRMSE + error.momentArmRMSE * error.momentArmRMSE).squareRoot()
                if combined < best[muscle]?.error ?? .infinity { best[muscle] = (degree, combined) }
            }
        }
        let chosen = best.mapValues(\.degree)
        return (fit(samples: training + validation, degree: degrees.lowerBound, degrees: chosen), chosen)
    }

    /// Lengths and moment arms predicted at `angles[coordinate][frame]` (rad, order of `coordinates`).
    public func geometry(time: [Double], angles: [[Double]]) -> MusculotendonGeometry {
        precondition(angles.count == coordinates.count && angles.allSatisfy { $0.count == time.count },
                     "angles must be [coordinate][frame] in the order of `coordinates`")
        var length = [[Double]](repeating: [Double](repeating: 0, count: time.count), count: paths.count)
        var momentArm = [[[Double]]](repeating: length, count: coordinates.count)
        for (m, path) in paths.enumerated() {
            let indices = path.coordinates.compactMap { coordinates.firstIndex(of: $0) }
            precondition(indices.count == path.coordinates.count, "\(path.muscle) spans a coordinate the geometry lacks")
            for k in time.indices {
                let (l, arms) = path.evaluate(indices.map { angles[$0][k] })
                length[m][k] = l
                for (j, c) in indices.enumerated() { momentArm[c][m][k] = arms[j] }
            }
        }
        return MusculotendonGeometry(time: time, muscles: paths.map(\.muscle), coordinates: coordinates, length: length, momentArm: momentArm)
    }

    /// Lengths and moment arms along a motion file's angles (e.g. ik.mot; converted to radians when it says
    /// degrees). Throws `InputError` naming `file` when a coordinate column is missing.
    public func geometry(kinematics: TimeSeries, file: String) throws -> MusculotendonGeometry {
        let radians = kinematics.inRadians()
        let angles = try coordinates.map { coordinate in
            guard let column = radians.column(coordinate) else {
                throw InputError(file: file, field: coordinate, message: "expected a column for coordinate '\(coordinate)'")
            }
            return column
        }
        return geometry(time: radians.time, angles: angles)
    }

    /// Per-muscle RMSE of predicted lengths and of moment arms (about the coordinates each muscle spans) against `samples`.
    public func errors(on samples: [PathFitSample]) -> [String: PathFitError] {
        var sums = [(length: Double, arm: Double, frames: Int, arms: Int)](repeating: (0, 0, 0, 0), count: paths.count)
        for sample in samples {
            let predicted = geometry(time: sample.geometry.time, angles: sample.angles)
            for m in paths.indices {
                for k in sample.geometry.time.indices {
                    sums[m].length += pow2(predicted.length[m][k] - sample.geometry.length[m][k])
                    sums[m].frames += 1
                    for name in paths[m].coordinates {
                        guard let c = coordinates.firstIndex(of: name) else { continue }
                        sums[m].arm += pow2(predicted.momentArm[c][m][k] - sample.geometry.momentArm[c][m][k])
                        sums[m].arms += 1
                    }
                }
            }
        }
        return Dictionary(uniqueKeysWithValues: paths.indices.map { m in
            (paths[m].muscle, PathFitError(lengthRMSE: (sums[m].length / Double(max(sums[m].frames, 1))).squareRoot(),
                                           momentArmRMSE: (sums[m].arm / Double(max(sums[m].arms, 1))).squareRoot()))
        })
    }
}

private func pow2(_ x: Double) -> Double { x * x }
