/// How a tensor was computed: its inputs and the function that sends its gradient back to them.
final class GraphNode {
    /// Operation name, for debugging.
    let name: String
    /// The tensors the operation read.
    let inputs: [Tensor]
    /// Given the gradient of the loss with respect to the output (as many elements as the output),
    /// adds the gradients with respect to the inputs into their gradient buffers.
    let backward: (UnsafePointer<Float>) -> Void

    init(name: String, inputs: [Tensor], backward: @escaping (UnsafePointer<Float>) -> Void) {
        self.name = name
        self.inputs = inputs
        self.backward = backward
    }
}

extension Tensor {
    /// Whether operations record graph nodes on this thread (false inside `withoutGradients`).
    @TaskLocal static var isRecording = true

    /// Runs `body` without recording any graph: the inference path. Results never require gradients.
    public static func withoutGradients<R>(_ body: () throws -> R) rethrows -> R {
        try $isRecording.withValue(false, operation: body)
    }

    /// Whether an operation on `inputs` must record a node.
    static func needsGraph(_ inputs: Tensor...) -> Bool {
        inputs.contains { $0.requiresGrad } && isRecording
    }

    /// Whether an operation on `inputs` must record a node.
    static func needsGraph(_ inputs: [Tensor]) -> Bool {
        inputs.contains { $0.requiresGrad } && isRecording
    }

    /// Marks this freshly computed tensor as the output of `name` applied to `inputs`.
    @discardableResult
    func recorded(_ name: String, _ inputs: [Tensor], backward: @escaping (UnsafePointer<Float>) -> Void) -> Tensor {
        requiresGrad = true
        node = GraphNode(name: name, inputs: inputs, backward: backward)
        return self
    }

    /// This tensor's gradient buffer. When `fresh` is true it was just allocated, holds garbage, and
    /// the caller must overwrite every element; otherwise the caller adds to it.
    func gradientBuffer() -> (pointer: UnsafeMutablePointer<Float>, fresh: Bool) {
        if let existing = gradStorage { return (existing.pointer, false) }
        let created = TensorStorage(uninitializedCount: count)
        gradStorage = created
        return (created.pointer, true)
    }

    /// This tensor's gradient buffer, zero-filled if it was just created, for adding into.
    func accumulatingGradient() -> UnsafeMutablePointer<Float> {
        let (pointer, fresh) = gradientBuffer()
        if fresh { pointer.update(repeating: 0, count: count) }
        return pointer
    }

    /// Adds `count` values from `source` into this tensor's gradient.
    func accumulateGradient(_ source: UnsafePointer<Float>) {
        let (target, fresh) = gradientBuffer()
        if fresh {
            target.update(from: source, count: count)
        } else {
            for i in 0..<count { target[i] += source[i] }
        }
    }

    /// Reverse-mode differentiation from this scalar: adds d(self)/d(leaf) into the gradient of
    /// every leaf tensor that requires gradients (parameters), then releases the graph and the
    /// intermediate gradients.
    public func backward() {
        precondition(count == 1, "backward() needs a scalar loss, got shape \(shape)")
        guard requiresGrad else { return }
        let order = topologicalOrder()
        let (seed, fresh) = gradientBuffer()
        seed[0] = fresh ? 1 : seed[0] + 1
        for tensor in order.reversed() {
            guard let node = tensor.node else { continue }
            if let gradient = tensor.gradStorage {
                node.backward(gradient.pointer)
            }
            tensor.node = nil
            tensor.gradStorage = nil
        }
    }

    /// Tensors of the graph ending here, each after all of its inputs.
    private func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(Tensor, Bool)] = [(self, false)]
        while let (tensor, expanded) = stack.popLast() {
            if expanded { order.append(tensor); continue }
            guard visited.insert(ObjectIdentifier(tensor)).inserted else { continue }
            stack.append((tensor, true))
            for input in tensor.node?.inputs ?? [] where input.requiresGrad && !visited.contains(ObjectIdentifier(input)) {
                stack.append((input, false))
            }
        }
        return order
    }
}
