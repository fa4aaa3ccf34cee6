import Foundation

/// A factor on every group's base learning rate as a function of the step number (0-based).
public protocol LearningRateSchedule: Sendable {
    /// The multiplier at `step`.
    func factor(atStep step: Int) -> Float
}

/// The base learning rate throughout.
public struct ConstantSchedule: LearningRateSchedule {
    /// A schedule whose factor is always 1.
    public init() {}
    /// Always 1.
    public func factor(atStep step: Int) -> Float { 1 }
}

/// Linear warm-up from 0 over `warmupSteps`, then cosine decay to `minimumFactor` at `totalSteps`
/// (and `minimumFactor` after it).
public struct WarmupCosineSchedule: LearningRateSchedule {
    /// Steps of linear increase.
    public let warmupSteps: Int
    /// Step at which the cosine reaches its minimum.
    public let totalSteps: Int
    /// Factor at and after `totalSteps`.
    public let minimumFactor: Float

    /// A warm-up + cosine schedule; `totalSteps` must exceed `warmupSteps`.
    public init(warmupSteps: Int, totalSteps: Int, minimumFactor: Float = 0) {
        precondition(warmupSteps >= 0 && totalSteps > warmupSteps, "need 0 <= warmupSteps < totalSteps")
        self.warmupSteps = warmupSteps
        self.totalSteps = totalSteps
        self.minimumFactor = minimumFactor
    }

    /// The multiplier at `step`.
    public func factor(atStep step: Int) -> Float {
        if step < warmupSteps { return Float(step + 1) / Float(warmupSteps) }
        let progress = min(1, Double(step - warmupSteps) / Double(totalSteps - warmupSteps))
        return minimumFactor + (1 - minimumFactor) * Float(0.5 * (1 + cos(Double.pi * progress)))
    }
}
