import Testing

/// Mistakes on the command line itself exit with 64 (EX_USAGE) and say what was wrong.
// Five minutes: these quick runs share two cores with the fits of the same test run, which can starve them for a
// minute; a hang still ends the suite.
@Suite(.timeLimit(.minutes(5)))
struct UsageErrorTests {
    @Test(arguments: [
        (["bogus"], "Error: Unexpected argument 'bogus'"),
        (["inspect", "--bogus", "x.sto"], "Error: Unknown option '--bogus'"),
        (["inspect"], "Error: Missing expected argument '<files> ...'"),
        (["bench", "io", "--megabytes", "0"], "Error: --megabytes must be in (0, 10000]"),
        (["bench", "io", "--runs", "0"], "Error: --runs must be at least 1"),
        (["simulate", "out", "--seed", "three"], "Error: The value 'three' is invalid for '--seed <seed>'"),
        (["simulate", "out", "--max-criterion-exponent", "1.5"], "Error: --max-criterion-exponent is a number from 2 to 20, not 1.5"),
        (["simulate", "out", "--brachialis-wander", "nan"], "Error: --brachialis-wander is a number from 0 to 1, not nan"),
    ])
    func usageError(arguments: [String], message: String) throws {
        let result = try NMMExecutable.run(arguments)
        #expect(result.exited(with: 64), "reason \(result.reason), status \(result.status)")
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: nmm"))
        #expect(result.stdout.isEmpty)
    }
}
