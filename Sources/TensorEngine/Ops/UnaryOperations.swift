import Foundation

/// An element-wise function of one value and its derivative. `exp` and `sigmoid` use the
/// vectorisable `FastMath.exp` (relative error below 3e-7; inputs clamped to [-87, 88]).
protocol UnaryKernel {
    static var name: String { get }
    static func value(_ x: Float) -> Float
    /// dy/dx at `x`, where `y = value(x)`.
    static func derivative(_ x: Float, _ y: Float) -> Float
}

enum ExpKernel: UnaryKernel {
    static let name = "exp"
    @inline(__always) static func value(_ x: Float) -> Float { FastMath.exp(x) }
    @inline(__always) static func derivative(_ x: Float, _ y: Float) -> Float { y }
}

enum LogKernel: UnaryKernel {
    static let name = "log"
    @inline(__always) static func value(_ x: Float) -> Float { Foundation.log(x) }
    @inline(__always) static func derivative(_ x: Float, _ y: Float) -> Float { 1 / x }
}

enum SqrtKernel: UnaryKernel {
    static let name = "sqrt"
    @inline(__always) static func value(_ x: Float) -> Float { x.squareRoot() }
    @inline(__always) static func derivative(_ x: Float, _ y: Float) -> Float { 0.5 / y }
}

enum TanhKernel: UnaryKernel {
    static let name = "tanh"
    @inline(__always) static func value(_ x: Float) -> Float { Foundation.tanh(x) }
    @inline(__always) static func derivative(_ x: Float, _ y: Float) -> Float { 1 - y * y }
}

enum SigmoidKernel: UnaryKernel {
    static let name = "sigmoid"
    @inline(__always) static func value(_ x: Float) -> Float { 1 / (1 + FastMath.exp(-x)) }
    @inline(__always) static func derivative(_ x: Float, _ y: Float) -> Float { y * (1 - y) }
}

/// GELU with the exact Gaussian CDF, `x·Φ(x) = x/2·(1 + erf(x/√2))`, as PyTorch's default.
enum GELUKernel: UnaryKernel {
    static let name = "gelu"
    @inline(__always) static func value(_ x: Float) -> Float { 0.5 * x * (1 + Foundation.erf(x * 0.70710678118654752)) }
    @inline(__always) static func derivative(_ x: Float, _ y: Float) -> Float {
        0.5 * (1 + Foundation.erf(x * 0.70710678118654752)) + x * 0.39894228040143268 * Foundation.exp(-0.5 * x * x)
    }
}

enum AsinhKernel: UnaryKernel {
    static let name = "asinh"
    @inline(__always) static func value(_ x: Float) -> Float { Foundation.asinh(x) }
    @inline(__always) static func derivative(_ x: Float, _ y: Float) -> Float { 1 / (x * x + 1).squareRoot() }
}

enum SquareKernel: UnaryKernel {
    static let name = "square"
    @inline(__always) static func value(_ x: Float) -> Float { x * x }
    @inline(__always) static func derivative(_ x: Float, _ y: Float) -> Float { 2 * x }
}

enum SinKernel: UnaryKernel {
    static let name = "sin"
    @inline(__always) static func value(_ x: Float) -> Float { Foundation.sin(x) }
    @inline(__always) static func derivative(_ x: Float, _ y: Float) -> Float { Foundation.cos(x) }
}

enum CosKernel: UnaryKernel {
    static let name = "cos"
    @inline(__always) static func value(_ x: Float) -> Float { Foundation.cos(x) }
    @inline(__always) static func derivative(_ x: Float, _ y: Float) -> Float { -Foundation.sin(x) }
}

extension Tensor {
    /// `kernel` applied to every element, with its gradient.
    func unary<K: UnaryKernel>(_ kernel: K.Type) -> Tensor {
        let out = Tensor(uninitializedShape: shape)
        let px = storage.pointer, py = out.storage.pointer
        for i in 0..<count { py[i] = K.value(px[i]) }
        guard Tensor.needsGraph(self) else { return out }
        let outStorage = out.storage
        return out.recorded(K.name, [self]) { [self] g in
            let gx = accumulatingGradient()
            let py = outStorage.pointer
            for i in 0..<count { gx[i] += g[i] * K.derivative(px[i], py[i]) }
        }
    }

    /// e^x element-wise.
    public func exp() -> Tensor { unary(ExpKernel.self) }
    /// Natural logarithm element-wise.
    public func log() -> Tensor { unary(LogKernel.self) }
    /// Square root element-wise.
    public func sqrt() -> Tensor { unary(SqrtKernel.self) }
    /// Hyperbolic tangent element-wise.
    public func tanh() -> Tensor { unary(TanhKernel.self) }
    /// Logistic function 1/(1+e^-x) element-wise.
    public func sigmoid() -> Tensor { unary(SigmoidKernel.self) }
    /// GELU with the exact erf form (PyTorch's `nn.GELU()` default, used by `nn.TransformerEncoderLayer`).
    public func gelu() -> Tensor { unary(GELUKernel.self) }
    /// Inverse hyperbolic sine element-wise.
    public func asinh() -> Tensor { unary(AsinhKernel.self) }
    /// x² element-wise.
    public func squared() -> Tensor { unary(SquareKernel.self) }
    /// Sine element-wise.
    public func sin() -> Tensor { unary(SinKernel.self) }
    /// Cosine element-wise.
    public func cos() -> Tensor { unary(CosKernel.self) }

    /// Limits every element to `[lower, upper]`; the gradient is passed where the value was inside
    /// the interval and is zero where it was clipped (as PyTorch's `clamp`).
    public func clamped(min lower: Float = -.infinity, max upper: Float = .infinity) -> Tensor {
        let out = Tensor(uninitializedShape: shape)
        let px = storage.pointer, py = out.storage.pointer
        for i in 0..<count { py[i] = Swift.min(Swift.max(px[i], lower), upper) }
        guard Tensor.needsGraph(self) else { return out }
        return out.recorded("clamp", [self]) { [self] g in
            let gx = accumulatingGradient()
            for i in 0..<count where px[i] >= lower && px[i] <= upper { gx[i] += g[i] }
        }
    }

    /// x^p element-wise for a constant exponent.
    public func pow(_ p: Float) -> Tensor {
        let out = Tensor(uninitializedShape: shape)
        let px = storage.pointer, py = out.storage.pointer
        for i in 0..<count { py[i] = Foundation.pow(px[i], p) }
        guard Tensor.needsGraph(self) else { return out }
        return out.recorded("pow", [self]) { [self] g in
            let gx = accumulatingGradient()
            for i in 0..<count { gx[i] += g[i] * p * Foundation.pow(px[i], p - 1) }
        }
    }
}
