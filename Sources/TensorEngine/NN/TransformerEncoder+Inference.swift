import Synchronization

extension TransformerEncoder {
    /// The head's output `[B, T, out]` for many windows `x: [B, T, in]`, without recording a graph,
    /// by the fused inference path of `InferenceWorkspace` (GEMMs over blocks of 64 rows, attention
    /// per window and head with the softmax fused, layer norm fused with the residual's bias): the
    /// windows are processed in chunks of `windowsPerChunk`, spread over `threads` threads (OpenBLAS itself stays
    /// on one thread, ``BLAS``); small chunks keep the threads' last pieces even (chunk size
    /// does not change the products). With `sigmoid`, the head's output goes through the logistic
    /// function in the same pass (excitations), as `.sigmoid()` would. Equal to `self(x)` (or
    /// `self(x).sigmoid()`) up to Float32 rounding (tested to 1e-5). Buffers are kept by the model
    /// for the next call.
    public func predict(_ x: Tensor, threads: Int = 1, windowsPerChunk: Int = 2, sigmoid: Bool = false) -> Tensor {
        let c = configuration
        precondition(x.rank == 3 && x.shape[2] == c.inputSize && x.shape[1] <= c.maxSequenceLength && windowsPerChunk > 0,
                     "predict expects [B, T <= \(c.maxSequenceLength), \(c.inputSize)], got \(x.shape)")
        let windows = x.shape[0], length = x.shape[1]
        let out = Tensor(uninitializedShape: [windows, length, c.outputSize])
        guard windows > 0 && length > 0 else { return out }
        let weights = InferenceWeights(self, length: length)
        let chunks = (windows + windowsPerChunk - 1) / windowsPerChunk
        let input = x.storage.pointer, output = out.storage.pointer
        Parallel.run(chunks, threads: threads) { chunk in
            let first = chunk * windowsPerChunk, count = Swift.min(windowsPerChunk, windows - first)
            let workspace = inferenceWorkspaces.take(windows: windowsPerChunk, length: length, configuration: c)
            let target = output + first * length * c.outputSize
            workspace.run(weights, count: count, input: input + first * length * c.inputSize, output: target)
            if sigmoid {
                for i in 0..<(count * length * c.outputSize) { target[i] = SigmoidKernel.value(target[i]) }
            }
            inferenceWorkspaces.give(workspace)
        }
        return out
    }
}

/// The `InferenceWorkspace`s of one model, shared by the threads of its `predict` calls.
final class InferenceWorkspacePool: Sendable {
    private let free = Mutex<[InferenceWorkspace]>([])

    /// A workspace of this size, reused when one is free.
    func take(windows: Int, length: Int, configuration: TransformerConfiguration) -> InferenceWorkspace {
        let reused = free.withLock { free -> InferenceWorkspace? in
            free.removeAll { $0.windows != windows || $0.length != length }
            return free.popLast()
        }
        return reused ?? InferenceWorkspace(configuration: configuration, windows: windows, length: length)
    }

    /// Returns a workspace for the next call.
    func give(_ workspace: InferenceWorkspace) {
        free.withLock { $0.append(workspace) }
    }
}
