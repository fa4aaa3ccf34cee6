import Foundation
import TestSupport
import Testing
import Musculoskeletal
import TensorEngine
@testable import Estimation

/// Seeded fuzzing of a saved model: mutated `model.json` bytes, and JSON-aware damage (numbers replaced by hostile
/// values, arrays cut, reversed or emptied, fields dropped) with and without the weights' digest of the description.
/// Every mutant must be refused with an ``EstimationError`` or predict a trial of S01 with finite values — never
/// crash, hang or throw another error. `NMM_FUZZ_SCALE=k` multiplies the number of inputs.
@Suite(.serialized) struct ModelFuzzTests {
    static let scale = Int(ProcessInfo.processInfo.environment["NMM_FUZZ_SCALE"] ?? "") ?? 1

    /// S01's trial01 assembled for r_elbow_flex, and an untrained model over its muscles (a fit is not needed to fuzz
    /// what is read back).
    struct Fixture {
        let subject: SubjectData
        let trial: EstimationTrial
        let json: [UInt8]
        let weightsWithDigest: Data
        let weightsWithoutDigest: Data

        init() throws {
            subject = try SubjectData.load(directory: SharedData.s01, trialNames: ["trial01"], coordinates: ["r_elbow_flex"])
            trial = try #require(subject.trials["trial01"])
            var configuration = NMMConfiguration()
            configuration.windowLength = 32
            let network = TransformerEncoder(configuration: TransformerConfiguration(
                inputSize: trial.featureLabels.count, modelSize: 16, heads: 2, feedForwardSize: 32, layers: 1,
                outputSize: subject.system.muscleNames.count, maxSequenceLength: 32), seed: 1)
            let model = NeuralMusculoskeletalModel(network: network, scaler: FeatureScaler(trials: [trial]), system: subject.system,
                                                   parameters: PersonalizedParameters(muscleCount: subject.system.muscleNames.count),
                                                   configuration: configuration, featureLabels: trial.featureLabels)
            model.coordinates = ["r_elbow_flex"]
            let snapshot = model.snapshot
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            json = Array(try encoder.encode(snapshot.description))
            weightsWithDigest = snapshot.weights
            weightsWithoutDigest = Data(network.weightFile.encoded())
        }

        /// Reads a mutant as `nmm predict` does and predicts trial01 with it; refusals are EstimationErrors.
        func read(_ json: [UInt8], weights: Data) throws {
            let snapshot = try NMMSnapshot(modelJSON: Data(json), weights: weights, folder: "fuzz")
            _ = try snapshot.trialInputs()
            let model = try NeuralMusculoskeletalModel(snapshot, system: subject.system)
            let prediction = try model.predict(trial)
            try prediction.validate(source: "fuzz")
        }
    }

    @Test(.needsSharedData)
    func mutatedModelJSONIsRefusedOrPredictsFiniteValues() throws {
        let fixture = try Fixture()
        try fixture.read(fixture.json, weights: fixture.weightsWithDigest)
        var mutator = Mutator(seed: 11)
        var accepted = 0
        for index in 0..<(600 * Self.scale) {
            let weights = index.isMultiple(of: 2) ? fixture.weightsWithDigest : fixture.weightsWithoutDigest
            let mutant = index.isMultiple(of: 3) ? mutator.mutant(of: fixture.json) : Self.damagedJSON(fixture.json, using: &mutator)
            do {
                try fixture.read(mutant, weights: weights)
                accepted += 1
            } catch let error as EstimationError {
                // Refused when read (the file named) or when run (a trial the model cannot read, or a prediction
                // that is not finite: checked before anything would be written).
                #expect(error.message.contains("fuzz/model.json") || error.message.contains("fuzz/network.nmmw")
                        || error.message.hasPrefix("trial ") || error.message.hasPrefix("fuzz: the prediction"), "\(error.message)")
            } catch {
                Issue.record("not an EstimationError: \(error)")
            }
        }
        #expect(accepted > 0)
    }

    /// Hostile values a number in model.json may be replaced with.
    static var hostileNumbers: [Any] { [-1, 0, 1, -64, 65, 1e300, -1e300, 1e19, 0.5, 4097, 1 << 31, Int.max, Int.min] }

    /// `json` with one JSON-aware mutation: a number replaced by a hostile value, an array cut, reversed, emptied or
    /// doubled, or a field dropped — at a random place of the document.
    static func damagedJSON(_ json: [UInt8], using mutator: inout Mutator) -> [UInt8] {
        guard var object = try? JSONSerialization.jsonObject(with: Data(json)) else { return json }
        var visits = 0
        let target = mutator.int(in: 0...400)
        func damage(_ value: inout Any) {
            visits += 1
            if var dictionary = value as? [String: Any] {
                for key in dictionary.keys.sorted() {
                    if visits == target, mutator.int(in: 0...3) == 0 { dictionary[key] = nil; break }
                    var child = dictionary[key]!
                    damage(&child)
                    dictionary[key] = child
                }
                value = dictionary
            } else if var array = value as? [Any] {
                if visits == target || mutator.int(in: 0...30) == 0 {
                    switch mutator.int(in: 0...3) {
                    case 0: array = Array(array.prefix(mutator.int(in: 0...max(array.count - 1, 0))))
                    case 1: array.reverse()
                    case 2: array = []
                    default: array += array
                    }
                } else {
                    for index in array.indices { damage(&array[index]) }
                }
                value = array
            } else if value is NSNumber, visits == target || mutator.int(in: 0...60) == 0 {
                value = hostileNumbers[mutator.int(in: 0...(hostileNumbers.count - 1))]
            }
        }
        damage(&object)
        return (try? Array(JSONSerialization.data(withJSONObject: object))) ?? json
    }
}
