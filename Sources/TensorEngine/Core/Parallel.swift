import Dispatch
import Synchronization

/// Runs independent pieces of work on several cores, e.g. the shards of a batch in data-parallel
/// training. Each piece must build its own graph (graphs are not shared across threads); read-only
/// use of shared weights is fine. OpenBLAS stays at one thread (``BLAS``), so the pieces, not
/// OpenBLAS, use the cores.
public enum Parallel {
    /// Calls `body(0)`, …, `body(pieces − 1)` on up to `threads` threads and returns when all have
    /// finished. Threads take the next unstarted piece when they finish one, so with more pieces
    /// than threads a thread slowed by other processes on the machine holds the others up less.
    /// Gradient recording is on in every piece; wrap the body's work in `Tensor.withoutGradients`
    /// for inference (the setting does not cross threads).
    public static func run(_ pieces: Int, threads: Int, _ body: (Int) -> Void) {
        let workers = min(pieces, max(threads, 1))
        if workers <= 1 {
            for i in 0..<pieces { body(i) }
            return
        }
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(body) { body in
            let piece = Piece(body: body)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard i < pieces else { return }
                    piece.body(i)
                }
            }
        }
    }

    /// The caller promises that the pieces touch disjoint mutable state.
    private struct Piece: @unchecked Sendable {
        let body: (Int) -> Void
    }
}
