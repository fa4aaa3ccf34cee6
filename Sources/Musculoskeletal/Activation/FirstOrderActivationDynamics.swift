import RealModule

/// First-order activation dynamics of OpenSim 4.6's `DeGrooteFregly2016Muscle`:
///
///     f = ½·tanh(b·(e − a)),  z = ½ + 1.5·a
///     da/dt = [(f + ½)/(τa·z) + (½ − f)·z/τd] · (e − a)  =  R(a, e) · (e − a)
///
/// with activation and deactivation time constants τa, τd and smoothing b (`activation_dynamics_smoothing`).
/// OpenSim 4.6 reads τa, τd and b into function-level `static` variables, so within one process every
/// DeGroote muscle uses the values of the first one evaluated; this type uses each muscle's own values.
///
/// Sampled signals are integrated with the linearly implicit Euler step a⁺ = (a + h·R·e) / (1 + h·R), R taken at
/// the start of the step and e held over it. It is stable for any step (τ·(½ + 1.5a) falls to 5 ms at a = 0
/// with τa = 10 ms, below a 100 Hz frame) and never overshoots e, so activation stays in [0, 1].
public struct FirstOrderActivationDynamics<T: MuscleScalar>: Sendable, Equatable {
    /// τa (s).
    public var activationTimeConstant: T
    /// τd (s).
    public var deactivationTimeConstant: T
    /// b, steepness of the smooth switch between activation and deactivation.
    public var smoothing: T

    /// Dynamics with the given time constants; defaults are OpenSim 4.6's (0.015 s, 0.060 s, 0.1).
    public init(activationTimeConstant: T = 0.015, deactivationTimeConstant: T = 0.060, smoothing: T = 0.1) {
        self.activationTimeConstant = activationTimeConstant
        self.deactivationTimeConstant = deactivationTimeConstant
        self.smoothing = smoothing
    }

    /// The rate R(a, e) = (da/dt)/(e − a) and its partials with respect to a, e, τa and τd.
    @inlinable
    func rate(activation a: T, excitation e: T) -> (value: T, da: T, de: T, dTauA: T, dTauD: T) {
        let tanhValue = T.tanh(smoothing * (e - a))
        let f = tanhValue / 2
        let df_de = smoothing * (1 - tanhValue * tanhValue) / 2
        let z = T(0.5) + T(1.5) * a
        let tauA = activationTimeConstant, tauD = deactivationTimeConstant
        let value = (f + T(0.5)) / (tauA * z) + (T(0.5) - f) * z / tauD
        let de = df_de / (tauA * z) - df_de * z / tauD
        let da = -de - (f + T(0.5)) * T(1.5) / (tauA * z * z) + (T(0.5) - f) * T(1.5) / tauD
        return (value, da, de, -(f + T(0.5)) / (tauA * tauA * z), -(T(0.5) - f) * z / (tauD * tauD))
    }

    /// da/dt at activation `a` and excitation `e`, exactly OpenSim's `computeStateVariableDerivatives`.
    @inlinable
    public func derivative(activation a: T, excitation e: T) -> T {
        rate(activation: a, excitation: e).value * (e - a)
    }

    /// One linearly implicit Euler step of length `h`, with its partials with respect to the previous
    /// activation, the excitation and the two time constants.
    @inlinable
    public func step(activation a: T, excitation e: T, interval h: T) -> (activation: T, dActivation: T, dExcitation: T, dActivationTimeConstant: T, dDeactivationTimeConstant: T) {
        let r = rate(activation: a, excitation: e)
        let c = h * r.value
        let next = (a + c * e) / (1 + c)
        let dNext_dc = (e - a) / ((1 + c) * (1 + c))
        return (next, 1 / (1 + c) + dNext_dc * h * r.da, c / (1 + c) + dNext_dc * h * r.de,
                dNext_dc * h * r.dTauA, dNext_dc * h * r.dTauD)
    }

    /// Activation over a sampled excitation: a[0] = `initialActivation` (default e[0], the steady state),
    /// a[k] = `substeps` steps of length Δt/substeps from a[k−1] with e[k] held.
    @inlinable
    public func simulate(excitation: [T], sampleInterval: T, substeps: Int = 1, initialActivation: T? = nil) -> [T] {
        precondition(substeps >= 1, "substeps must be at least 1")
        guard let first = excitation.first else { return [] }
        let h = sampleInterval / T(substeps)
        var activation = [T](repeating: 0, count: excitation.count)
        activation[0] = initialActivation ?? first
        for k in 1..<excitation.count {
            var a = activation[k - 1]
            for _ in 0..<substeps { a = step(activation: a, excitation: excitation[k], interval: h).activation }
            activation[k] = a
        }
        return activation
    }

    /// Reverse-mode gradient of `simulate`: given ∂L/∂a[k] for every sample, returns ∂L/∂e[k] and ∂L/∂τa, ∂L/∂τd
    /// (and ∂L/∂initialActivation when one was given; otherwise that flows into ∂L/∂e[0]).
    @inlinable
    public func gradient(
        excitation: [T], activation: [T], upstream: [T], sampleInterval: T, substeps: Int = 1, initialActivationGiven: Bool = false
    ) -> (dExcitation: [T], dActivationTimeConstant: T, dDeactivationTimeConstant: T, dInitialActivation: T) {
        precondition(excitation.count == activation.count && activation.count == upstream.count, "sequence lengths differ")
        let n = excitation.count
        var dExcitation = [T](repeating: 0, count: n)
        var dTauA: T = 0, dTauD: T = 0
        guard n > 0 else { return (dExcitation, 0, 0, 0) }
        let h = sampleInterval / T(substeps)
        var carried: T = 0
        var path = [T](repeating: 0, count: substeps + 1)
        for k in stride(from: n - 1, through: 1, by: -1) {
            var adjoint = upstream[k] + carried
            path[0] = activation[k - 1]
            for s in 0..<substeps { path[s + 1] = step(activation: path[s], excitation: excitation[k], interval: h).activation }
            for s in stride(from: substeps - 1, through: 0, by: -1) {
                let partials = step(activation: path[s], excitation: excitation[k], interval: h)
                dExcitation[k] += adjoint * partials.dExcitation
                dTauA += adjoint * partials.dActivationTimeConstant
                dTauD += adjoint * partials.dDeactivationTimeConstant
                adjoint *= partials.dActivation
            }
            carried = adjoint
        }
        let initialAdjoint = upstream[0] + carried
        if !initialActivationGiven { dExcitation[0] += initialAdjoint }
        return (dExcitation, dTauA, dTauD, initialActivationGiven ? initialAdjoint : 0)
    }
}
