import Foundation
import TensorEngine

/// OpenBLAS sgemm throughput measured in the same run as the workload: `streams` independent
/// loops of `size³` products, one per thread, OpenBLAS at one thread each.
enum SgemmPeak {
    /// Total GFLOP/s of all streams over about `seconds`.
    static func measure(size: Int = 64, streams: Int, seconds: Double = 0.5) -> Double {
        let flopsPerCall = 2 * Double(size * size * size)
        var counts = [Int](repeating: 0, count: streams)
        let start = DispatchTime.now().uptimeNanoseconds
        counts.withUnsafeMutableBufferPointer { counts in
            let counts = counts
            Parallel.run(streams, threads: streams) { s in
                let a = Tensor(repeating: 0.5, shape: [size, size]), b = Tensor(repeating: 0.25, shape: [size, size])
                let c = Tensor(zeros: [size, size])
                let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
                var calls = 0
                while DispatchTime.now().uptimeNanoseconds < deadline {
                    for _ in 0..<100 {
                        BLAS.gemm(m: size, n: size, k: size, a: a.storage.pointer, lda: size, b: b.storage.pointer, ldb: size,
                                  c: c.storage.pointer, ldc: size)
                    }
                    calls += 100
                }
                counts[s] = calls
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Double(counts.reduce(0, +)) * flopsPerCall / elapsed / 1e9
    }
}
