import Foundation

extension Tensor {
    /// The sinusoidal position table of Vaswani et al. 2017, `[length, width]`:
    /// `P[t, 2i] = sin(t·10000^(−2i/width))`, `P[t, 2i+1] = cos(t·10000^(−2i/width))` (width even).
    public static func sinusoidalPositions(length: Int, width: Int) -> Tensor {
        precondition(width % 2 == 0, "sinusoidal positions need an even width, got \(width)")
        let table = Tensor(uninitializedShape: [length, width])
        for t in 0..<length {
            for i in stride(from: 0, to: width, by: 2) {
                let angle = Double(t) * Foundation.exp(Double(i) * -Foundation.log(10000.0) / Double(width))
                table.storage.pointer[t * width + i] = Float(Foundation.sin(angle))
                table.storage.pointer[t * width + i + 1] = Float(Foundation.cos(angle))
            }
        }
        return table
    }
}
