/// Bounds on what a notebook may ask of the interpreter, so that a hostile or mistaken notebook meets a clear
/// error at the line that crosses one instead of exhausting the stack, memory or time.
public enum LanguageLimits {
    /// How deeply `[lists]` may nest; the parser descends one call per level.
    public static let listNesting = 64
    /// Characters (UTF-8 bytes) a string value may hold once its `{name}`s are filled in (1 MiB).
    public static let stringBytes = 1 << 20
    /// The largest magnitude of a whole number: every integer up to 2⁵³ is exact in a Double, and it fits an Int.
    public static let wholeNumberMagnitude = 9_007_199_254_740_992.0
    /// Values (samples × channels) a series may hold (160 MB of Doubles).
    public static let seriesValues = 20_000_000

    /// `number` as an Int when it is whole and within ±2⁵³; nil otherwise.
    static func wholeNumber(_ number: Double) -> Int? {
        guard number == number.rounded(), abs(number) <= wholeNumberMagnitude else { return nil }
        return Int(number)
    }
}
