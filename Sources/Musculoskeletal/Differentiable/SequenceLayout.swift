/// Row-major `[..., T, M]` buffers seen as one time sequence per (leading index, muscle) pair.
struct SequenceLayout {
    /// Samples along the time axis (the second-to-last axis).
    let frames: Int
    /// Muscles along the last axis.
    let muscles: Int

    /// Every sequence of a buffer of `count` elements: its muscle and the buffer indices of its samples in time order.
    func sequences(count: Int) -> [(muscle: Int, indices: StrideTo<Int>)] {
        guard frames > 0 && muscles > 0 else { return [] }
        return (0..<(count / (frames * muscles))).flatMap { sequence in
            (0..<muscles).map { i in
                let start = sequence * frames * muscles + i
                return (i, stride(from: start, to: start + frames * muscles, by: muscles))
            }
        }
    }

    /// Checks `shape` is `[..., frames, muscles]`.
    func matches(_ shape: [Int]) -> Bool {
        shape.count >= 2 && shape[shape.count - 1] == muscles && shape[shape.count - 2] == frames
    }
}
