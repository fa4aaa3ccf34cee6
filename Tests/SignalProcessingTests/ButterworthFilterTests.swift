import ComplexModule
import Foundation
import SignalProcessing
import Testing

@Suite("Butterworth design and zero-phase filtering against scipy.signal")
struct ButterworthFilterTests {
    let reference: ScipyReference

    init() throws {
        reference = try ScipyReference.load()
    }

    @Test("the reference covers orders 2, 4 and 6 of low-, high- and band-pass filters")
    func referenceCoverage() {
        for btype in ["lowpass", "highpass", "bandpass"] {
            let orders = Set(reference.cases.filter { $0.btype == btype }.map(\.order))
            #expect(orders.isSuperset(of: [2, 4, 6]), "\(btype) orders \(orders.sorted())")
        }
    }

    @Test("ba coefficients equal scipy's butter(..., output='ba')")
    func transferFunctionCoefficients() throws {
        var worst = 0.0
        for item in reference.cases {
            let filter = try ButterworthFilter(order: item.order, band: item.band, sampleRate: item.fs)
            let tf = filter.transferFunction
            let error = max(maxRelativeError(tf.numerator, item.b), maxRelativeError(tf.denominator, item.a))
            worst = max(worst, error)
            #expect(error < 1e-10, "\(item.label): \(error)")
        }
        print("ba coefficients: max relative error vs scipy \(worst)")
    }

    @Test("second-order sections equal scipy's butter(..., output='sos'), section by section")
    func sectionCoefficients() throws {
        for item in reference.cases {
            let filter = try ButterworthFilter(order: item.order, band: item.band, sampleRate: item.fs)
            let ours = filter.sections.sections.map(\.coefficients)
            #expect(ours.count == item.sos.count, "\(item.label)")
            for (row, expected) in zip(ours, item.sos) {
                #expect(maxRelativeError(row, expected) < 1e-10, "\(item.label): \(row) vs \(expected)")
            }
        }
    }

    @Test("default padding equals scipy's padlen = 3 * max(len(a), len(b)) for both forms")
    func padLength() throws {
        for item in reference.cases {
            let filter = try ButterworthFilter(order: item.order, band: item.band, sampleRate: item.fs)
            #expect(filter.sections.defaultPadLength == item.padlen, "\(item.label)")
            #expect(filter.transferFunction.defaultPadLength == item.padlen, "\(item.label)")
        }
    }

    @Test("filtfilt agrees with scipy's sosfiltfilt in every case, ill-conditioned ones included")
    func agreesWithSosfiltfilt() throws {
        var worst = 0.0
        for item in reference.cases {
            let filter = try ButterworthFilter(order: item.order, band: item.band, sampleRate: item.fs)
            let output = try filter.filtfilt(reference.input(for: item))
            let error = maxRelativeError(output, item.sosfiltfilt)
            worst = max(worst, error)
            #expect(error < 1e-6, "\(item.label): \(error)")
            print(String(format: "%@: vs sosfiltfilt %.1e, vs filtfilt %.1e (scipy ba vs sos %.1e)",
                         item.label, error, maxRelativeError(output, item.filtfilt), item.baVsSos))
        }
        print("filtfilt vs scipy sosfiltfilt: max relative error \(worst) over \(reference.cases.count) cases")
    }

    @Test("filtfilt agrees with scipy's butter + filtfilt to 1e-6 wherever scipy's ba and sos forms agree")
    func agreesWithFiltfilt() throws {
        let accurate = reference.cases.filter { $0.baVsSos < 1e-6 }
        #expect(accurate.count >= 20)
        var worstSections = 0.0
        var worstTransferFunction = 0.0
        for item in accurate {
            let filter = try ButterworthFilter(order: item.order, band: item.band, sampleRate: item.fs)
            let input = reference.input(for: item)
            let sectionsError = maxRelativeError(try filter.filtfilt(input), item.filtfilt)
            let transferFunctionError = maxRelativeError(try filter.transferFunction.filtfilt(input), item.filtfilt)
            worstSections = max(worstSections, sectionsError)
            worstTransferFunction = max(worstTransferFunction, transferFunctionError)
            #expect(sectionsError < 1e-6, "\(item.label): sections \(sectionsError)")
            #expect(transferFunctionError < 1e-6, "\(item.label): ba \(transferFunctionError)")
        }
        print("vs scipy filtfilt on \(accurate.count) cases: sections \(worstSections), ba form \(worstTransferFunction)")
    }

    @Test("where scipy's ba form breaks down, the sections still match sosfiltfilt and ba does not")
    func illConditionedCases() throws {
        let broken = reference.cases.filter { $0.baVsSos > 1e-3 }
        #expect(!broken.isEmpty)
        for item in broken {
            let filter = try ButterworthFilter(order: item.order, band: item.band, sampleRate: item.fs)
            let output = try filter.filtfilt(reference.input(for: item))
            #expect(maxRelativeError(output, item.sosfiltfilt) < 1e-6, "\(item.label)")
            #expect(maxRelativeError(output, item.filtfilt) > 1e-3, "\(item.label): scipy's ba result should be off")
        }
    }

    @Test("a constant passes unchanged through every pass band that includes 0 Hz")
    func constantPassesThrough() throws {
        let filter = try ButterworthFilter(order: 5, band: .lowPass(cutoff: 6), sampleRate: 1000)
        let output = try filter.filtfilt(Array(repeating: 3.25, count: 200))
        #expect(output.allSatisfy { abs($0 - 3.25) < 1e-12 })
        let highPass = try ButterworthFilter(order: 4, band: .highPass(cutoff: 20), sampleRate: 1000)
        #expect(try highPass.filtfilt(Array(repeating: 3.25, count: 200)).allSatisfy { abs($0) < 1e-12 })
    }

    @Test("the magnitude response is the analytic Butterworth response of the pre-warped frequency")
    func magnitudeResponse() throws {
        let rate = 1000.0
        // Ω = tan(πf/fs): the bilinear transform maps the analog response |H(iΩ)|² = 1/(1 + x^2N) onto these.
        func warp(_ frequency: Double) -> Double { tan(Double.pi * frequency / rate) }
        let bands: [FilterBand] = [.lowPass(cutoff: 6), .highPass(cutoff: 20), .bandPass(low: 20, high: 450)]
        for band in bands {
            for order in [1, 2, 3, 4, 6, 8] {
                let filter = try ButterworthFilter(order: order, band: band, sampleRate: rate)
                for frequency in [1.0, 6, 10, 20, 100, 300, 450, 480] {
                    let omega = warp(frequency)
                    let x: Double
                    switch band {
                    case .lowPass(let cutoff): x = omega / warp(cutoff)
                    case .highPass(let cutoff): x = warp(cutoff) / omega
                    case .bandPass(let low, let high):
                        let centreSquared = warp(low) * warp(high)
                        x = (omega * omega - centreSquared) / (omega * (warp(high) - warp(low)))
                    }
                    let expected = 1 / (1 + pow(x * x, Double(order))).squareRoot()
                    let actual = magnitude(filter.sections, at: frequency, sampleRate: rate)
                    #expect(abs(actual - expected) < 1e-9, "\(band) order \(order) at \(frequency) Hz: \(actual) vs \(expected)")
                }
                for cutoff in band.cutoffs {
                    #expect(abs(magnitude(filter.sections, at: cutoff, sampleRate: rate) - 0.5.squareRoot()) < 1e-9)
                }
            }
        }
    }

    @Test("zero phase: a pass-band sine comes out scaled by |H|² and without delay")
    func zeroPhase() throws {
        let rate = 1000.0
        let sine = (0..<4000).map { sin(2 * Double.pi * 2 * Double($0) / rate + 0.3) }
        let filter = try ButterworthFilter(order: 4, band: .lowPass(cutoff: 6), sampleRate: rate)
        let output = try filter.filtfilt(sine)
        let gain = magnitude(filter.sections, at: 2, sampleRate: rate)
        // Far from the ends (where the start-up transients have died away) there is no shift in time.
        let worst = (1500..<2500).map { abs(output[$0] - gain * gain * sine[$0]) }.max() ?? 1
        #expect(worst < 1e-9)
    }

    @Test("bad designs and too-short signals are clear errors")
    func errors() throws {
        #expect(throws: SignalProcessingError.invalidFilterOrder(0)) {
            try ButterworthFilter(order: 0, band: .lowPass(cutoff: 6), sampleRate: 100)
        }
        #expect(throws: SignalProcessingError.invalidCutoff(cutoffs: [60], sampleRate: 100)) {
            try ButterworthFilter(order: 2, band: .lowPass(cutoff: 60), sampleRate: 100)
        }
        #expect(throws: SignalProcessingError.invalidCutoff(cutoffs: [450, 20], sampleRate: 1000)) {
            try ButterworthFilter(order: 2, band: .bandPass(low: 450, high: 20), sampleRate: 1000)
        }
        #expect(throws: SignalProcessingError.invalidSampleRate(0)) {
            try ButterworthFilter(order: 2, band: .lowPass(cutoff: 6), sampleRate: 0)
        }
        let filter = try ButterworthFilter(order: 4, band: .lowPass(cutoff: 6), sampleRate: 100)
        #expect(throws: SignalProcessingError.signalTooShort(length: 15, padLength: 15)) {
            try filter.filtfilt(Array(repeating: 0, count: 15))
        }
        #expect(try filter.sections.filtfilt([1, 2, 3], padLength: 2).count == 3)
        var gap = Array(repeating: 1.0, count: 40)
        gap[17] = .infinity
        #expect(throws: SignalProcessingError.nonFiniteSample(index: 17, value: .infinity)) {
            try filter.filtfilt(gap)
        }
        let message = SignalProcessingError.invalidCutoff(cutoffs: [60], sampleRate: 100).description
        #expect(message.contains("Nyquist frequency 50.0 Hz"))
    }
}

/// |H(e^{iω})| of a cascade at `frequency` hertz, evaluated directly from the section coefficients.
func magnitude(_ cascade: SecondOrderSections, at frequency: Double, sampleRate: Double) -> Double {
    let omega = 2 * Double.pi * frequency / sampleRate
    let z1 = Complex(cos(omega), -sin(omega))  // z⁻¹
    let z2 = z1 * z1
    return cascade.sections.reduce(1.0) { gain, s in
        let numerator = Complex(s.b0, 0) + Complex(s.b1, 0) * z1 + Complex(s.b2, 0) * z2
        let denominator = Complex(1, 0) + Complex(s.a1, 0) * z1 + Complex(s.a2, 0) * z2
        return gain * (numerator / denominator).length
    }
}
