import Musculoskeletal
import Foundation

/// The regulariser that keeps personalised parameters near the generic model: weight · Σ_i (log s_i)² over the
/// scale factors s_i, with the length scales (tighter physiologically) weighted `lengthFactor` times more. The
/// electromechanical delay is not a scale and is left free within its bounds.
public struct ParameterPrior: Sendable, Equatable, Codable {
    /// Overall weight.
    public var weight: Double
    /// Extra weight of optimal-fibre-length and tendon-slack-length scales.
    public var lengthFactor: Double

    /// A prior; defaults as used by the fits.
    public init(weight: Double = 1e-3, lengthFactor: Double = 10) { self.weight = weight; self.lengthFactor = lengthFactor }

    /// The penalty and its gradient with respect to θ.
    public func evaluate(_ p: PersonalizedParameters) -> (loss: Double, gradient: [Double]) {
        var loss = 0.0
        var gradient = [Double](repeating: 0, count: p.count)
        for parameter in p.all where parameter.isScale {
            let w = weight * (parameter.isLength ? lengthFactor : 1)
            let s = p.value(parameter), l = log(s)
            loss += w * l * l
            gradient[p.index(of: parameter)] = w * 2 * l / s * p.derivative(parameter)
        }
        return (loss, gradient)
    }
}
