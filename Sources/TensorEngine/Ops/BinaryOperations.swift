/// An element-wise function of two values and its partial derivatives.
protocol BinaryKernel {
    static var name: String { get }
    static func value(_ a: Float, _ b: Float) -> Float
    /// (∂y/∂a, ∂y/∂b) at `a`, `b`, where `y = value(a, b)`.
    static func partials(_ a: Float, _ b: Float, _ y: Float) -> (Float, Float)
}

enum AddKernel: BinaryKernel {
    static let name = "add"
    @inline(__always) static func value(_ a: Float, _ b: Float) -> Float { a + b }
    @inline(__always) static func partials(_ a: Float, _ b: Float, _ y: Float) -> (Float, Float) { (1, 1) }
}

enum SubtractKernel: BinaryKernel {
    static let name = "subtract"
    @inline(__always) static func value(_ a: Float, _ b: Float) -> Float { a - b }
    @inline(__always) static func partials(_ a: Float, _ b: Float, _ y: Float) -> (Float, Float) { (1, -1) }
}

enum MultiplyKernel: BinaryKernel {
    static let name = "multiply"
    @inline(__always) static func value(_ a: Float, _ b: Float) -> Float { a * b }
    @inline(__always) static func partials(_ a: Float, _ b: Float, _ y: Float) -> (Float, Float) { (b, a) }
}

enum DivideKernel: BinaryKernel {
    static let name = "divide"
    @inline(__always) static func value(_ a: Float, _ b: Float) -> Float { a / b }
    @inline(__always) static func partials(_ a: Float, _ b: Float, _ y: Float) -> (Float, Float) { (1 / b, -y / b) }
}

extension Tensor {
    /// `kernel` applied element-wise to the broadcast of `a` and `b`, with its gradient.
    static func binary<K: BinaryKernel>(_ a: Tensor, _ b: Tensor, _ kernel: K.Type) -> Tensor {
        if a.shape == b.shape { return sameShape(a, b, kernel) }
        let plan = Broadcast(a.shape, b.shape)
        let out = Tensor(uninitializedShape: plan.shape)
        let pa = a.storage.pointer, pb = b.storage.pointer, po = out.storage.pointer
        plan.forEachRow { o, ia, ib, n, sa, sb in
            for j in 0..<n { po[o + j] = K.value(pa[ia + j * sa], pb[ib + j * sb]) }
        }
        guard needsGraph(a, b) else { return out }
        let outStorage = out.storage
        return out.recorded(K.name, [a, b]) { g in
            let py = outStorage.pointer
            if a.requiresGrad {
                let ga = a.accumulatingGradient()
                plan.forEachRow { o, ia, ib, n, sa, sb in
                    for j in 0..<n { ga[ia + j * sa] += g[o + j] * K.partials(pa[ia + j * sa], pb[ib + j * sb], py[o + j]).0 }
                }
            }
            if b.requiresGrad {
                let gb = b.accumulatingGradient()
                plan.forEachRow { o, ia, ib, n, sa, sb in
                    for j in 0..<n { gb[ib + j * sb] += g[o + j] * K.partials(pa[ia + j * sa], pb[ib + j * sb], py[o + j]).1 }
                }
            }
        }
    }

    /// `binary` for operands of equal shape: flat loops the compiler vectorises.
    private static func sameShape<K: BinaryKernel>(_ a: Tensor, _ b: Tensor, _ kernel: K.Type) -> Tensor {
        let out = Tensor(uninitializedShape: a.shape)
        let n = out.count
        let pa = a.storage.pointer, pb = b.storage.pointer, po = out.storage.pointer
        for i in 0..<n { po[i] = K.value(pa[i], pb[i]) }
        guard needsGraph(a, b) else { return out }
        let outStorage = out.storage
        return out.recorded(K.name, [a, b]) { g in
            let py = outStorage.pointer
            if a.requiresGrad {
                if K.self == AddKernel.self || K.self == SubtractKernel.self {
                    a.accumulateGradient(g)
                } else {
                    let ga = a.accumulatingGradient()
                    for i in 0..<n { ga[i] += g[i] * K.partials(pa[i], pb[i], py[i]).0 }
                }
            }
            if b.requiresGrad {
                if K.self == AddKernel.self {
                    b.accumulateGradient(g)
                } else {
                    let gb = b.accumulatingGradient()
                    for i in 0..<n { gb[i] += g[i] * K.partials(pa[i], pb[i], py[i]).1 }
                }
            }
        }
    }

    /// Element-wise sum with broadcasting.
    public static func + (a: Tensor, b: Tensor) -> Tensor { binary(a, b, AddKernel.self) }
    /// Element-wise difference with broadcasting.
    public static func - (a: Tensor, b: Tensor) -> Tensor { binary(a, b, SubtractKernel.self) }
    /// Element-wise product with broadcasting.
    public static func * (a: Tensor, b: Tensor) -> Tensor { binary(a, b, MultiplyKernel.self) }
    /// Element-wise quotient with broadcasting.
    public static func / (a: Tensor, b: Tensor) -> Tensor { binary(a, b, DivideKernel.self) }

    /// Adds a constant to every element.
    public static func + (a: Tensor, b: Float) -> Tensor { a + Tensor(b) }
    /// Adds a constant to every element.
    public static func + (a: Float, b: Tensor) -> Tensor { Tensor(a) + b }
    /// Subtracts a constant from every element.
    public static func - (a: Tensor, b: Float) -> Tensor { a + Tensor(-b) }
    /// A constant minus every element.
    public static func - (a: Float, b: Tensor) -> Tensor { Tensor(a) - b }
    /// Multiplies every element by a constant.
    public static func * (a: Tensor, b: Float) -> Tensor { a * Tensor(b) }
    /// Multiplies every element by a constant.
    public static func * (a: Float, b: Tensor) -> Tensor { Tensor(a) * b }
    /// Divides every element by a constant.
    public static func / (a: Tensor, b: Float) -> Tensor { a * Tensor(1 / b) }
    /// A constant divided by every element.
    public static func / (a: Float, b: Tensor) -> Tensor { Tensor(a) / b }
    /// Negation.
    public static prefix func - (a: Tensor) -> Tensor { a * Tensor(-1) }
}
