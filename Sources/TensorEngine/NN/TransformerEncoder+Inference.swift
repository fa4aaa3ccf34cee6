extension TransformerEncoder {
    /// The head's output `[B, T, out]` for many windows `x: [B, T, in]`, without recording a graph:
    /// the windows are processed in chunks of `windowsPerChunk` (small enough for the activations to
    /// stay in the core's cache — measured here 1.3× faster than one pass over 256 windows) spread
    /// over `threads` threads (set `BLAS.threadCount = 1` first). Equal to `self(x)`.
    public func predict(_ x: Tensor, threads: Int = 1, windowsPerChunk: Int = 8) -> Tensor {
        precondition(x.rank == 3 && windowsPerChunk > 0, "predict expects [B, T, \(configuration.inputSize)], got \(x.shape)")
        let windows = x.shape[0], length = x.shape[1]
        let out = Tensor(uninitializedShape: [windows, length, configuration.outputSize])
        let chunks = (windows + windowsPerChunk - 1) / windowsPerChunk
        let perWindow = length * configuration.outputSize
        Parallel.run(chunks, threads: threads) { c in
            let rows = (c * windowsPerChunk)..<min(windows, (c + 1) * windowsPerChunk)
            Tensor.withoutGradients {
                let y = self(x.slice(axis: 0, rows))
                (out.storage.pointer + rows.lowerBound * perWindow).update(from: y.storage.pointer, count: y.count)
            }
        }
        return out
    }
}
