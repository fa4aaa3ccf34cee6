import TestSupport
import Foundation
import Testing
import TensorEngine

/// Damaged saved models for `nmm predict`: a `model.json` whose lengths, sizes or numbers cannot be used, one that is
/// not the one its weights were saved with, and weight files that are truncated, corrupt or (with a valid checksum)
/// ask for a network nmm will not build. Each is an error naming the file, with nothing written.
@Suite(.timeLimit(.minutes(5)))
struct HostileModelTests {
    /// One model fitted (20 steps) on S01 for every case, in a folder kept for the test run.
    static let fitted: URL? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-hostile-model-\(UUID().uuidString)")
        let result = try? NMMExecutable.run([
            "fit", TestFiles.s01, "--method", "nmm", "--measured", "BIClong,BICshort,TRIlong,TRIlat", "--train", "trial01,trial02",
            "--test", "trial03", "--coordinates", "r_elbow_flex", "--steps", "20", "--output", folder.path])
        return result?.exited(with: 0) == true ? folder.appendingPathComponent("model") : nil
    }()

    /// `nmm predict` with a copy of the fitted model whose model.json `edit` changes.
    static func json(_ name: String, message: String, _ edit: @escaping @Sendable (inout [String: Any]) -> Void) -> HostileCase {
        model(name, message: message) { folder in
            let url = folder.appendingPathComponent("model.json")
            var object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
            edit(&object)
            try JSONSerialization.data(withJSONObject: object).write(to: url)
        }
    }

    /// `nmm predict` with a copy of the fitted model whose weight file `edit` changes (and re-encodes, checksum valid).
    static func weights(_ name: String, message: String, _ edit: @escaping @Sendable (inout WeightFile) -> Void) -> HostileCase {
        model(name, message: message) { folder in
            let url = folder.appendingPathComponent("network.nmmw")
            var file = try WeightFile(contentsOf: url)
            edit(&file)
            try Data(file.encoded()).write(to: url)
        }
    }

    /// `nmm predict` with a copy of the fitted model that `damage` changes, into Output/predicted.
    static func model(_ name: String, message: String, _ damage: @escaping @Sendable (URL) throws -> Void) -> HostileCase {
        HostileCase(name: "predict: \(name)", plant: { project in
            let model = project.appendingPathComponent("model")
            try FileManager.default.copyItem(at: try #require(fitted, "the model could not be fitted"), to: model)
            try damage(model)
        }, arguments: { project in
            ["predict", project.appendingPathComponent("model").path, TestFiles.s01, "--trials", "trial03",
             "--output", project.appendingPathComponent("Output/predicted").path]
        }, status: 1, message: message)
    }

    /// Sets metadata `key` of `file` to `value`.
    static func set(_ file: inout WeightFile, _ key: String, _ value: Int64) {
        file.metadata = file.metadata.map { entry in entry.key == key ? (key: key, value: value) : entry }
    }

    static func nested(_ object: inout [String: Any], _ key: String, _ field: String, _ value: Any) {
        var inner = object[key] as? [String: Any] ?? [:]
        inner[field] = value
        object[key] = inner
    }

    static let modelJSON: [HostileCase] = [
        json("theta cut to 3 values", message: "field 'parameters' has muscleCount 6 and 3 values of theta; 6 muscles need 21") { object in
            var parameters = object["parameters"] as? [String: Any] ?? [:]
            parameters["theta"] = Array((parameters["theta"] as? [Double] ?? []).prefix(3))
            object["parameters"] = parameters
        },
        json("scaler mean cut to 3 values", message: "field 'scaler' has 3 means and") { object in
            var scaler = object["scaler"] as? [String: Any] ?? [:]
            scaler["mean"] = Array((scaler["mean"] as? [Double] ?? []).prefix(3))
            object["scaler"] = scaler
        },
        json("a standard deviation of 0", message: "field 'scaler.standardDeviation' holds a value that is not a positive finite number") { object in
            var scaler = object["scaler"] as? [String: Any] ?? [:]
            var sd = scaler["standardDeviation"] as? [Double] ?? []
            sd[0] = 0
            scaler["standardDeviation"] = sd
            object["scaler"] = scaler
        },
        json("a negative standard deviation", message: "field 'scaler.standardDeviation' holds a value that is not a positive") { object in
            var scaler = object["scaler"] as? [String: Any] ?? [:]
            scaler["standardDeviation"] = (scaler["standardDeviation"] as? [Double] ?? []).map { -$0 }
            object["scaler"] = scaler
        },
        json("windowLength -64", message: "field 'configuration.windowLength' is -64; expected 1 to 4096 frames") {
            nested(&$0, "configuration", "windowLength", -64)
        },
        json("windowLength 0", message: "field 'configuration.windowLength' is 0") { nested(&$0, "configuration", "windowLength", 0) },
        json("windowLength 10^9", message: "field 'configuration.windowLength' is 1000000000") {
            nested(&$0, "configuration", "windowLength", 1_000_000_000)
        },
        json("sampleRate -1e300", message: "field 'sampleRate' is -1e+300; expected a rate from 1 to 10000 Hz") { $0["sampleRate"] = -1e300 },
        json("sampleRate 1e7", message: "field 'sampleRate' is 10000000.0") { $0["sampleRate"] = 1e7 },
        json("sampleRate 0", message: "field 'sampleRate' is 0.0") { $0["sampleRate"] = 0 },
        json("muscles reversed", message: "is not the model.json that") { $0["muscles"] = ($0["muscles"] as? [String] ?? []).reversed() as [String] },
        json("two muscles swapped", message: "is not the model.json that") { object in
            var muscles = object["muscles"] as? [String] ?? []
            muscles.swapAt(0, 1)
            object["muscles"] = muscles
        },
        json("features reversed", message: "trial03/load.sto: no column") {
            $0["featureLabels"] = ($0["featureLabels"] as? [String] ?? []).reversed() as [String]
        },
        json("coordinates renamed", message: "is not the model.json that") { $0["coordinates"] = ["r_shoulder_elev"] },
        json("a learning rate of -1e30", message: "is not the model.json that") { nested(&$0, "configuration", "networkLearningRate", -1e30) },
        json("a muscle named twice", message: "field 'muscles' names an entry twice or an empty one") { object in
            var muscles = object["muscles"] as? [String] ?? []
            muscles[1] = muscles[0]
            object["muscles"] = muscles
        },
        json("no muscles", message: "field 'muscles' names 0 entries") { $0["muscles"] = [String]() },
        json("an empty feature name", message: "field 'featureLabels' names an entry twice or an empty one") { object in
            var labels = object["featureLabels"] as? [String] ?? []
            labels[0] = ""
            object["featureLabels"] = labels
        },
        json("version 2", message: "field 'version' is 2; this nmm reads version 1") { $0["version"] = 2 },
        json("muscleCount 7", message: "field 'parameters' has muscleCount 7") { nested(&$0, "parameters", "muscleCount", 7) },
        json("bounds upside down", message: "field 'parameters.bounds.maxIsometricForce' must have 0 ≤ lower < upper") { object in
            var parameters = object["parameters"] as? [String: Any] ?? [:]
            var bounds = parameters["bounds"] as? [String: Any] ?? [:]
            bounds["maxIsometricForce"] = ["lower": 2, "upper": 0.5]
            parameters["bounds"] = bounds
            object["parameters"] = parameters
        },
        json("a negative recruitment gain", message: "field 'recruitmentGains' gives 'BRA' the gain -2.0") { $0["recruitmentGains"] = ["BRA": -2] },
        json("a gain for an unknown muscle", message: "field 'recruitmentGains' gives 'XYZ'") { $0["recruitmentGains"] = ["XYZ": 1] },
        json("a recruitment exponent of 40", message: "field 'recruitmentExponent' is 40.0; expected a recruitment exponent from 0.25 to 2.0") {
            $0["recruitmentExponent"] = 40
        },
        json("no muscles field", message: "no field 'muscles'") { $0["muscles"] = nil },
        json("muscles is a number", message: "field 'muscles'") { $0["muscles"] = 5 },
        json("theta holds text", message: "field 'parameters.theta") { nested(&$0, "parameters", "theta", ["x"]) },
        model("model.json is not JSON", message: "not a saved nmm model") { try Data("{not json".utf8).write(to: $0.appendingPathComponent("model.json")) },
        model("model.json is empty", message: "not a saved nmm model") { try Data().write(to: $0.appendingPathComponent("model.json")) },
        model("no network.nmmw", message: "not a saved nmm model: expected model.json and network.nmmw") {
            try FileManager.default.removeItem(at: $0.appendingPathComponent("network.nmmw"))
        },
    ]

    static let weightFiles: [HostileCase] = [
        model("weights cut in half", message: "network.nmmw is") { folder in
            let url = folder.appendingPathComponent("network.nmmw")
            let bytes = try Data(contentsOf: url)
            try bytes.prefix(bytes.count / 2).write(to: url)
        },
        model("weights empty", message: "network.nmmw is not an nmm weight file") { try Data().write(to: $0.appendingPathComponent("network.nmmw")) },
        model("a flipped byte", message: "network.nmmw is corrupt: CRC-32") { folder in
            let url = folder.appendingPathComponent("network.nmmw")
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count / 2] ^= 0x10
            try bytes.write(to: url)
        },
        weights("modelSize 64000 with a valid checksum", message: "has modelSize 64000 in its metadata; nmm reads at most 4096") { file in
            set(&file, "modelSize", 64000)
        },
        weights("layers 64", message: "declares a network of at least") { file in
            set(&file, "layers", 64)
        },
        weights("heads 3", message: "has modelSize 64 that is odd or not divisible by heads 3") { file in
            set(&file, "heads", 3)
        },
        weights("a negative inputSize", message: "lacks a positive \"inputSize\"") { file in
            set(&file, "inputSize", -7)
        },
        weights("a position table of 2^31 frames", message: "has maxSequenceLength 2147483648 in its metadata") { file in
            set(&file, "maxSequenceLength", 1 << 31)
        },
        weights("a nan weight", message: "that is not a finite number") { file in
            file.tensors[0].values[0] = .nan
        },
        weights("an infinite weight", message: "that is not a finite number") { file in
            file.tensors[2].values[1] = -.infinity
        },
        weights("a tensor missing", message: "tensors; the model has") { file in _ = file.tensors.removeLast() },
        weights("another model's digest", message: "is not the model.json that") { file in
            file.metadata = file.metadata.map { entry in
                entry.key == "descriptionDigest" ? (key: entry.key, value: entry.value &+ 1) : entry
            }
        },
        weights("fewer outputs than muscles", message: "inputs, 5 outputs and windows up to") { file in
            set(&file, "outputSize", 5)
            if let head = file.tensors.firstIndex(where: { $0.name == "outputHead.weight" }) {
                file.tensors[head].shape[1] = 5
                file.tensors[head].values = Array(file.tensors[head].values.prefix(file.tensors[head].shape.reduce(1, *)))
            }
            if let bias = file.tensors.firstIndex(where: { $0.name == "outputHead.bias" }) {
                file.tensors[bias].shape = [5]
                file.tensors[bias].values = Array(file.tensors[bias].values.prefix(5))
            }
        },
    ]

    @Test(.needsSharedData, arguments: modelJSON)
    func modelJSONFailCleanly(_ hostile: HostileCase) throws { try hostile.check() }

    @Test(.needsSharedData, arguments: weightFiles)
    func weightFilesFailCleanly(_ hostile: HostileCase) throws { try hostile.check() }
}
