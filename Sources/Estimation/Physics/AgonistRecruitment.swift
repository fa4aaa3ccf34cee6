/// How strongly a subject recruits each hidden muscle relative to its measured agonists: what ``AgonistPrior``'s target
/// t_h = g_h·Σ_j e_j·κ_h^q / Σ_j κ_j^q takes from the subject.
///
/// The gains g_h and the exponent q are fitted on the training trials (``NMMConfiguration/fitsRecruitmentGains``,
/// ``NMMConfiguration/fitsRecruitmentExponent``) and then used, unchanged, by every refinement of a prediction.
/// ``equalEffort`` (no gains, q = 1) is static optimisation's own rule, the prior's assumption when nothing is fitted.
public struct AgonistRecruitment: Sendable, Equatable {
    /// Recruitment gain g_h of each hidden muscle, by muscle index; a muscle without one has gain 1.
    public var gains: [Int: Double]
    /// Exponent q of the torque capacity in a hidden muscle's share of its agonists' drive: the optimum of Σ w·aᵖ
    /// gives q = 1/(p − 1), so 1 is static optimisation's Σ a² and 0.5 the sum of cubes.
    public var exponent: Double

    /// A recruitment; see the properties.
    public init(gains: [Int: Double] = [:], exponent: Double = 1) {
        self.gains = gains; self.exponent = exponent
    }

    /// Static optimisation's recruitment: every gain 1 and q = 1.
    public static let equalEffort = AgonistRecruitment()

    /// Hidden muscle h's recruitment gain (1 when it has none).
    public func gain(of h: Int) -> Double { gains[h] ?? 1 }
}
