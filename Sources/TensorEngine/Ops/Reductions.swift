extension Tensor {
    /// Sum over `axes` (negative axes count from the end). With `keepingDimensions` the reduced
    /// axes stay as extent 1, otherwise they are removed.
    public func sum(axes: [Int], keepingDimensions: Bool = false) -> Tensor {
        let reduced = Set(axes.map { normalizedAxis($0) })
        let keptShape = shape.indices.map { reduced.contains($0) ? 1 : shape[$0] }
        let outShape = keepingDimensions ? keptShape : shape.indices.filter { !reduced.contains($0) }.map { shape[$0] }
        let plan = Broadcast(shape, keptShape)
        let out = Tensor(zeros: outShape)
        let px = storage.pointer, po = out.storage.pointer
        plan.forEachRow { ix, _, io, n, _, so in
            if so == 0 {
                var total: Float = 0
                for j in 0..<n { total += px[ix + j] }
                po[io] += total
            } else {
                for j in 0..<n { po[io + j] += px[ix + j] }
            }
        }
        guard Tensor.needsGraph(self) else { return out }
        return out.recorded("sum", [self]) { [self] g in
            let gx = accumulatingGradient()
            plan.forEachRow { ix, _, io, n, _, so in
                for j in 0..<n { gx[ix + j] += g[io + j * so] }
            }
        }
    }

    /// Sum of every element, as a scalar.
    public func sum() -> Tensor { sum(axes: Array(shape.indices)) }

    /// Mean over `axes` (see `sum(axes:keepingDimensions:)`).
    public func mean(axes: [Int], keepingDimensions: Bool = false) -> Tensor {
        let n = Set(axes.map { normalizedAxis($0) }).reduce(1) { $0 * shape[$1] }
        return sum(axes: axes, keepingDimensions: keepingDimensions) * (1 / Float(n))
    }

    /// Mean of every element, as a scalar.
    public func mean() -> Tensor { sum() * (1 / Float(max(count, 1))) }

    /// `axis` in `0..<rank`, accepting negative values counted from the end.
    func normalizedAxis(_ axis: Int) -> Int {
        let resolved = axis < 0 ? axis + rank : axis
        precondition(resolved >= 0 && resolved < rank, "axis \(axis) out of range for shape \(shape)")
        return resolved
    }
}
