import BiomechIO
import SignalProcessing

/// How a fit's raw EMG was normalised, recorded in metrics.json: by the largest envelope value of each
/// channel over MVC recordings, or by its peak over the session's trials.
public struct EMGNormalizationRecord: Sendable, Equatable, Codable {
    /// `mvc` or `peak`.
    public var method: String
    /// The MVC recordings, or the trials whose peak was taken.
    public var sources: [String]
    /// The value each channel was divided by, in the raw signal's units.
    public var values: [String: Double]
}

/// Raw EMG (C3D analog channels, or a raw table) turned into normalised envelopes with the classical
/// pipeline (``EMGPipeline``) and the settings of the subject's source.
struct RawEMGEnvelopes {
    let pipeline: EMGPipeline
    let record: EMGNormalizationRecord

    /// The pipeline of `source`'s settings and the normalisation values: from its MVC recordings, else the
    /// peak of each channel's envelope over every trial of the source with raw EMG.
    init(source: SubjectSource) throws {
        let settings = source.rawEMG
        let pipeline = EMGPipeline(bandPass: .bandPass(low: settings.bandPass[0], high: settings.bandPass[1]),
                                   envelope: LinearEnvelope(cutoff: settings.lowPass))
        let recordings: [(name: String, raw: TimeSeries)]
        if settings.mvcFiles.isEmpty {
            recordings = try source.trials.compactMap { files in
                try files.rawEMG.map { path in
                    let raw = try TableFile.read(path)
                    return (files.name, source.timeWindows[files.name].map { window in raw.selectingRows { window.contains($0) } } ?? raw)
                }
            }
        } else {
            recordings = try settings.mvcFiles.map { ($0, try TableFile.read($0)) }
        }
        let values: [String: Double]
        do {
            values = try pipeline.maximumEnvelopes(of: recordings.map(\.raw))
        } catch let error as SignalProcessingError {
            throw EstimationError("\(recordings.map(\.name).joined(separator: ", ")): cannot process the raw EMG: \(error)")
        }
        self.pipeline = pipeline
        record = EMGNormalizationRecord(method: settings.mvcFiles.isEmpty ? "peak" : "mvc", sources: recordings.map(\.name), values: values)
    }

    /// `trial` with its raw EMG replaced by normalised envelopes on its kinematics' times inside the raw EMG's
    /// span, keeping the channels that have a normalisation value.
    func processed(_ trial: Trial) throws -> Trial {
        guard let raw = trial.rawEMG, let first = raw.time.first, let last = raw.time.last else { return trial }
        let channels = raw.labels.filter { record.values[$0] != nil }
        let times = trial.kinematics.time.filter { $0 >= first && $0 <= last }
        var processed = trial
        do {
            processed.emg = try pipeline.envelopes(of: raw.selecting(channels), onto: times).normalized(by: record.values)
        } catch let error as SignalProcessingError {
            throw EstimationError("\(trial.name): cannot process the raw EMG: \(error)")
        }
        processed.rawEMG = nil
        return processed
    }
}
