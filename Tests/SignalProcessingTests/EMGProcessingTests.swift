import TestSupport
import SeededRandom
import BiomechIO
import Foundation
import SignalProcessing
import Testing

/// Gaussian samples by the Box–Muller transform from a seeded generator.
func gaussianNoise(count: Int, seed: UInt64) -> [Double] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in
        let u = Double.random(in: Double.ulpOfOne..<1, using: &generator)
        let v = Double.random(in: 0..<1, using: &generator)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

@Suite("EMG envelopes, normalisation, resampling and electromechanical delay")
struct EMGProcessingTests {
    @Test("full-wave rectification takes the absolute value")
    func rectification() {
        #expect(fullWaveRectified([-2, 0, 1.5, -0.25]) == [2, 0, 1.5, 0.25])
    }

    @Test("the linear envelope of amplitude-modulated noise follows the amplitude, scaled by E|noise| = sqrt(2/pi)")
    func envelopeTracksAmplitude() throws {
        let rate = 1000.0
        let amplitude = (0..<8000).map { 1 + 0.5 * sin(2 * Double.pi * 0.5 * Double($0) / rate) }
        let emg = zip(amplitude, gaussianNoise(count: 8000, seed: 7)).map { $0 * $1 }
        let envelope = try LinearEnvelope(cutoff: 6, order: 4).apply(to: emg, sampleRate: rate)
        #expect(envelope.allSatisfy { $0 >= 0 })
        #expect(pearson(envelope, amplitude) > 0.95)
        let ratio = envelope.reduce(0, +) / amplitude.reduce(0, +)
        #expect(abs(ratio - (2 / Double.pi).squareRoot()) < 0.02, "ratio \(ratio)")
    }

    @Test("peak normalisation takes one value per channel over all trials")
    func peakNormalization() throws {
        let quiet = TimeSeries(time: [0, 1, 2], labels: ["BIC", "TRI"], columns: [[0.1, 0.2, 0.1], [1, 3, 2]])
        let strong = TimeSeries(time: [0, 1, 2], labels: ["BIC", "TRI"], columns: [[0.4, 0.8, 0.2], [1, 1, 1]])
        let values = try Normalization.peak.values(for: [quiet, strong])
        #expect(values == ["BIC": 0.8, "TRI": 3])
        let scaled = try quiet.normalized(by: values)
        #expect(scaled.column("BIC") == [0.125, 0.25, 0.125])
        #expect(try Normalization.peak.value(forChannel: "BIC", segments: [[0.1, 0.5], [0.2]]) == 0.5)
    }

    @Test("MVC normalisation uses the given values and names what is missing or invalid")
    func mvcNormalization() throws {
        let trial = TimeSeries(time: [0, 1], labels: ["BIC", "TRI"], columns: [[0.1, 0.2], [1, 3]])
        let mvc = Normalization.maximumVoluntaryContraction(["BIC": 0.4, "TRI": 6])
        #expect(try mvc.values(for: [trial]) == ["BIC": 0.4, "TRI": 6])
        #expect(throws: SignalProcessingError.missingChannel("TRI")) {
            try Normalization.maximumVoluntaryContraction(["BIC": 0.4]).values(for: [trial])
        }
        #expect(throws: SignalProcessingError.invalidNormalizer(channel: "BIC", value: 0)) {
            try Normalization.maximumVoluntaryContraction(["BIC": 0, "TRI": 1]).values(for: [trial])
        }
        #expect(throws: SignalProcessingError.invalidNormalizer(channel: "BIC", value: 0)) {
            try Normalization.peak.values(for: [TimeSeries(time: [0, 1], labels: ["BIC"], columns: [[0, 0]])])
        }
    }

    @Test("upsampling interpolates linearly and reproduces a straight line exactly")
    func upsampling() throws {
        let time = (0..<11).map { Double($0) / 10 }
        let line = time.map { 2 * $0 - 1 }
        let newTime = (0..<101).map { Double($0) / 100 }
        let resampled = try Resampler().resample(line, time: time, onto: newTime)
        for (value, t) in zip(resampled, newTime) {
            #expect(abs(value - (2 * t - 1)) < 1e-12)
        }
    }

    @Test("downsampling removes content above the new Nyquist frequency instead of aliasing it")
    func antiAliasing() throws {
        let rate = 1000.0
        let time = (0..<4000).map { Double($0) / rate }
        let slow = time.map { sin(2 * Double.pi * 2 * $0) }
        // 70 Hz lies above the 50 Hz Nyquist frequency of 100 Hz and would fold onto 30 Hz.
        let signal = zip(slow, time).map { $0 + 0.5 * sin(2 * Double.pi * 70 * $1) }
        let newTime = (0..<400).map { Double($0) / 100 }
        let resampled = try Resampler().resample(signal, time: time, onto: newTime)
        let expected = newTime.map { sin(2 * Double.pi * 2 * $0) }
        let naive = TimeSeries(time: time, labels: ["x"], columns: [signal]).resampled(onto: newTime).columns[0]
        let interior = 50..<350
        let error = interior.map { abs(resampled[$0] - expected[$0]) }.max() ?? 1
        let naiveError = interior.map { abs(naive[$0] - expected[$0]) }.max() ?? 0
        #expect(error < 0.01, "anti-aliased error \(error)")
        #expect(naiveError > 0.3, "plain interpolation should alias (error \(naiveError))")
    }

    @Test("resampling rejects times outside the signal and times that do not increase")
    func resamplingErrors() throws {
        let time = [0.0, 0.1, 0.2, 0.3]
        let values = [1.0, 2, 3, 4]
        #expect(throws: SignalProcessingError.timeOutsideRange(time: 0.5, range: 0...0.3)) {
            try Resampler().resample(values, time: time, onto: [0.1, 0.5])
        }
        #expect(throws: SignalProcessingError.timeNotIncreasing(index: 2)) {
            try Resampler().resample(values, time: [0, 0.1, 0.1, 0.3], onto: [0.1])
        }
        #expect(throws: SignalProcessingError.lengthMismatch(what: "signal samples for its times", expected: 4, actual: 3)) {
            try Resampler().resample([1, 2, 3], time: time, onto: [0.1])
        }
        // Half a sample beyond either end is held at the end value.
        let held = try Resampler().resample(values, time: time, onto: [-0.04, 0, 0.1, 0.15, 0.2, 0.3, 0.34])
        #expect(zip(held, [1.0, 1, 2, 2.5, 3, 4, 4]).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test("the electromechanical delay shifts a signal later on the same time base")
    func delay() throws {
        let rate = 100.0
        let sine = (0..<300).map { sin(2 * Double.pi * Double($0) / rate) }
        let shifted = try delayed(sine, by: 0.0125, sampleRate: rate)
        #expect(shifted.count == sine.count)
        #expect(shifted[0] == sine[0] && shifted[1] == sine[0])
        for index in 2..<300 {
            let expected = sin(2 * Double.pi * (Double(index) / rate - 0.0125))
            // Linear interpolation between samples 1/100 s apart: error below (2π)²·h²/8 ≈ 5e-4.
            #expect(abs(shifted[index] - expected) < 6e-4)
        }
        let series = TimeSeries(time: [0, 0.01, 0.02, 0.03], labels: ["BIC"], columns: [[0, 1, 2, 3]])
        let later = series.delayed(by: 0.02)
        #expect(later.time == series.time)
        #expect(zip(later.columns[0], [0.0, 0, 0, 1]).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test("the pipeline normalises a subject with one value per channel, so a weak trial stays weak")
    func pipelineNormalisesOverTrials() throws {
        let rate = 1000.0
        let time = (0..<3000).map { Double($0) / rate }
        func trial(gain: Double, seed: UInt64) -> TimeSeries {
            TimeSeries(time: time, labels: ["BIC"], columns: [gaussianNoise(count: 3000, seed: seed).map { $0 * gain }])
        }
        let kinematicsTime = (0..<300).map { Double($0) / 100 }
        let result = try EMGPipeline().process([trial(gain: 0.2, seed: 1), trial(gain: 0.1, seed: 2)], onto: [kinematicsTime, kinematicsTime])
        let strongPeak = result.envelopes[0].columns[0].max() ?? 0
        let weakMean = (result.envelopes[1].columns[0].reduce(0, +)) / 300
        let strongMean = (result.envelopes[0].columns[0].reduce(0, +)) / 300
        #expect(abs(strongPeak - 1) < 1e-12)
        #expect(abs(weakMean / strongMean - 0.5) < 0.05)
        #expect(result.envelopes[0].time == kinematicsTime)
    }

    @Test("a band-pass above the raw EMG's Nyquist frequency is a clear error")
    func pipelineRejectsLowRate() throws {
        let raw = TimeSeries(time: (0..<800).map { Double($0) / 800 }, labels: ["BIC"], columns: [Array(repeating: 0, count: 800)])
        #expect(throws: SignalProcessingError.invalidCutoff(cutoffs: [20, 450], sampleRate: 800)) {
            try EMGPipeline().envelopes(of: raw)
        }
    }
}
