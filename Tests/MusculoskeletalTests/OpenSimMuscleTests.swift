import BiomechIO
import Foundation
import Testing
@testable import Musculoskeletal

/// What an .osim muscle's own properties become in nmm's muscle.
@Suite struct OpenSimMuscleTests {
    /// activation_dynamics_smoothing reaches the activation dynamics (it used to be dropped, leaving OpenSim's 0.1).
    @Test func theActivationDynamicsSmoothingReachesTheMuscle() throws {
        func muscle(_ smoothing: String?) throws -> DeGrooteFregly2016Muscle<Double> {
            let property = smoothing.map { "<activation_dynamics_smoothing>\($0)</activation_dynamics_smoothing>" } ?? ""
            let xml = "<OpenSimDocument><Model name=\"a\"><ForceSet><DeGrooteFregly2016Muscle name=\"m\">\(property)</DeGrooteFregly2016Muscle></ForceSet></Model></OpenSimDocument>"
            return DeGrooteFregly2016Muscle<Double>(try #require(try OSimFile.parse(Data(xml.utf8), file: "m.osim").muscle("m")))
        }
        #expect(try muscle("10").activationDynamics.smoothing == 10)
        #expect(try muscle(nil).activationDynamics.smoothing == 0.1)
    }
}
