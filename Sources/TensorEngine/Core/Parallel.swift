import Dispatch

/// Runs independent pieces of work on several cores, e.g. the halves of a batch in data-parallel
/// training. Each piece must build its own graph (graphs are not shared across threads); read-only
/// use of shared weights is fine. Keep OpenBLAS at one thread (`BLAS.threadCount = 1`) so that the
/// pieces, not OpenBLAS, use the cores.
public enum Parallel {
    /// Calls `body(0)`, …, `body(count − 1)` concurrently and returns when all have finished.
    /// Gradient recording is on in every piece; wrap the body's work in `Tensor.withoutGradients`
    /// for inference (the setting does not cross threads).
    public static func run(_ count: Int, _ body: (Int) -> Void) {
        if count == 1 { body(0); return }
        withoutActuallyEscaping(body) { body in
            let piece = Piece(body: body)
            DispatchQueue.concurrentPerform(iterations: count) { piece.body($0) }
        }
    }

    /// The caller promises that the pieces touch disjoint mutable state.
    private struct Piece: @unchecked Sendable {
        let body: (Int) -> Void
    }
}
