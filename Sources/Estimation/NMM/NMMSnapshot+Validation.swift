import Foundation
import TensorEngine

/// What a saved model may hold. `model.json` and a cached fit come from disk, so every count, size and number is
/// checked here, before anything is allocated or indexed by it.
extension NMMSnapshot {
    /// The most muscles, features or coordinates a saved model may name.
    static let maximumNames = 4096
    /// The longest window (frames) a saved model may use.
    static let maximumWindowLength = 4096
    /// The weight-file metadata key holding ``NeuralMusculoskeletalModel/Description/digest`` of the `model.json` it
    /// was saved with, so that a `model.json` changed or swapped after saving is refused instead of mislabelling.
    static let descriptionDigestKey = "descriptionDigest"

    /// Throws an ``EstimationError`` naming `model.json` (or `network.nmmw`) and the field when the model is not one
    /// nmm can run: ``validateFields()``, and a `model.json` that is not the one its weights were saved with.
    public func validate() throws {
        try validateFields()
        try checkDigest()
    }

    /// Throws an ``EstimationError`` naming `model.json` and the field when its values cannot be used: lengths that
    /// disagree with the muscle and feature counts, a window or sample rate out of range, numbers that are not
    /// finite, a standard deviation that is not positive. Checked before a subject is loaded for the model.
    func validateFields() throws {
        let d = description
        func fail(_ field: String, _ problem: String) -> EstimationError {
            EstimationError("\(label("model.json")): field '\(field)' \(problem)")
        }
        guard d.version == 1 else { throw fail("version", "is \(d.version); this nmm reads version 1") }
        try Self.checkNames(d.muscles, field: "muscles", fail)
        try Self.checkNames(d.featureLabels, field: "featureLabels", fail)
        if let coordinates = d.coordinates { try Self.checkNames(coordinates, field: "coordinates", fail) }
        let features = d.featureLabels.count, muscles = d.muscles.count
        guard d.scaler.mean.count == features, d.scaler.standardDeviation.count == features else {
            throw fail("scaler", "has \(d.scaler.mean.count) means and \(d.scaler.standardDeviation.count) standard deviations for \(features) features")
        }
        guard d.scaler.mean.allSatisfy(\.isFinite) else { throw fail("scaler.mean", "holds a value that is not a finite number") }
        guard d.scaler.standardDeviation.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw fail("scaler.standardDeviation", "holds a value that is not a positive finite number")
        }
        guard d.parameters.muscleCount == muscles, d.parameters.theta.count == 3 * muscles + 3 else {
            throw fail("parameters", "has muscleCount \(d.parameters.muscleCount) and \(d.parameters.theta.count) values of theta; "
                + "\(muscles) muscles need \(3 * muscles + 3)")
        }
        guard d.parameters.theta.allSatisfy(\.isFinite) else { throw fail("parameters.theta", "holds a value that is not a finite number") }
        let bounds = d.parameters.bounds
        for (name, bound) in [("maxIsometricForce", bounds.maxIsometricForce), ("optimalFiberLength", bounds.optimalFiberLength),
                              ("tendonSlackLength", bounds.tendonSlackLength), ("timeConstant", bounds.timeConstant),
                              ("electromechanicalDelay", bounds.electromechanicalDelay)]
            where !(bound.lower.isFinite && bound.upper.isFinite && bound.lower < bound.upper && bound.lower >= 0) {
            throw fail("parameters.bounds.\(name)", "must have 0 ≤ lower < upper, both finite; found \(bound.lower) and \(bound.upper)")
        }
        guard (1...Self.maximumWindowLength).contains(d.configuration.windowLength) else {
            throw fail("configuration.windowLength", "is \(d.configuration.windowLength); expected 1 to \(Self.maximumWindowLength) frames")
        }
        if let rate = d.sampleRate, !(rate.isFinite && TrialAssembly.sampleRates.contains(rate)) {
            throw fail("sampleRate", "is \(rate); expected a rate from \(Int(TrialAssembly.sampleRates.lowerBound)) to \(Int(TrialAssembly.sampleRates.upperBound)) Hz")
        }
        if let q = d.recruitmentExponent, !AgonistPrior.exponentBounds.contains(q) {
            throw fail("recruitmentExponent", "is \(q); expected a recruitment exponent from \(AgonistPrior.exponentBounds.lower) to \(AgonistPrior.exponentBounds.upper)")
        }
        for (muscle, gain) in d.recruitmentGains ?? [:] where !d.muscles.contains(muscle) || !(gain.isFinite && gain > 0) {
            throw fail("recruitmentGains", "gives '\(muscle)' the gain \(gain); expected positive gains of the model's muscles")
        }
        let channels = Set((d.measured ?? [:]).values)
        for (channel, gain) in d.emgGains ?? [:] where !channels.contains(channel) || !(gain.isFinite && gain > 0) {
            throw fail("emgGains", "gives '\(channel)' the gain \(gain); expected positive gains of the measured EMG channels")
        }
        for (channel, level) in d.emgLevels ?? [:] where !channels.contains(channel) || !(level.isFinite && EMGLevels.range.contains(level)) {
            throw fail("emgLevels", "gives '\(channel)' the level \(level); expected levels of the measured EMG channels from \(EMGLevels.range.lowerBound) to \(EMGLevels.range.upperBound)")
        }
    }

    /// The weights must have been saved with this very `model.json` (models saved before the digest existed are
    /// taken as they are).
    private func checkDigest() throws {
        let weightsPath = label("network.nmmw")
        let file: WeightFile
        do { file = try WeightFile(bytes: [UInt8](weights), path: weightsPath) } catch { throw EstimationError("\(error)") }
        guard let stored = file.metadata.first(where: { $0.key == Self.descriptionDigestKey })?.value else { return }
        guard stored == (try description.digest()) else {
            throw EstimationError("\(label("model.json")) is not the model.json that \(weightsPath) was saved with "
                + "(one of them was edited or replaced); save the model again with `nmm fit`")
        }
    }

    private static func checkNames(_ names: [String], field: String, _ fail: (String, String) -> EstimationError) throws {
        guard !names.isEmpty, names.count <= maximumNames else {
            throw fail(field, "names \(names.count) entries; expected 1 to \(maximumNames)")
        }
        guard Set(names).count == names.count, !names.contains(where: \.isEmpty) else {
            throw fail(field, "names an entry twice or an empty one")
        }
    }
}

extension NeuralMusculoskeletalModel.Description {
    /// A 64-bit FNV-1a digest of the description's canonical JSON (sorted keys): not a security measure, a check that
    /// `model.json` and `network.nmmw` were saved together.
    func digest() throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in try encoder.encode(self) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: hash)
    }
}
