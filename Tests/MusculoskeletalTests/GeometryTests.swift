import TestSupport
import BiomechIO
import Foundation
import Testing
@testable import Musculoskeletal

/// MuscleAnalysis geometry, its lengthening velocity, and the polynomial path fit on S01 (held-out trials).
@Suite(.needsSharedData)
struct GeometryTests {
    @Test func readsMuscleAnalysisFilesOfATrial() throws {
        let geometry = try MusculotendonGeometry.readMuscleAnalysis(directory: SharedData.s01Trial(1))
        #expect(geometry.muscles == ["TRIlong", "TRIlat", "TRImed", "BIClong", "BICshort", "BRA"])
        #expect(geometry.coordinates == ["r_elbow_flex", "r_shoulder_elev"])
        #expect(geometry.time.count == 1001)
        #expect(geometry.length[0][0] == 0.31633815)
        #expect(geometry.length[5][2] == 0.13134261)
        // Triceps extend the elbow (negative moment arm), the biceps flex it.
        #expect(geometry.momentArm[0][0].allSatisfy { $0 < 0 } && geometry.momentArm[0][3].allSatisfy { $0 > 0 })
    }

    @Test func missingMuscleIsAnInputErrorNamingTheFile() {
        #expect {
            _ = try MusculotendonGeometry.readMuscleAnalysis(directory: SharedData.s01Trial(1), muscles: ["BRA", "soleus"])
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.file.hasSuffix("MuscleAnalysis_Length.sto") && error.field == "soleus"
        }
    }

    @Test func lengtheningVelocityIsExactForQuartics() {
        let h = 0.01
        let length = (0..<40).map { k -> Double in let t = Double(k) * h; return 0.3 + 0.1 * t - 0.2 * t * t + 0.05 * pow(t, 3) - 0.3 * pow(t, 4) }
        let velocity = LengtheningVelocity.of(length, sampleInterval: h)
        for k in length.indices {
            let t = Double(k) * h
            #expect(abs(velocity[k] - (0.1 - 0.4 * t + 0.15 * t * t - 1.2 * pow(t, 3))) < 1e-11)
        }
    }

    @Test func leastSquaresRecoversAnExactFit() throws {
        let x = (0..<50).map { Double($0) / 10 }
        let columns = [x.map { _ in 1.0 }, x, x.map { $0 * $0 }]
        let rhs = x.map { 2 - 3 * $0 + 0.5 * $0 * $0 }
        let solution = try #require(LeastSquares.solve(columns: columns, rhs: rhs))
        #expect(abs(solution[0] - 2) < 1e-12 && abs(solution[1] + 3) < 1e-12 && abs(solution[2] - 0.5) < 1e-12)
        #expect(LeastSquares.solve(columns: [x, x.map { 2 * $0 }], rhs: rhs) == nil)
    }

    static func samples(_ trials: [Int]) throws -> [PathFitSample] {
        try trials.map { number in
            let directory = SharedData.s01Trial(number)
            let file = (directory as NSString).appendingPathComponent("ik.mot")
            return try PathFitSample(kinematics: StorageFile.read(file),
                                     geometry: MusculotendonGeometry.readMuscleAnalysis(directory: directory), kinematicsFile: file)
        }
    }

    /// Degree chosen on trials 07 and 09 after fitting 01 02 04 05, refitted on all six, scored on 03 06 08 10
    /// (angles from ik.mot, which carry 0.2° noise; MuscleAnalysis was computed on the noise-free motion).
    @Test func polynomialPathsPredictHeldOutTrials() throws {
        let (fitted, degrees) = PolynomialMusculotendonGeometry.fitSelectingDegree(
            training: try Self.samples([1, 2, 4, 5]), validation: try Self.samples([7, 9]))
        let errors = fitted.errors(on: try Self.samples([3, 6, 8, 10]))
        for muscle in fitted.paths.map(\.muscle) {
            let error = try #require(errors[muscle])
            print("path fit \(muscle): degree \(degrees[muscle] ?? 0), length RMSE \(error.lengthRMSE * 1000) mm, moment arm RMSE \(error.momentArmRMSE * 1000) mm")
            #expect(error.lengthRMSE < 0.5e-3)
            #expect(error.momentArmRMSE < 0.5e-3)
        }
        #expect(fitted.paths.first { $0.muscle == "BRA" }?.coordinates == ["r_elbow_flex"])
        #expect(fitted.paths.first { $0.muscle == "BIClong" }?.coordinates == ["r_elbow_flex", "r_shoulder_elev"])
    }

    @Test func fittedMomentArmsAreMinusTheLengthDerivative() throws {
        let fitted = PolynomialMusculotendonGeometry.fit(samples: try Self.samples([1, 8]), degree: 4)
        let path = try #require(fitted.paths.first { $0.muscle == "TRIlong" })
        let q = [1.1, 0.3]
        let arms = path.evaluate(q).momentArms
        for j in q.indices {
            var plus = q, minus = q
            plus[j] += 1e-6
            minus[j] -= 1e-6
            #expect(abs(arms[j] + (path.evaluate(plus).length - path.evaluate(minus).length) / 2e-6) < 1e-8)
        }
    }
}

/// Speeds-based lengthening velocity is the chain rule of the length, and motion files feed the fitted paths.
struct GeometryFromMotionTests {
    @Test func velocityFromSpeedsIsTheTimeDerivativeOfLength() {
        let time = (0..<200).map { Double($0) * 0.005 }
        let angles = [time.map { 0.25 + 0.1 * sin(2 * $0) }, time.map { 1.2 + 0.6 * sin(3 * $0) }]
        let speeds = [time.map { 0.2 * cos(2 * $0) }, time.map { 1.8 * cos(3 * $0) }]
        let geometry = Arm26.geometry.geometry(time: time, angles: angles)
        let fromSpeeds = geometry.lengtheningVelocity(speeds: speeds)
        let differentiated = geometry.lengtheningVelocity()
        for m in geometry.muscles.indices {
            for k in 2..<(time.count - 2) { #expect(abs(fromSpeeds[m][k] - differentiated[m][k]) < 1e-6) }
        }
    }

    @Test func motionFileWithoutACoordinateIsAnInputError() {
        let kinematics = TimeSeries(time: [0, 0.01], labels: ["r_elbow_flex"], columns: [[60, 61]], inDegrees: true)
        #expect(throws: InputError.self) { _ = try Arm26.geometry.geometry(kinematics: kinematics, file: "ik.mot") }
        let both = TimeSeries(time: [0, 0.01], labels: ["r_shoulder_elev", "r_elbow_flex"], columns: [[10, 11], [60, 61]], inDegrees: true)
        let fromFile = try? Arm26.geometry.geometry(kinematics: both, file: "ik.mot")
        let direct = Arm26.geometry.geometry(time: [0, 0.01], angles: [[10, 11].map { $0 * .pi / 180 }, [60, 61].map { $0 * .pi / 180 }])
        #expect(fromFile == direct)
    }
}
