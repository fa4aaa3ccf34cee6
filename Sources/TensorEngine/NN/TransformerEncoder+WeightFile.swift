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
        var values: [String: Int64] = [:]
        for entry in file.metadata { values[entry.key] = entry.value }
        guard values["model"] == 1 else {
            throw WeightFileError(path: path, problem: "does not hold a TransformerEncoder (metadata \"model\" is not 1)")
        }
        // Sizes are bounded before the model is built from them: a file with a valid checksum may still ask for
        // a network of gigabytes.
        let limits: [(key: String, limit: Int64)] = [("inputSize", 4096), ("modelSize", 4096), ("heads", 256), ("feedForwardSize", 16384),
                                                     ("layers", 64), ("outputSize", 4096), ("maxSequenceLength", 65536)]
        var sizes: [Int] = []
        for (key, limit) in limits {
            guard let value = values[key], value > 0 else {
                throw WeightFileError(path: path, problem: "lacks a positive \"\(key)\" in its metadata")
            }
            guard value <= limit else {
                throw WeightFileError(path: path, problem: "has \(key) \(value) in its metadata; nmm reads at most \(limit)")
            }
            sizes.append(Int(value))
        }
        guard sizes[1] % sizes[2] == 0, sizes[1] % 2 == 0 else {
            throw WeightFileError(path: path, problem: "has modelSize \(sizes[1]) that is odd or not divisible by heads \(sizes[2])")
        }
        // Every layer's attention and feed-forward matrices alone need this many weights; a file holding fewer
        // values cannot be this model, and is refused before a network of that size is allocated.
        let (d, f) = (sizes[1], sizes[3])
        let matrices = sizes[4] * (4 * d * d + 2 * d * f) + sizes[0] * d + d * sizes[5]
        let stored = file.tensors.reduce(0) { $0 + $1.values.count }
        guard matrices <= stored else {
            throw WeightFileError(path: path, problem: "declares a network of at least \(matrices) weights but holds \(stored)")
        }
        guard sizes[6] * d <= 1 << 24 else {  // the constant position table, not stored in the file
            throw WeightFileError(path: path, problem: "declares a position table of \(sizes[6]) × \(d) values; nmm builds at most \(1 << 24)")
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
            guard stored.values.allSatisfy(\.isFinite) else {
                throw WeightFileError(path: path, problem: "holds a weight of tensor \(stored.name) that is not a finite number")
            }
        }
        for (stored, parameter) in zip(file.tensors, expected) { parameter.tensor.assign(stored.values) }
    }
}
