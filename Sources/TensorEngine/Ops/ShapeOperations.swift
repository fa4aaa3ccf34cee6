extension Tensor {
    /// The same values with another shape of the same element count (no copy; one `-1` is inferred).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var resolved = newShape
        if let unknown = newShape.firstIndex(of: -1) {
            let known = newShape.filter { $0 != -1 }.reduce(1, *)
            precondition(known > 0 && count % known == 0, "cannot reshape \(shape) to \(newShape)")
            resolved[unknown] = count / known
        }
        let out = Tensor(shape: resolved, storage: storage)
        guard Tensor.needsGraph(self) else { return out }
        return out.recorded("reshape", [self]) { [self] g in accumulateGradient(g) }
    }

    /// The axes reordered: result axis `i` is this tensor's axis `permutation[i]` (copies).
    public func transposed(_ permutation: [Int]) -> Tensor {
        precondition(permutation.sorted() == Array(0..<rank), "\(permutation) is not a permutation of the axes of \(shape)")
        let out = Tensor(uninitializedShape: permutation.map { shape[$0] })
        Tensor.permute(storage.pointer, shape: shape, permutation: permutation, into: out.storage.pointer, accumulate: false)
        guard Tensor.needsGraph(self) else { return out }
        var inverse = permutation
        for (i, p) in permutation.enumerated() { inverse[p] = i }
        let outShape = out.shape
        return out.recorded("transpose", [self]) { [self] g in
            Tensor.permute(g, shape: outShape, permutation: inverse, into: accumulatingGradient(), accumulate: true)
        }
    }

    /// The last two axes swapped (matrix transpose, batched over leading axes).
    public func transposed() -> Tensor {
        precondition(rank >= 2, "transpose of a tensor of rank \(rank)")
        var permutation = Array(0..<rank)
        permutation.swapAt(rank - 1, rank - 2)
        return transposed(permutation)
    }

    /// Writes (or adds) the axis permutation of a row-major array of `shape` to `target`.
    private static func permute(_ source: UnsafePointer<Float>, shape: [Int], permutation: [Int],
                                into target: UnsafeMutablePointer<Float>, accumulate: Bool) {
        let rank = shape.count
        let total = shape.reduce(1, *)
        guard rank > 0, total > 0 else {
            if total == 1 { target[0] = (accumulate ? target[0] : 0) + source[0] }
            return
        }
        var sourceStrides = [Int](repeating: 1, count: rank)
        for i in stride(from: rank - 2, through: 0, by: -1) { sourceStrides[i] = sourceStrides[i + 1] * shape[i + 1] }
        let outShape = permutation.map { shape[$0] }
        let strides = permutation.map { sourceStrides[$0] }
        let length = outShape[rank - 1], step = strides[rank - 1]
        var index = [Int](repeating: 0, count: rank)
        var offset = 0
        for row in 0..<(total / length) {
            let out = target + row * length
            if accumulate {
                for j in 0..<length { out[j] += source[offset + j * step] }
            } else {
                for j in 0..<length { out[j] = source[offset + j * step] }
            }
            var d = rank - 2
            while d >= 0 {
                index[d] += 1
                offset += strides[d]
                if index[d] < outShape[d] { break }
                offset -= strides[d] * outShape[d]
                index[d] = 0
                d -= 1
            }
        }
    }

    /// Extents before and after `axis`, for treating the tensor as `[outer, shape[axis], inner]`.
    func split(at axis: Int) -> (outer: Int, inner: Int) {
        (shape[..<axis].reduce(1, *), shape[(axis + 1)...].reduce(1, *))
    }

    /// The elements whose index along `axis` lies in `range` (copies).
    public func slice(axis: Int, _ range: Range<Int>) -> Tensor {
        let axis = normalizedAxis(axis)
        precondition(range.lowerBound >= 0 && range.upperBound <= shape[axis], "slice \(range) out of 0..<\(shape[axis])")
        return gather(axis: axis, indices: Array(range))
    }

    /// The elements at `indices` along `axis`, in that order (indices may repeat; copies).
    public func gather(axis: Int, indices: [Int]) -> Tensor {
        let axis = normalizedAxis(axis)
        let extent = shape[axis]
        precondition(indices.allSatisfy { $0 >= 0 && $0 < extent }, "gather index out of 0..<\(extent)")
        let (outer, inner) = split(at: axis)
        var outShape = shape
        outShape[axis] = indices.count
        let out = Tensor(uninitializedShape: outShape)
        let px = storage.pointer, py = out.storage.pointer
        for o in 0..<outer {
            for (k, index) in indices.enumerated() {
                (py + (o * indices.count + k) * inner).update(from: px + (o * extent + index) * inner, count: inner)
            }
        }
        guard Tensor.needsGraph(self) else { return out }
        return out.recorded("gather", [self]) { [self] g in
            let gx = accumulatingGradient()
            for o in 0..<outer {
                for (k, index) in indices.enumerated() {
                    let source = g + (o * indices.count + k) * inner, target = gx + (o * extent + index) * inner
                    for j in 0..<inner { target[j] += source[j] }
                }
            }
        }
    }

    /// `tensors` joined along `axis`; all other extents must agree.
    public static func concatenate(_ tensors: [Tensor], axis: Int) -> Tensor {
        precondition(!tensors.isEmpty, "concatenate of no tensors")
        let first = tensors[0]
        let axis = first.normalizedAxis(axis)
        for t in tensors {
            precondition(t.rank == first.rank && t.shape.indices.allSatisfy { $0 == axis || t.shape[$0] == first.shape[$0] },
                         "cannot concatenate \(t.shape) with \(first.shape) along axis \(axis)")
        }
        let (outer, inner) = first.split(at: axis)
        let total = tensors.reduce(0) { $0 + $1.shape[axis] }
        var outShape = first.shape
        outShape[axis] = total
        let out = Tensor(uninitializedShape: outShape)
        var start = 0
        var starts: [Int] = []
        for t in tensors {
            starts.append(start)
            let block = t.shape[axis] * inner
            for o in 0..<outer {
                (out.storage.pointer + (o * total + start) * inner).update(from: t.storage.pointer + o * block, count: block)
            }
            start += t.shape[axis]
        }
        guard needsGraph(tensors) else { return out }
        return out.recorded("concatenate", tensors) { g in
            for (t, start) in zip(tensors, starts) where t.requiresGrad {
                let gt = t.accumulatingGradient()
                let block = t.shape[axis] * inner
                for o in 0..<outer {
                    let source = g + (o * total + start) * inner, target = gt + o * block
                    for j in 0..<block { target[j] += source[j] }
                }
            }
        }
    }
}
