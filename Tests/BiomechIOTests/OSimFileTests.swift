import TestSupport
import Foundation
import Testing
@testable import BiomechIO

/// Reads the shared .osim models and checks their real parameters, OpenSim's defaults and errors.
@Suite(.needsSharedData) struct OSimFileTests {
    @Test func readsTheArm26DeGrooteModel() throws {
        let model = try OSimFile.read(SharedData.s01 + "/model.osim")
        #expect(model.coordinates.map(\.name) == ["r_shoulder_elev", "r_elbow_flex"])
        let elbow = try #require(model.coordinate("r_elbow_flex"))
        #expect(elbow.range == 0...2.2689280300000001)
        #expect(elbow.motionType == .rotational)
        #expect(model.coordinate("r_shoulder_elev")?.range == -1.5707963300000001...3.1415926500000002)
        #expect(model.muscles.map(\.name) == ["TRIlong", "TRIlat", "TRImed", "BIClong", "BICshort", "BRA"])
        #expect(model.unsupportedMuscles.isEmpty)
        let triLong = try #require(model.muscle("TRIlong"))
        #expect(triLong.model == .deGrooteFregly2016)
        #expect(triLong.maxIsometricForce == 798.51999999999998)
        #expect(triLong.optimalFiberLength == 0.13400000000000001)
        #expect(triLong.tendonSlackLength == 0.14299999999999999)
        #expect(triLong.pennationAngleAtOptimal == 0.20943951)
        #expect(triLong.maxContractionVelocity == 10)
        #expect(triLong.activationTimeConstant == 0.01 && triLong.deactivationTimeConstant == 0.040000000000000001)
        #expect(triLong.defaultActivation == 0.050000000000000003)
        #expect(!triLong.ignoreTendonCompliance)
        guard case .deGrooteFregly2016(let curves) = triLong.curves else { Issue.record("not DeGroote curves"); return }
        #expect(curves.fiberDamping == 0)
        #expect(curves.passiveFiberStrainAtOneNormForce == 0.59999999999999998)
        #expect(curves.tendonStrainAtOneNormForce == 0.033000000000000002)
        #expect(curves.activeForceWidthScale == 1) // absent in the file: OpenSim's default
        #expect(curves.activationDynamicsSmoothing == 0.1) // absent in the file: OpenSim 4.6's default
        let bra = try #require(model.muscle("BRA"))
        #expect(bra.maxIsometricForce == 987.25999999999999 && bra.optimalFiberLength == 0.085800000000000001)
        #expect(bra.tendonSlackLength == 0.053499999999999999 && bra.pennationAngleAtOptimal == 0)
        #expect(model.rotationalCoordinateNames == ["r_shoulder_elev", "r_elbow_flex"])
    }

    @Test func truthModelDiffersByTheRecordedScaleFactors() throws {
        let generic = try OSimFile.read(SharedData.s01 + "/model.osim")
        let truth = try OSimFile.read(SharedData.s01 + "/truth_model.osim")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: SharedData.s01 + "/subject.json"))) as? [String: Any]
        let scales = try #require(json?["truth_parameter_scale"] as? [String: [String: Double]])
        for muscle in generic.muscles {
            let truthMuscle = try #require(truth.muscle(muscle.name))
            let scale = try #require(scales[muscle.name])
            #expect(abs(truthMuscle.maxIsometricForce / muscle.maxIsometricForce - scale["max_isometric_force"]!) < 1e-9)
            #expect(abs(truthMuscle.optimalFiberLength / muscle.optimalFiberLength - scale["optimal_fiber_length"]!) < 1e-9)
        }
    }

    @Test func readsTheRajagopalMillardModel() throws {
        let model = try OSimFile.read(SharedData.walk + "/subject_walk_scaled.osim")
        #expect(model.muscles.count == 80)
        #expect(model.muscles.allSatisfy { $0.model == .millard2012Equilibrium })
        #expect(model.coordinates.count == 33)
        let soleus = try #require(model.muscle("soleus_r"))
        #expect(soleus.maxIsometricForce == 6194.8426229508204)
        #expect(soleus.optimalFiberLength == 0.052435365323045442)
        #expect(soleus.tendonSlackLength == 0.33528840980595548)
        #expect(soleus.pennationAngleAtOptimal == 0.38142888000000003)
        #expect(soleus.maxContractionVelocity == 10) // absent: Muscle's default
        #expect(soleus.activationTimeConstant == 0.010 && soleus.deactivationTimeConstant == 0.040) // absent: Millard's defaults
        #expect(soleus.defaultActivation == 0.01)
        guard case .millard2012Equilibrium(let curves) = soleus.curves else { Issue.record("not Millard curves"); return }
        #expect(curves.fiberDamping == 0.01 && curves.minimumActivation == 0.01)
        #expect(curves.activeForceLength == ActiveForceLengthCurve(
            minNormActiveFiberLength: 0.25, transitionNormFiberLength: 0.77000000000000002, maxNormActiveFiberLength: 1.8999999999999999,
            shallowAscendingSlope: 0.75, minimumValue: 0))
        #expect(curves.forceVelocity.eccentricSlopeNearVmax == 0.14999999999999999)
        #expect(curves.forceVelocity.maxEccentricVelocityForceMultiplier == 1.3999999999999999)
        #expect(curves.forceVelocity.concentricCurviness == 0.6) // absent: ForceVelocityCurve's default
        #expect(curves.fiberForceLength.strainAtOneNormForce == 0.69999999999999996)
        #expect(curves.fiberForceLength.stiffnessAtOneNormForce == nil)
        #expect(curves.tendonForceLength.strainAtOneNormForce == 0.049) // empty element: default
        let addbrev = try #require(model.muscle("addbrev_r"))
        #expect(addbrev.maxIsometricForce == 625.81967213114797 && addbrev.tendonSlackLength == 0.036001344065045231)
        #expect(model.coordinate("knee_angle_r")?.motionType == .rotational) // linear slope-1 axis plus coupled translations
        #expect(model.coordinate("knee_angle_r")?.range == 0...2.4434609527920599)
        #expect(model.coordinate("pelvis_tx")?.motionType == .translational)
        #expect(model.coordinate("ankle_angle_r")?.motionType == .rotational)
        #expect(model.coordinate("ankle_angle_r")?.joint == "ankle_r")
    }

    @Test func appliesOpenSimDefaultsToAThelenMuscle() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <OpenSimDocument Version="40000">
          <Model name="tiny">
            <JointSet><objects>
              <SliderJoint name="slide"><coordinates><Coordinate name="x"><range>-1 1</range></Coordinate></coordinates></SliderJoint>
            </objects></JointSet>
            <ForceSet><objects>
              <Thelen2003Muscle name="m"><max_isometric_force>500</max_isometric_force><Af>0.3</Af></Thelen2003Muscle>
              <RigidTendonMuscle name="r"/>
            </objects></ForceSet>
          </Model>
        </OpenSimDocument>
        """
        let model = try OSimFile.parse(Data(xml.utf8), file: "tiny.osim")
        #expect(model.name == "tiny")
        #expect(model.coordinates == [Coordinate(name: "x", joint: "slide", motionType: .translational, range: -1...1)])
        #expect(model.unsupportedMuscles == [UnsupportedMuscle(name: "r", className: "RigidTendonMuscle")])
        let muscle = try #require(model.muscle("m"))
        #expect(muscle.maxIsometricForce == 500 && muscle.optimalFiberLength == 0.1 && muscle.tendonSlackLength == 0.2)
        #expect(muscle.activationTimeConstant == 0.015 && muscle.deactivationTimeConstant == 0.050)
        guard case .thelen2003(let curves) = muscle.curves else { Issue.record("not Thelen curves"); return }
        #expect(curves.af == 0.3)
        #expect(curves.fmaxTendonStrain == 0.04 && curves.fmaxMuscleStrain == 0.6 && curves.kshapeActive == 0.45)
        #expect(curves.kshapePassive == 5 && curves.flen == 1.4 && curves.maximumPennationAngle == acos(0.1))
    }

    /// A model's activation_dynamics_smoothing reaches its muscle's activation dynamics (b = 10 switches between τa
    /// and τd far more sharply than OpenSim's default 0.1), and a negative one is an error naming the line.
    @Test func readsTheActivationDynamicsSmoothing() throws {
        let xml = "<OpenSimDocument><Model name=\"a\"><ForceSet>\n<DeGrooteFregly2016Muscle name=\"m\">\n<activation_dynamics_smoothing>10</activation_dynamics_smoothing>\n</DeGrooteFregly2016Muscle></ForceSet></Model></OpenSimDocument>"
        let model = try OSimFile.parse(Data(xml.utf8), file: "b10.osim")
        guard case .deGrooteFregly2016(let curves) = try #require(model.muscle("m")).curves else { Issue.record("not DeGroote curves"); return }
        #expect(curves.activationDynamicsSmoothing == 10)
        let negative = xml.replacingOccurrences(of: ">10<", with: ">-1<")
        let error = try #require(throws: InputError.self) { try OSimFile.parse(Data(negative.utf8), file: "bad.osim") }
        #expect(error.line == 3 && error.message.contains("activation_dynamics_smoothing"), "\(error)")
    }

    @Test(arguments: [
        ("<OpenSimDocument><Model name=\"a\">\n<ForceSet>\n<DeGrooteFregly2016Muscle name=\"m\">\n<max_isometric_force>abc</max_isometric_force>\n</DeGrooteFregly2016Muscle></ForceSet></Model></OpenSimDocument>",
         4, "expected a number in <max_isometric_force> of muscle 'm', found 'abc'"),
        ("<OpenSimDocument><Model name=\"a\">\n<DeGrooteFregly2016Muscle name=\"m\">\n\n<optimal_fiber_length>-0.1</optimal_fiber_length>\n</DeGrooteFregly2016Muscle></Model></OpenSimDocument>",
         4, "expected <optimal_fiber_length> of muscle 'm' in 5e-324...1.7976931348623157e+308, found -0.1"),
        ("<OpenSimDocument><Model>\n<PinJoint name=\"j\"><coordinates><Coordinate name=\"q\">\n<range>1</range></Coordinate></coordinates></PinJoint></Model></OpenSimDocument>",
         3, "expected 2 numbers in <range> of coordinate 'q', found '1'"),
        ("<OpenSimDocument><Model>\n<Thelen2003Muscle name=\"m\"><ignore_tendon_compliance>yes</ignore_tendon_compliance></Thelen2003Muscle></Model></OpenSimDocument>",
         2, "expected true or false in <ignore_tendon_compliance> of muscle 'm', found 'yes'"),
        ("<html>\n<body/></html>", 1, "expected an OpenSim model (<OpenSimDocument> holding <Model>), found <html>"),
    ])
    func reportsBadModelsWithLineAndField(xml: String, line: Int, message: String) throws {
        let error = try #require(throws: InputError.self) { try OSimFile.parse(Data(xml.utf8), file: "bad.osim") }
        #expect(error.file == "bad.osim")
        #expect(error.line == line)
        #expect(error.message == message)
    }

    @Test func reportsMalformedXMLWithALine() throws {
        let error = try #require(throws: InputError.self) {
            try OSimFile.parse(Data("<OpenSimDocument>\n<Model>\n<oops>\n</Model>".utf8), file: "broken.osim")
        }
        #expect(error.line.map { $0 >= 3 } == true)
        #expect(error.message.hasPrefix("expected well-formed XML"))
    }
}
