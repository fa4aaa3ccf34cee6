/// Central finite difference of `f` at `x` with step `h`, the independent reference for analytic derivatives.
func centralDifference(_ f: (Double) -> Double, at x: Double, step h: Double = 1e-6) -> Double {
    (f(x + h) - f(x - h)) / (2 * h)
}

/// |a − b| within `absolute` + `relative`·max(|a|, |b|).
func close(_ a: Double, _ b: Double, relative: Double = 1e-6, absolute: Double = 1e-9) -> Bool {
    abs(a - b) <= absolute + relative * max(abs(a), abs(b))
}
