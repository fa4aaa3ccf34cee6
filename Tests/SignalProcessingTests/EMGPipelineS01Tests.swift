import TestSupport
import BiomechIO
import Foundation
import SignalProcessing
import Testing

@Suite("EMG processing and joint derivatives on the OpenSim reference subject S01", .needsSharedData)
struct EMGPipelineS01Tests {
    static let trials = 1...10

    @Test("raw EMG of every trial, processed with one normaliser per channel, correlates with emg.sto at r >= 0.95")
    func envelopesMatchProcessedEMG() throws {
        let raws = try Self.trials.map { try StorageFile.read(SharedData.s01Trial($0, "emg_raw.sto")) }
        let processed = try Self.trials.map { try StorageFile.read(SharedData.s01Trial($0, "emg.sto")) }
        let result = try EMGPipeline().process(raws, onto: processed.map(\.time))
        let labels = processed[0].labels
        #expect(labels == ["TRIlong", "TRIlat", "BIClong", "BICshort"])
        #expect(result.envelopes.map(\.labels) == Array(repeating: labels, count: 10))
        #expect(result.envelopes.map(\.time) == processed.map(\.time))
        var report = [String]()
        for label in labels {
            let ours = result.envelopes.flatMap { $0.column(label) ?? [] }
            let theirs = processed.flatMap { $0.column(label) ?? [] }
            let r = pearson(ours, theirs)
            report.append("\(label) r=\(String(format: "%.4f", r))")
            #expect(r >= 0.95, "\(label): r = \(r)")
            // One value per channel for the whole subject: the peak is 1 in exactly one trial, not in each.
            #expect(abs((ours.max() ?? 0) - 1) < 1e-12)
            #expect(ours.allSatisfy { $0 >= 0 })
        }
        print("EMG pipeline vs emg.sto over 10 trials: " + report.joined(separator: ", "))
        print("normalisers (mV): \(labels.map { "\($0)=\(String(format: "%.4f", result.normalizers[$0] ?? .nan))" }.joined(separator: ", "))")
    }

    @Test("two synergies (flexors and extensors) account for the S01 envelopes, one does not")
    func synergiesOfS01() throws {
        let processed = try Self.trials.map { try StorageFile.read(SharedData.s01Trial($0, "emg.sto")) }
        let channels = processed[0].labels.map { label in processed.flatMap { $0.column(label) ?? [] } }
        let data = channels.map { $0.map { max($0, 0) } }
        // Ranks 1 and 2 only: rank 3 takes ~1800 sweeps, too slow for a debug-build test (measured VAF 0.995).
        let factorizations = try (1...2).map { try NonnegativeMatrixFactorization(data, rank: $0, seed: 1, replicates: 1) }
        let vafs = factorizations.map(\.varianceAccountedFor)
        print("S01 emg.sto synergies, VAF by rank 1-2: \(vafs.map { String(format: "%.4f", $0) }), iterations \(factorizations.map(\.iterations))")
        #expect(vafs[0] > 0.5 && vafs[0] < 0.8, "one synergy cannot hold both flexors and extensors")
        #expect(vafs[1] > 0.95, "flexors and extensors: two synergies")
    }

    @Test("q-dot and q-ddot from ik.mot (degrees) agree with truth_kinematics.sto")
    func kinematicDerivativesOnS01() throws {
        let coordinates = ["r_shoulder_elev", "r_elbow_flex"]
        var errors = [String: (velocity: [Double], acceleration: [Double], rawAcceleration: [Double])]()
        var truthScale = [String: (velocity: Double, acceleration: Double)]()
        for trial in Self.trials {
            let ik = try StorageFile.read(SharedData.s01Trial(trial, "ik.mot"))
            let truth = try StorageFile.read(SharedData.s01Trial(trial, "truth_kinematics.sto"))
            #expect(ik.inDegrees && !truth.inDegrees)
            #expect(ik.time == truth.time)
            let derivatives = try KinematicDerivatives().apply(to: ik)
            let rate = try #require(ik.sampleRate)
            for name in coordinates {
                let velocity = try #require(derivatives.velocity.column(name))
                let acceleration = try #require(derivatives.acceleration.column(name))
                let trueVelocity = try #require(truth.column(name + "_u"))
                let trueAcceleration = try #require(truth.column(name + "_udot"))
                // Differentiating without the low-pass, to show what the filter buys.
                let radians = try #require(ik.inRadians().column(name))
                let raw = centralDifference(centralDifference(radians, sampleRate: rate), sampleRate: rate)
                var entry = errors[name] ?? ([], [], [])
                entry.velocity += zip(velocity, trueVelocity).map { $0 - $1 }
                entry.acceleration += zip(acceleration, trueAcceleration).map { $0 - $1 }
                entry.rawAcceleration += zip(raw, trueAcceleration).map { $0 - $1 }
                errors[name] = entry
                let scale = truthScale[name] ?? (0, 0)
                truthScale[name] = (max(scale.velocity, trueVelocity.map(abs).max() ?? 0),
                                    max(scale.acceleration, trueAcceleration.map(abs).max() ?? 0))
            }
        }
        for name in coordinates {
            let entry = try #require(errors[name])
            let zeros = Array(repeating: 0.0, count: entry.velocity.count)
            let velocityRMSE = rootMeanSquareError(entry.velocity, zeros)
            let accelerationRMSE = rootMeanSquareError(entry.acceleration, zeros)
            let rawRMSE = rootMeanSquareError(entry.rawAcceleration, zeros)
            let scale = try #require(truthScale[name])
            print(String(format: "%@: q-dot RMSE %.4f rad/s (peak %.2f), q-ddot RMSE %.3f rad/s^2 (peak %.2f; unfiltered %.1f)",
                         name, velocityRMSE, scale.velocity, accelerationRMSE, scale.acceleration, rawRMSE))
            #expect(velocityRMSE < 0.04, "\(name) q-dot RMSE \(velocityRMSE) rad/s")
            #expect(accelerationRMSE < 1.3, "\(name) q-ddot RMSE \(accelerationRMSE) rad/s^2")
            #expect(accelerationRMSE * 10 < rawRMSE, "the low-pass should cut the q-ddot error tenfold")
        }
    }
}
