import Synchronization

/// A Float32 buffer owned by one or more tensors.
///
/// Buffers come from a process-wide cache: when the last tensor using a buffer goes away, the
/// buffer is kept for the next tensor of the same size instead of being freed. A training loop
/// that builds the same graph every step therefore stops calling `malloc` after its first step.
/// Memory is 64-byte aligned and **not** initialised.
public final class TensorStorage: @unchecked Sendable {
    /// Number of Float32 elements.
    public let count: Int
    /// First element; valid for `count` elements while this object is alive.
    public let pointer: UnsafeMutablePointer<Float>

    /// A new buffer of `count` elements with undefined contents.
    public init(uninitializedCount count: Int) {
        precondition(count >= 0, "negative element count \(count)")
        self.count = count
        self.pointer = BufferCache.take(count: count)
    }

    /// A new buffer of `count` zeros.
    public convenience init(zeroedCount count: Int) {
        self.init(uninitializedCount: count)
        pointer.update(repeating: 0, count: count)
    }

    deinit { BufferCache.give(pointer, count: count) }

    /// The contents as an array.
    public var array: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}

/// The recycling allocator behind `TensorStorage`: free lists keyed by element count.
enum BufferCache {
    /// Upper bound on the bytes kept for reuse; beyond it buffers are freed.
    static let capacityBytes = 1 << 30

    private struct FreeLists: @unchecked Sendable {
        var lists: [Int: [UnsafeMutablePointer<Float>]] = [:]
        var bytes = 0
    }

    private static let state = Mutex(FreeLists())

    static func take(count: Int) -> UnsafeMutablePointer<Float> {
        let reused: UnsafeMutablePointer<Float>? = state.withLock { free in
            guard let pointer = free.lists[count]?.popLast() else { return nil }
            free.bytes -= count * MemoryLayout<Float>.stride
            return pointer
        }
        if let reused { return reused }
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * MemoryLayout<Float>.stride, alignment: 64)
        return raw.bindMemory(to: Float.self, capacity: max(count, 1))
    }

    static func give(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
        let kept = state.withLock { free -> Bool in
            let bytes = count * MemoryLayout<Float>.stride
            guard free.bytes + bytes <= capacityBytes else { return false }
            free.lists[count, default: []].append(pointer)
            free.bytes += bytes
            return true
        }
        if !kept { UnsafeMutableRawPointer(pointer).deallocate() }
    }
}
