import Foundation

extension TransformerEncoder {
    /// The configuration and every parameter, as an nmm weight file holds them (see `WeightFile`).
    public var weightFile: WeightFile {
        WeightFile(metadata: [("model", 1)] + configuration.metadata,
                   tensors: namedParameters.map { ($0.name, $0.tensor.shape, $0.tensor.scalars) })
    }

    /// Saves the configuration and every parameter as an nmm weight file.
    public func save(to url: URL) throws {
        try weightFile.write(to: url)
    }

    /// A model built from a weight file's configuration and weights.
    public static func load(from url: URL) throws -> TransformerEncoder {
        try load(from: WeightFile(contentsOf: url), path: url.path)
    }

    /// A model built from the configuration and weights of `file`, read from `path` (which only labels errors).
    public static func load(from file: WeightFile, path: String) throws -> TransformerEncoder {
        let configuration = try TransformerEncoder.configuration(in: file, path: path)
        let model = TransformerEncoder(configuration: configuration, seed: 0)
        try model.assignWeights(from: file, path: path)
        return model
    }

    /// Overwrites this model's weights with a file's; the file's configuration must equal this model's.
    public func loadWeights(from url: URL) throws {
        let file = try WeightFile(contentsOf: url)
        let stored = try TransformerEncoder.configuration(in: file, path: url.path)
        guard stored == configuration else {
            throw WeightFileError(path: url.path, problem: "holds a model with \(stored), but this model has \(configuration)")
        }
        try assignWeights(from: file, path: url.path)
    }

    private static func configuration(in file: WeightFile, path: String) throws -> TransformerConfiguration {
        var values: [String: Int] = [:]
        for entry in file.metadata { values[entry.key] = Int(entry.value) }
        guard values["model"] == 1 else {
            throw WeightFileError(path: path, problem: "does not hold a TransformerEncoder (metadata \"model\" is not 1)")
        }
        let keys = ["inputSize", "modelSize", "heads", "feedForwardSize", "layers", "outputSize", "maxSequenceLength"]
        var sizes: [Int] = []
        for key in keys {
            guard let value = values[key], value > 0 else {
                throw WeightFileError(path: path, problem: "lacks a positive \"\(key)\" in its metadata")
            }
            sizes.append(value)
        }
        guard sizes[1] % sizes[2] == 0, sizes[1] % 2 == 0 else {
            throw WeightFileError(path: path, problem: "has modelSize \(sizes[1]) that is odd or not divisible by heads \(sizes[2])")
        }
        return TransformerConfiguration(inputSize: sizes[0], modelSize: sizes[1], heads: sizes[2], feedForwardSize: sizes[3],
                                        layers: sizes[4], outputSize: sizes[5], maxSequenceLength: sizes[6])
    }

    private func assignWeights(from file: WeightFile, path: String) throws {
        let expected = namedParameters
        guard file.tensors.count == expected.count else {
            throw WeightFileError(path: path, problem: "holds \(file.tensors.count) tensors; the model has \(expected.count)")
        }
        for (stored, parameter) in zip(file.tensors, expected) {
            guard stored.name == parameter.name, stored.shape == parameter.tensor.shape else {
                throw WeightFileError(path: path, problem: "holds tensor \(stored.name) \(stored.shape) where the model has \(parameter.name) \(parameter.tensor.shape)")
            }
        }
        for (stored, parameter) in zip(file.tensors, expected) { parameter.tensor.assign(stored.values) }
    }
}
