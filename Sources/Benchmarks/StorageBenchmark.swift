import BiomechIO
import Foundation

/// The `nmm bench io` workload: write a large synthetic Storage file, then time reading it.
public enum StorageBenchmark {
    /// One measurement.
    public struct Result: Sendable {
        /// Size of the file parsed (bytes).
        public var bytes: Int
        /// Rows and data columns of the file.
        public var rows: Int, columns: Int
        /// Wall-clock seconds of each timed parse, in run order.
        public var seconds: [Double]
        /// CPU seconds of the process (all threads) for each parse: unaffected by other processes
        /// taking turns on the cores, which wall-clock time on a shared machine is not.
        public var cpuSeconds: [Double]
        /// Megabytes (10^6 bytes) per wall-clock second of the fastest parse.
        public var megabytesPerSecond: Double { Double(bytes) / 1e6 / (seconds.min() ?? .infinity) }
        /// Megabytes per CPU second (all threads together) of the cheapest parse.
        public var megabytesPerCPUSecond: Double { Double(bytes) / 1e6 / (cpuSeconds.min() ?? .infinity) }
    }

    /// Writes a Storage file of at least `megabytes` MB in `folder` (40 columns of smooth signals
    /// plus noise, written at full precision like OpenSim 4 output, time at 1 kHz), parses it
    /// `runs` times from memory as `StorageFile.parse` does (two threads for large files) and
    /// checks the values read equal those written. Deletes the file.
    public static func run(megabytes: Double, runs: Int, folder: String) throws -> Result {
        precondition(megabytes > 0 && runs > 0, "StorageBenchmark: size and runs must be positive")
        let columnCount = 40
        let sample = try StorageFile.encode(syntheticSeries(rows: 1000, columns: columnCount), name: "bench", file: folder)
        let rows = Int((megabytes * 1e6 / (Double(sample.count) / 1000) * 1.02).rounded(.up)) + 1
        let series = syntheticSeries(rows: rows, columns: columnCount)
        let path = "\(folder)/nmm-bench-io-\(getpid()).sto"
        try StorageFile.write(series, to: path, name: "bench")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = try FileBytes.contents(of: path)
        guard Double(bytes.count) >= megabytes * 1e6 else {
            throw InputError(file: path, message: "the generated file has only \(bytes.count) bytes")
        }
        var seconds: [Double] = []
        var cpuSeconds: [Double] = []
        var parsed: StorageDocument?
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = processCPUSeconds()
            parsed = try StorageFile.parse(bytes, file: path)
            cpuSeconds.append(processCPUSeconds() - cpuStart)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        guard parsed?.series == series else {
            throw InputError(file: path, message: "the values read back differ from those written")
        }
        return Result(bytes: bytes.count, rows: rows, columns: columnCount, seconds: seconds, cpuSeconds: cpuSeconds)
    }

    private static func processCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Sums of sines with a fixed-seed noise: deterministic, with full 17-digit values.
    static func syntheticSeries(rows: Int, columns: Int) -> TimeSeries {
        var state: UInt64 = 0x5EED
        func noise() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) - 0.5
        }
        let time = (0..<rows).map { Double($0) / 1000 }
        let data = (0..<columns).map { column -> [Double] in
            let frequency: Double = 2 * Double.pi * (0.5 + Double(column) * 0.1)
            let amplitude = Double(column + 1)
            return time.map { t -> Double in sin(frequency * t) * amplitude + 0.01 * noise() }
        }
        return TimeSeries(time: time, labels: (0..<columns).map { "channel_\($0)" }, columns: data)
    }
}
