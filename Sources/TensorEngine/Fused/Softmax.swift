extension Tensor {
    /// Softmax along `axis` (default: the last), computed stably by subtracting the maximum.
    public func softmax(axis: Int = -1) -> Tensor {
        let axis = normalizedAxis(axis)
        let (outer, inner) = split(at: axis)
        let n = shape[axis]
        let out = Tensor(uninitializedShape: shape)
        let px = storage.pointer, py = out.storage.pointer
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * n * inner + i
                if inner == 1 {
                    (py + base).update(from: px + base, count: n)
                    FastMath.softmax(py + base, n)
                } else {
                    var largest = -Float.infinity
                    for j in 0..<n { largest = Swift.max(largest, px[base + j * inner]) }
                    var total: Float = 0
                    for j in 0..<n {
                        let e = FastMath.exp(px[base + j * inner] - largest)
                        py[base + j * inner] = e
                        total += e
                    }
                    let scale = 1 / total
                    for j in 0..<n { py[base + j * inner] *= scale }
                }
            }
        }
        guard Tensor.needsGraph(self) else { return out }
        let outStorage = out.storage
        return out.recorded("softmax", [self]) { [self] g in
            let gx = accumulatingGradient()
            let py = outStorage.pointer
            for o in 0..<outer {
                for i in 0..<inner {
                    let base = o * n * inner + i
                    var dot: Float = 0
                    for j in 0..<n { dot += g[base + j * inner] * py[base + j * inner] }
                    for j in 0..<n {
                        let at = base + j * inner
                        gx[at] += py[at] * (g[at] - dot)
                    }
                }
            }
        }
    }
}
