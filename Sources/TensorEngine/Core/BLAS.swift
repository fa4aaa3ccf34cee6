import CBLAS

/// Thin wrapper over OpenBLAS: row-major single-precision GEMM and the thread count.
public enum BLAS {
    /// `C = alpha·op(A)·op(B) + beta·C`, row-major, where `op` transposes when asked.
    /// `C` is m×n, `op(A)` m×k, `op(B)` k×n; `lda`, `ldb`, `ldc` are row strides in elements.
    @inline(__always)
    public static func gemm(transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
                            alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                            beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    /// Number of threads OpenBLAS uses inside one call. Set it to 1 when you run your own threads
    /// (OpenBLAS does not split the small products of a Transformer anyway).
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(newValue)) }
    }

    /// OpenBLAS's build configuration and the CPU core type it selected.
    public static var configuration: String {
        "\(String(cString: openblas_get_config())) (\(String(cString: openblas_get_corename())))"
    }
}
