import CBLAS

/// Thin wrapper over OpenBLAS: row-major single-precision GEMM on the caller's thread.
///
/// OpenBLAS is kept at one thread for the whole process: nmm spreads work over the cores itself (``Parallel``), and
/// a product's rounding then does not depend on how many threads OpenBLAS used for it. (When a fit set the count to
/// 1 and restored it afterwards, a prediction running beside it in the same process got products rounded a last bit
/// differently, so a fixed seed did not always give the same numbers.)
public enum BLAS {
    /// Sets OpenBLAS to one thread, once, before the first product.
    private static let callerThreadOnly: Void = openblas_set_num_threads(1)

    /// `C = alpha·op(A)·op(B) + beta·C`, row-major, where `op` transposes when asked.
    /// `C` is m×n, `op(A)` m×k, `op(B)` k×n; `lda`, `ldb`, `ldc` are row strides in elements.
    @inline(__always)
    public static func gemm(transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
                            alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                            beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        _ = callerThreadOnly
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    /// OpenBLAS's build configuration and the CPU core type it selected.
    public static var configuration: String {
        "\(String(cString: openblas_get_config())) (\(String(cString: openblas_get_corename())))"
    }
}
