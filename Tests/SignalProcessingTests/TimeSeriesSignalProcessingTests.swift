import TestSupport
import BiomechIO
import Foundation
import SignalProcessing
import Testing

@Suite("Signal processing on TimeSeries", .needsSharedData)
struct TimeSeriesSignalProcessingTests {
    let series: TimeSeries = {
        let time = (0..<500).map { Double($0) / 1000 }
        let noise = gaussianNoise(count: 1000, seed: 5)
        return TimeSeries(time: time, labels: ["a", "b"], columns: [Array(noise[0..<500]), Array(noise[500...])])
    }()

    @Test("filtering, rectifying and enveloping a series treat each column as the plain-array functions do")
    func columnwise() throws {
        let filter = try ButterworthFilter(order: 2, band: .bandPass(low: 20, high: 450), sampleRate: 1000)
        let filtered = try series.filtered(order: 2, band: .bandPass(low: 20, high: 450))
        #expect(filtered.columns == (try series.columns.map { try filter.filtfilt($0) }))
        #expect(filtered.time == series.time && filtered.labels == series.labels)
        #expect(series.rectified().columns == series.columns.map(fullWaveRectified))
        let envelope = LinearEnvelope(cutoff: 10, order: 2)
        #expect(try series.linearEnvelope(envelope).columns
                == series.columns.map { try envelope.apply(to: $0, sampleRate: 1000) })
    }

    @Test("irregular sampling is a clear error")
    func irregular() {
        let irregular = TimeSeries(time: [0, 0.001, 0.003], labels: ["a"], columns: [[1, 2, 3]])
        #expect(throws: SignalProcessingError.nonUniformSampling("the series")) {
            try irregular.filtered(order: 2, band: .lowPass(cutoff: 6))
        }
    }

    @Test("rajagopal-walk: 2000 Hz EMG envelopes go onto the 0.45-1.80 s kinematics time base")
    func walkingEMGOntoKinematics() throws {
        let emg = try StorageFile.read(SharedData.walk + "/electromyography.sto")
        let coordinates = try StorageFile.read(SharedData.walk + "/coordinates.sto")
        #expect(emg.time.first ?? 1 < coordinates.time.first ?? 0)
        let resampled = try Resampler().resample(emg, onto: coordinates.time)
        #expect(resampled.time == coordinates.time)
        #expect(resampled.labels == emg.labels)
        // The envelopes are already smooth, so anti-aliasing barely changes them: compare with plain interpolation.
        let plain = emg.resampled(onto: coordinates.time)
        for (ours, interpolated) in zip(resampled.columns, plain.columns) {
            #expect(pearson(ours, interpolated) > 0.999)
        }
    }
}
