/// A dense, row-major Float32 array with a shape, and a node of the autodiff graph.
///
/// `Tensor` is a reference type, like PyTorch's: operations return new tensors, and a tensor
/// whose inputs require gradients remembers how it was made so that `backward()` can send the
/// gradient of a scalar loss back to every parameter.
///
/// ```swift
/// let w = Tensor(shape: [3], scalars: [1, 2, 3], requiresGrad: true)
/// let x = Tensor(shape: [2, 3], scalars: [1, 0, 2, 0, 1, 1])
/// let loss = (x * w).sum()          // broadcasts w over the rows of x
/// loss.backward()
/// print(w.grad!.scalars)            // [1, 1, 3]
/// ```
///
/// Shapes are checked with `precondition`: a mismatch is a programming error, not user input.
/// A graph belongs to one thread at a time; run independent graphs on different threads (see
/// `Tensor(sharingValuesOf:)` for data-parallel training).
public final class Tensor: @unchecked Sendable {
    /// Extent of each dimension; `[]` is a scalar.
    public let shape: [Int]
    /// The values, `count` elements in row-major order.
    public let storage: TensorStorage
    /// Whether gradients flow to this tensor. Set it on parameters (leaves); results of operations
    /// inherit it from their inputs while recording is on.
    public var requiresGrad: Bool
    /// Gradient buffer of a tensor that requires gradients, allocated by `backward()`.
    var gradStorage: TensorStorage?
    /// How this tensor was computed, when it was computed from tensors that require gradients.
    var node: GraphNode?

    /// A tensor over an existing buffer. `storage.count` must equal the product of `shape`.
    public init(shape: [Int], storage: TensorStorage, requiresGrad: Bool = false) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        precondition(shape.reduce(1, *) == storage.count, "shape \(shape) does not hold \(storage.count) elements")
        self.shape = shape
        self.storage = storage
        self.requiresGrad = requiresGrad
    }

    /// A tensor with undefined contents, for operations that write every element.
    public convenience init(uninitializedShape shape: [Int]) {
        self.init(shape: shape, storage: TensorStorage(uninitializedCount: shape.reduce(1, *)))
    }

    /// A tensor holding `scalars` in row-major order.
    public convenience init(shape: [Int], scalars: [Float], requiresGrad: Bool = false) {
        precondition(shape.reduce(1, *) == scalars.count, "\(scalars.count) scalars do not fill shape \(shape)")
        self.init(uninitializedShape: shape)
        scalars.withUnsafeBufferPointer { storage.pointer.update(from: $0.baseAddress!, count: scalars.count) }
        self.requiresGrad = requiresGrad
    }

    /// A tensor with every element equal to `value`.
    public convenience init(repeating value: Float, shape: [Int], requiresGrad: Bool = false) {
        self.init(uninitializedShape: shape)
        storage.pointer.update(repeating: value, count: count)
        self.requiresGrad = requiresGrad
    }

    /// A tensor of zeros.
    public convenience init(zeros shape: [Int], requiresGrad: Bool = false) {
        self.init(repeating: 0, shape: shape, requiresGrad: requiresGrad)
    }

    /// A scalar (rank-0) tensor.
    public convenience init(_ value: Float) {
        self.init(shape: [], scalars: [value])
    }

    /// A leaf that shares this tensor's values (writes through the optimiser are seen by both) but
    /// has its own gradient. Use one per thread for data-parallel training, then add the replicas'
    /// gradients into the original with `accumulateGradient(from:)`.
    public convenience init(sharingValuesOf other: Tensor) {
        self.init(shape: other.shape, storage: other.storage, requiresGrad: other.requiresGrad)
    }

    /// Number of elements.
    public var count: Int { storage.count }
    /// Number of dimensions.
    public var rank: Int { shape.count }
    /// The values in row-major order.
    public var scalars: [Float] { storage.array }
    /// The single value of a one-element tensor.
    public var item: Float {
        precondition(count == 1, "item of a tensor with \(count) elements")
        return storage.pointer[0]
    }
    /// Read-only view of the values.
    public var buffer: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: storage.pointer, count: count) }

    /// The gradient accumulated by `backward()`, sharing its buffer; `nil` before any backward pass.
    public var grad: Tensor? {
        gradStorage.map { Tensor(shape: shape, storage: $0) }
    }

    /// Forgets the gradient (call before each training step, or use an optimiser's `zeroGrad()`).
    public func zeroGrad() { gradStorage = nil }

    /// Adds `other`'s gradient into this tensor's (for data-parallel replicas of one parameter).
    public func accumulateGradient(from other: Tensor) {
        precondition(other.shape == shape, "gradient shape \(other.shape) differs from \(shape)")
        guard let source = other.gradStorage else { return }
        let target = gradientBuffer()
        if target.fresh {
            target.pointer.update(from: source.pointer, count: count)
        } else {
            for i in 0..<count { target.pointer[i] += source.pointer[i] }
        }
    }

    /// Overwrites the values with `scalars` (for loading weights or resetting inputs).
    public func assign(_ scalars: [Float]) {
        precondition(scalars.count == count, "\(scalars.count) values for a tensor of \(count)")
        scalars.withUnsafeBufferPointer { storage.pointer.update(from: $0.baseAddress!, count: count) }
    }

    /// A tensor with the same values that is not part of any graph.
    public func detached() -> Tensor { Tensor(shape: shape, storage: storage) }
}

extension Tensor: CustomStringConvertible {
    /// Shape and the first few values.
    public var description: String {
        let shown = scalars.prefix(8).map { "\($0)" }.joined(separator: ", ")
        return "Tensor\(shape)[\(shown)\(count > 8 ? ", …" : "")]"
    }
}
