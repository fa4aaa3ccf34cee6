/// NumPy-style broadcasting of two shapes, and iteration over the broadcast result row by row.
struct Broadcast {
    /// Shape of the result.
    let shape: [Int]
    /// Dimensions after merging neighbours that broadcast alike (for long inner loops).
    private let dims: [Int]
    /// Element strides of each operand along `dims`; 0 where that operand is broadcast.
    private let stridesA: [Int]
    private let stridesB: [Int]

    /// The broadcast of `a` and `b`, or a precondition failure naming both shapes.
    init(_ a: [Int], _ b: [Int]) {
        let rank = max(a.count, b.count)
        let paddedA = Array(repeating: 1, count: rank - a.count) + a
        let paddedB = Array(repeating: 1, count: rank - b.count) + b
        var shape = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            precondition(paddedA[i] == paddedB[i] || paddedA[i] == 1 || paddedB[i] == 1,
                         "shapes \(a) and \(b) do not broadcast")
            shape[i] = paddedA[i] == 1 ? paddedB[i] : paddedA[i]
        }
        self.shape = shape
        let fullA = Broadcast.strides(paddedA, broadcastTo: shape)
        let fullB = Broadcast.strides(paddedB, broadcastTo: shape)
        var dims: [Int] = [], sa: [Int] = [], sb: [Int] = []
        for i in 0..<rank where shape[i] != 1 {
            if let last = dims.indices.last,
               sa[last] == fullA[i] * shape[i], sb[last] == fullB[i] * shape[i] {
                dims[last] *= shape[i]; sa[last] = fullA[i]; sb[last] = fullB[i]
            } else {
                dims.append(shape[i]); sa.append(fullA[i]); sb.append(fullB[i])
            }
        }
        if dims.isEmpty { dims = [1]; sa = [0]; sb = [0] }
        self.dims = dims
        stridesA = sa
        stridesB = sb
    }

    /// Row-major strides of `shape`, with 0 for dimensions of extent 1 that broadcast to more.
    private static func strides(_ shape: [Int], broadcastTo target: [Int]) -> [Int] {
        var strides = [Int](repeating: 0, count: shape.count)
        var step = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[i] = (shape[i] == 1 && target[i] != 1) ? 0 : step
            step *= shape[i]
        }
        return strides
    }

    /// Number of elements of the result.
    var count: Int { shape.reduce(1, *) }

    /// Calls `row(outOffset, aOffset, bOffset, length, aStride, bStride)` for each innermost row of
    /// the result: element `j` of the row is output `outOffset + j`, reading operand A at
    /// `aOffset + j * aStride` and B at `bOffset + j * bStride` (strides are 0 or 1).
    func forEachRow(_ row: (Int, Int, Int, Int, Int, Int) -> Void) {
        let inner = dims.count - 1
        let length = dims[inner]
        let rows = count / max(length, 1)
        var index = [Int](repeating: 0, count: inner)
        var offsetA = 0, offsetB = 0
        for r in 0..<rows {
            row(r * length, offsetA, offsetB, length, stridesA[inner], stridesB[inner])
            var d = inner - 1
            while d >= 0 {
                index[d] += 1
                offsetA += stridesA[d]
                offsetB += stridesB[d]
                if index[d] < dims[d] { break }
                offsetA -= stridesA[d] * dims[d]
                offsetB -= stridesB[d] * dims[d]
                index[d] = 0
                d -= 1
            }
        }
    }
}
