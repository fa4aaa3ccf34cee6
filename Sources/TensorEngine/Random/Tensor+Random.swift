@_exported import SeededRandom

extension Tensor {
    /// Values drawn uniformly from `[lower, upper)`.
    public convenience init(uniform shape: [Int], lower: Float, upper: Float, using generator: inout Xoshiro256StarStar,
                            requiresGrad: Bool = false) {
        self.init(uninitializedShape: shape)
        for i in 0..<count { storage.pointer[i] = lower + (upper - lower) * generator.nextUniform() }
        self.requiresGrad = requiresGrad
    }

    /// Values drawn from a normal distribution.
    public convenience init(normal shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
                            using generator: inout Xoshiro256StarStar, requiresGrad: Bool = false) {
        self.init(uninitializedShape: shape)
        for i in 0..<count { storage.pointer[i] = mean + standardDeviation * generator.nextNormal() }
        self.requiresGrad = requiresGrad
    }
}
