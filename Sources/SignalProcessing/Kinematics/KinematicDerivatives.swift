import BiomechIO

/// Joint velocities and accelerations from noisy joint angles: a zero-phase Butterworth low-pass, then
/// central differences (``centralDifference(_:sampleRate:)``) once for the velocity and again for the
/// acceleration.
///
/// Why this method: differentiation multiplies noise at frequency f by 2πf (and by (2πf)² for the second
/// derivative), so the noise must be removed first. A low-pass with a cut-off in hertz, where movement
/// content ends, is the biomechanics convention (Winter; OpenSim's examples low-pass coordinates at 6 Hz),
/// and this one is the scipy-validated ``ButterworthFilter``. After it the signal is smooth, so central differences add
/// only an O(h²) error, far below the filter's. Savitzky–Golay differentiation (local polynomial fits) is the
/// main alternative; on the OpenSim reference subject S01 (ik.mot, 100 Hz, 0.2° noise; scipy, elbow) it was
/// not better overall: a 21-sample cubic gave q̇/q̈ RMSE 0.033 rad/s / 0.75 rad/s², a 25-sample quartic
/// 0.028 / 1.16, against 0.029 / 1.02 here (more than half of the squared q̈ error lies in the first and last
/// 0.2 s, where any smoother has only one side of the data). The 6 Hz default is the convention, not tuned
/// on S01's truth (the Swift test `kinematicDerivativesOnS01` prints the RMSE against truth_kinematics.sto).
public struct KinematicDerivatives: Sendable, Hashable {
    /// The low-pass cut-off in hertz.
    public var cutoff: Double
    /// The low-pass order (applied forward and backward).
    public var order: Int

    /// Creates a differentiator; the defaults, 6 Hz and 4th order, suit human joint motion sampled at 100 Hz.
    public init(cutoff: Double = 6, order: Int = 4) {
        self.cutoff = cutoff
        self.order = order
    }

    /// A coordinate's filtered value, velocity and acceleration, in the units of the input per second⁰, ¹ and ².
    public struct Result: Sendable, Equatable {
        /// The low-passed values.
        public var value: [Double]
        /// The first time derivative.
        public var velocity: [Double]
        /// The second time derivative.
        public var acceleration: [Double]
    }

    /// Filters and differentiates one coordinate sampled at `sampleRate` hertz.
    /// - Throws: ``SignalProcessingError`` for a cut-off at or above Nyquist or a signal shorter than the filter's padding.
    public func apply(to values: [Double], sampleRate: Double) throws -> Result {
        let lowPass = try ButterworthFilter(order: order, band: .lowPass(cutoff: cutoff), sampleRate: sampleRate)
        let smooth = try lowPass.filtfilt(values)
        let velocity = centralDifference(smooth, sampleRate: sampleRate)
        return Result(value: smooth, velocity: velocity, acceleration: centralDifference(velocity, sampleRate: sampleRate))
    }

    /// Filtered values, velocities and accelerations of every column of `series`, rotational columns converted to
    /// radians first when the series is in degrees (``TimeSeries/inRadians()``), so angles come out in rad,
    /// rad/s and rad/s². Each result keeps the input's labels.
    /// - Throws: ``SignalProcessingError/nonUniformSampling(_:)`` when the series is not uniformly sampled.
    public func apply(to series: TimeSeries) throws -> (value: TimeSeries, velocity: TimeSeries, acceleration: TimeSeries) {
        guard let rate = series.sampleRate else { throw SignalProcessingError.nonUniformSampling("joint kinematics") }
        let radians = series.inRadians()
        let results = try radians.columns.map { try apply(to: $0, sampleRate: rate) }
        func assemble(_ part: (Result) -> [Double]) -> TimeSeries {
            TimeSeries(time: radians.time, labels: radians.labels, columns: results.map(part))
        }
        return (assemble(\.value), assemble(\.velocity), assemble(\.acceleration))
    }
}
