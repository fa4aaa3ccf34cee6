import Foundation

/// Adam (Kingma & Ba 2015) and AdamW (Loshchilov & Hutter 2019), with parameter groups and a
/// learning-rate schedule; the update matches PyTorch's `torch.optim.Adam` / `AdamW`.
///
/// ```swift
/// let optimiser = Adam(groups: [ParameterGroup(parameters: model.parameters, learningRate: 1e-3),
///                               ParameterGroup(parameters: [scales], learningRate: 1e-2)],
///                      variant: .adamW, schedule: WarmupCosineSchedule(warmupSteps: 100, totalSteps: 5000))
/// optimiser.zeroGrad(); loss.backward(); clipGradientNorm(optimiser.allParameters, maxNorm: 1); optimiser.step()
/// ```
public final class Adam {
    /// How weight decay enters the update.
    public enum Variant: Sendable {
        /// Classic Adam: `weightDecay·w` is added to the gradient (L2 penalty).
        case adam
        /// AdamW: the weights are shrunk by `lr·weightDecay·w` separately from the adaptive step.
        case adamW
    }

    /// The parameter groups, whose learning rates may be changed between steps.
    public var groups: [ParameterGroup]
    /// Decay rates of the first and second moment estimates.
    public let beta1: Float, beta2: Float
    /// Added to the root of the second moment.
    public let epsilon: Float
    /// Adam or AdamW.
    public let variant: Variant
    /// Multiplier on every group's learning rate, by step.
    public let schedule: any LearningRateSchedule
    /// Number of `step()` calls so far.
    public private(set) var stepCount = 0
    private var firstMoments: [[TensorStorage]]
    private var secondMoments: [[TensorStorage]]

    /// An optimiser over `groups`.
    public init(groups: [ParameterGroup], variant: Variant = .adam, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, schedule: any LearningRateSchedule = ConstantSchedule()) {
        self.groups = groups
        self.variant = variant
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.schedule = schedule
        firstMoments = groups.map { $0.parameters.map { TensorStorage(zeroedCount: $0.count) } }
        secondMoments = groups.map { $0.parameters.map { TensorStorage(zeroedCount: $0.count) } }
    }

    /// Every parameter of every group.
    public var allParameters: [Tensor] { groups.flatMap(\.parameters) }

    /// The learning rate of `group` at the coming step (base rate × schedule).
    public func learningRate(ofGroup group: Int) -> Float {
        groups[group].learningRate * schedule.factor(atStep: stepCount)
    }

    /// Clears every parameter's gradient.
    public func zeroGrad() { allParameters.forEach { $0.zeroGrad() } }

    /// One update of every parameter that has a gradient.
    public func step() {
        let t = Float(stepCount + 1)
        let correction1 = 1 - Foundation.pow(beta1, t), correction2 = 1 - Foundation.pow(beta2, t)
        for (g, group) in groups.enumerated() {
            let rate = learningRate(ofGroup: g)
            let stepSize = rate / correction1
            let decay = group.weightDecay
            for (p, parameter) in group.parameters.enumerated() {
                guard let gradient = parameter.gradStorage else { continue }
                let w = parameter.storage.pointer, grad = gradient.pointer
                let m = firstMoments[g][p].pointer, v = secondMoments[g][p].pointer
                let (b1, b2, eps) = (beta1, beta2, epsilon)
                let decoupled = variant == .adamW
                for i in 0..<parameter.count {
                    var gi = grad[i]
                    if decoupled { w[i] -= rate * decay * w[i] } else { gi += decay * w[i] }
                    m[i] = b1 * m[i] + (1 - b1) * gi
                    v[i] = b2 * v[i] + (1 - b2) * gi * gi
                    w[i] -= stepSize * m[i] / ((v[i] / correction2).squareRoot() + eps)
                }
            }
        }
        stepCount += 1
    }
}
