import Foundation
@testable import Study

/// A temporary folder with a plan file in it, removed by the caller's `defer`.
struct TemporaryStudy {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-study-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Writes `text` as `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A plan of `subjects` simulated subjects, the given methods and seeds, with a fixed split.
    static func plan(subjects: Int = 2, methods: [String] = ["nmm", "mse", "so"], seeds: [Int] = [1, 2], extra: String = "") -> String {
        """
        name = "test-study"
        coordinates = ["r_elbow_flex"]
        measured = ["BIClong", "BICshort", "TRIlong", "TRIlat"]
        seeds = [\(seeds.map(String.init).joined(separator: ", "))]
        methods = [\(methods.map { "\"\($0)\"" }.joined(separator: ", "))]

        [subjects]
        simulate = \(subjects)

        [protocol]
        split = "fixed"
        train = ["trial01", "trial02"]
        test = ["trial03"]
        \(extra)
        """
    }

    /// A stand-in for the nmm executable: `simulate DIR` makes DIR; `fit SUBJECT ... --output OUT` appends its
    /// arguments to `calls.log`, sleeps `FAKE_SLEEP` seconds, fails while `fail-<seed>` or `fail-always` exists
    /// (removing `fail-once` on its first failure), and writes a metrics.json of the per-trial shape whose values
    /// follow from the method and seed.
    func fakeNMM(sleep: Double = 0) throws -> URL {
        let path = try write("fake-nmm", """
        #!/bin/bash
        dir=\(root.path)
        if [ "$1" = simulate ]; then mkdir -p "$2"; echo simulated > "$2/subject.json"; exit 0; fi
        echo "$*" >> "$dir/calls.log"
        args=("$@"); out=""; method=""; seed=0; subject="$2"
        for ((i=0; i<${#args[@]}; i++)); do
          case "${args[$i]}" in
            --output) out="${args[$((i+1))]}" ;;
            --method) method="${args[$((i+1))]}" ;;
            --seed) seed="${args[$((i+1))]}" ;;
          esac
        done
        sleep \(sleep)
        if [ -e "$dir/fail-always" ]; then echo "error: always failing" >&2; exit 3; fi
        if [ -e "$dir/fail-once" ]; then rm "$dir/fail-once"; echo "error: failing once" >&2; exit 2; fi
        mkdir -p "$out"
        case "$method" in nmm) base=0.8 ;; mse) base=0.6 ;; *) base=0.4 ;; esac
        n=$(basename "$subject" | tr -dc 0-9); n=$((10#${n:-0}))
        r=$(awk "BEGIN { print $base + 0.01 * $n + 0.001 * $seed }")
        cat > "$out/metrics.json" <<JSON
        {"method": "$method", "seed": $seed, "train": [], "test": ["trial03"], "fit_seconds": 1.5,
         "excitation": {
           "BRA": {"measured": false, "per_trial": {}, "trial_mean": {"r": $r, "rmse": 0.1, "nrmse": 0.2, "r2": 0.5, "vaf": 0.6, "n": 1, "sd_r": null}, "pooled": {}},
           "TRImed": {"measured": false, "per_trial": {}, "trial_mean": {"r": null, "rmse": 0.2, "nrmse": 0.3, "r2": null, "vaf": 0.1, "n": 0, "sd_r": null}, "pooled": {}},
           "BIClong": {"measured": true, "per_trial": {}, "trial_mean": {"r": 0.99, "rmse": 0.01, "nrmse": 0.01, "r2": 0.98, "vaf": 0.99, "n": 1, "sd_r": null}, "pooled": {}}
         },
         "torque": {"r_elbow_flex": {"measured": false, "per_trial": {}, "trial_mean": {"r": 0.9, "rmse": 1.0, "nrmse": 0.1, "r2": 0.8, "vaf": 0.85, "n": 1, "sd_r": null}, "pooled": {}}},
         "parameters": {}}
        JSON
        echo "fitted"
        """)
        chmod(path, 0o755)
        return URL(fileURLWithPath: path)
    }

    /// The fake nmm's fit calls so far.
    var calls: [String] {
        ((try? String(contentsOf: root.appendingPathComponent("calls.log"), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}
