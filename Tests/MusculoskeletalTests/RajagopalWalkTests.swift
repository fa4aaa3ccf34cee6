import TestSupport
import BiomechIO
import Foundation
import Testing
@testable import Musculoskeletal

/// The real-data path: rajagopal-walk's MuscleAnalysis files and Millard muscles.
@Suite(.needsSharedData)
struct RajagopalWalkTests {
    static let directory = SharedData.root.appendingPathComponent("rajagopal-walk").path

    @Test func readsMuscleAnalysisWithItsCoordinates() throws {
        let geometry = try MusculotendonGeometry.readMuscleAnalysis(directory: Self.directory)
        #expect(geometry.coordinates == ["ankle_angle_r", "hip_adduction_r", "hip_flexion_r", "hip_rotation_r", "knee_angle_r"])
        #expect(geometry.muscles.contains("soleus_r") && geometry.muscles.contains("vasmed_r"))
        let soleus = try #require(geometry.muscles.firstIndex(of: "soleus_r"))
        let ankle = try #require(geometry.momentArms(about: "ankle_angle_r"))
        #expect(ankle[soleus].allSatisfy { $0 < 0 })   // plantarflexor: negative about ankle_angle_r (dorsiflexion)
        #expect(geometry.time.count == 1350 && geometry.lengtheningVelocity()[soleus].allSatisfy(\.isFinite))
    }

    @Test func millardMusclesBecomeDeGrooteAsOpenSimReplacesThem() throws {
        let model = try OSimFile.read(Self.directory + "/subject_walk_scaled.osim")
        let soleus = try #require(model.muscle("soleus_r"))
        let converted = DeGrooteFregly2016Muscle<Double>(soleus)
        #expect(converted.maxIsometricForce == soleus.maxIsometricForce && converted.tendonSlackLength == soleus.tendonSlackLength)
        guard case .millard2012Equilibrium(let curves) = soleus.curves else { Issue.record("soleus_r is not Millard"); return }
        #expect(converted.tendonStrainAtOneNormForce == curves.tendonForceLength.strainAtOneNormForce)
        #expect(converted.passiveFiberStrainAtOneNormForce == curves.fiberForceLength.strainAtOneNormForce)
        #expect(converted.fiberDamping == curves.fiberDamping)
    }
}
