// swift-tools-version:6.0
// nmm — neural musculoskeletal model: estimates the excitations of muscles that surface EMG
// cannot reach, and runs Markdown notebooks into self-contained HTML reports.
//
// Modules follow the data flow, each depending only on what comes before it:
// seeded random numbers (SeededRandom, used by all that draw them) →
// files (BiomechIO) → signals (SignalProcessing) → tensors (TensorEngine) → muscle physics
// (Musculoskeletal) → fits and baselines (Estimation) → charts (Charts) → studies of many fits (Study, which
// runs `nmm fit` as a subprocess and needs none of the fit's internals) → notebooks (Notebook) → CLI (nmm);
// the benchmark workloads (Benchmarks) time the very code of the fits and file readers.
import PackageDescription

/// TensorEngine's element-wise kernels (softmax, GELU, layer norm) vectorise 8 floats wide with FMA
/// on x86-64 CPUs with AVX2 and FMA (Intel Haswell, AMD Zen 1 and later) instead of the SSE2
/// baseline; other architectures need nothing.
#if arch(x86_64)
let tensorEngineVectorISA: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"], .when(configuration: .release)),
                                              .define("TENSOR_ENGINE_AVX2", .when(configuration: .release))]
#else
let tensorEngineVectorISA: [SwiftSetting] = []
#endif

let package = Package(
    name: "nmm",
    products: [
        .executable(name: "nmm", targets: ["nmm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),

        .target(name: "SeededRandom"),
        .target(name: "BiomechIO"),
        .target(name: "SignalProcessing", dependencies: [
            "BiomechIO", "SeededRandom",
            .product(name: "ComplexModule", package: "swift-numerics"),
            .product(name: "RealModule", package: "swift-numerics"),
        ]),
        .target(name: "TensorEngine", dependencies: ["CBLAS", "SeededRandom"], exclude: ["README.md"], swiftSettings: tensorEngineVectorISA),
        .target(name: "Musculoskeletal", dependencies: [
            "BiomechIO", "SignalProcessing", "TensorEngine", .product(name: "RealModule", package: "swift-numerics"),
        ]),
        .target(name: "Estimation", dependencies: ["SeededRandom", "BiomechIO", "SignalProcessing", "TensorEngine", "Musculoskeletal"]),
        .target(name: "Benchmarks", dependencies: ["BiomechIO", "TensorEngine", "Musculoskeletal", "Estimation"]),
        .target(name: "Charts"),
        .target(name: "Study", dependencies: ["Charts", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "Notebook", dependencies: [
            "CCmark", "BiomechIO", "SignalProcessing", "Musculoskeletal", "Estimation", "Charts", "Study",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .executableTarget(name: "nmm", dependencies: [
            "BiomechIO", "SignalProcessing", "TensorEngine", "Musculoskeletal", "Estimation", "Benchmarks", "Notebook", "Study",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // What the test targets share: the reference data and their one skip rule, finite differences, correlation,
        // and the seeded mutation of the fuzz tests.
        .target(name: "TestSupport", dependencies: ["SeededRandom"], path: "Tests/TestSupport"),
        .testTarget(name: "BiomechIOTests", dependencies: ["BiomechIO", "SeededRandom", "TestSupport"], exclude: ["C3DFiles"]),
        .testTarget(name: "SignalProcessingTests", dependencies: ["TestSupport", 
            "SignalProcessing", "SeededRandom", .product(name: "ComplexModule", package: "swift-numerics"),
        ], resources: [.copy("Reference")]),
        .testTarget(name: "TensorEngineTests", dependencies: ["TestSupport", "TensorEngine"]),
        .testTarget(name: "MusculoskeletalTests", dependencies: ["TestSupport", "Musculoskeletal"], exclude: ["CompliantReference"]),
        .testTarget(name: "EstimationTests", dependencies: ["TestSupport", "Estimation"]),
        .testTarget(name: "BenchmarksTests", dependencies: ["TestSupport", "Benchmarks"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "SeededRandom"]),
        .testTarget(name: "NotebookTests", dependencies: ["TestSupport", "Notebook"], exclude: ["Notebooks"]),
        .testTarget(name: "StudyTests", dependencies: ["Study"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "nmm", "BiomechIO", "SeededRandom", "TensorEngine"]),
    ]
)
