import Testing
@testable import BiomechIO

/// Resampling, sample rate and unit conversion of TimeSeries.
@Suite struct TimeSeriesTests {
    @Test func resamplesLinearlyAndHoldsTheEnds() {
        let series = TimeSeries(time: [0, 1, 2], labels: ["x", "y"], columns: [[0, 10, 30], [1, 1, 1]])
        let resampled = series.resampled(onto: [-1, 0, 0.5, 1, 1.25, 2, 3])
        #expect(resampled.columns[0] == [0, 0, 5, 10, 15, 30, 30])
        #expect(resampled.columns[1] == [1, 1, 1, 1, 1, 1, 1])
        #expect(resampled.labels == ["x", "y"])
    }

    @Test func resamplingALineIsExactAtEveryRate() {
        let time = TimeSeries.uniformTimes(from: 0, to: 2.3895, rate: 2000)
        #expect(time.count == 4780)
        let line = TimeSeries(time: time, labels: ["x"], columns: [time.map { 3 * $0 - 1 }])
        let onto = TimeSeries.uniformTimes(from: 0.45, to: 1.799, rate: 1000)
        #expect(onto.count == 1350)
        let resampled = line.resampled(onto: onto)
        #expect(zip(resampled.columns[0], onto).allSatisfy { abs($0 - (3 * $1 - 1)) < 1e-12 })
    }

    @Test func detectsUniformSampling() {
        #expect(TimeSeries(time: [0, 0.01, 0.02], labels: [], columns: []).sampleRate.map { abs($0 - 100) < 1e-9 } == true)
        #expect(TimeSeries(time: [0, 0.01, 0.03], labels: [], columns: []).sampleRate == nil)
        #expect(TimeSeries(time: [0], labels: [], columns: []).sampleRate == nil)
    }

    @Test func convertsOnlyRotationalColumnsToRadians() {
        let series = TimeSeries(time: [0], labels: ["knee_angle_r", "pelvis_tx", "knee_angle_r_moment", "hip_flexion_r_speed"],
                                columns: [[180], [1.5], [40], [90]], inDegrees: true)
        let radians = series.inRadians()
        #expect(radians.columns == [[.pi], [1.5], [40], [.pi / 2]])
        #expect(!radians.inDegrees)
        #expect(radians.inRadians() == radians)
        let byModel = series.inRadians(rotationalColumns: ["knee_angle_r"])
        #expect(byModel.columns == [[.pi], [1.5], [40], [90]])
    }
}
