import TestSupport
import BiomechIO
import Foundation
import Testing
@testable import Musculoskeletal

/// nmm's own inverse dynamics: the skeleton read from arm26's .osim reproduces OpenSim's inverse dynamics, and the
/// generic virtual-work machinery agrees with the closed-form planar arm.
@Suite(.needsSharedData)
struct InverseDynamicsTests {
    static func skeleton() throws -> OpenSimSkeleton {
        let model = try OSimFile.read(SharedData.s01 + "/model.osim")
        return try #require(model.skeleton, "\(model.skeletonUnavailable?.description ?? "")")
    }

    @Test func readsArm26sBodiesAndJoints() throws {
        let skeleton = try Self.skeleton()
        #expect(skeleton.bodies.map(\.name) == ["base", "r_humerus", "r_ulna_radius_hand"])
        #expect(skeleton.joints.map(\.name) == ["offset", "r_shoulder", "r_elbow"])
        let elbow = try #require(skeleton.joints.last)
        #expect(elbow.parent.body == "r_humerus" && elbow.parent.translation == SIMD3(0.0061, -0.2904, -0.0123))
        #expect(elbow.axes.first?.coordinate == "r_elbow_flex" && elbow.axes.first?.rotates == true)
        #expect(abs(elbow.axes[0].direction.z - 0.99810825) < 1e-6 && skeleton.gravity.y == -9.8066)
        let poses = try SkeletonPoses(skeleton)
        #expect(poses.coordinates == ["r_shoulder_elev", "r_elbow_flex"])
        #expect(poses.depths == [1, 2, 3], "base is welded to ground, the humerus hangs on it, the forearm on the humerus")
    }

    /// Rajagopal's joints translate along nonlinear functions of their angles (a MultiplierFunction at the hip, splines
    /// at the knee): no skeleton, and the reason names the file's line and the axis.
    @Test func aNonlinearlyCoupledJointLeavesNoSkeletonAndSaysWhere() throws {
        let model = try OSimFile.read(SharedData.walk + "/subject_walk_scaled.osim")
        #expect(model.skeleton == nil)
        let reason = try #require(model.skeletonUnavailable?.description)
        #expect(reason.contains("subject_walk_scaled.osim:") && reason.contains("MultiplierFunction") && reason.contains("hip_r"), "\(reason)")
    }

    /// On trial01's noise-free kinematics (no load), the torques match OpenSim's id.sto at the shoulder and the elbow.
    @Test func matchesOpenSimsInverseDynamics() throws {
        let dynamics = InverseDynamics(try SkeletonPoses(try Self.skeleton()))
        let truth = try StorageFile.read(SharedData.s01Trial(1, "truth_kinematics.sto"))
        let id = try StorageFile.read(SharedData.s01Trial(1, "id.sto"))
        let load = try StorageFile.read(SharedData.s01Trial(1, "load.sto"))
        #expect(try #require(load.column("load_mass")).allSatisfy { $0 == 0 } && (try #require(load.column("cable_force"))).allSatisfy { $0 == 0 })
        let names = ["r_shoulder_elev", "r_elbow_flex"]
        let q = try names.map { try #require(truth.column($0)) }, qd = try names.map { try #require(truth.column($0 + "_u")) }
        let qdd = try names.map { try #require(truth.column($0 + "_udot")) }
        let own = truth.time.indices.map { f in dynamics.generalizedForces(q: q.map { $0[f] }, qd: qd.map { $0[f] }, qdd: qdd.map { $0[f] }) }
        for (k, name) in names.enumerated() {
            let agreement = TorqueAgreement(model: own.map { $0[k] }, reference: try #require(id.column(name + "_moment")))
            #expect(agreement.r2 > 0.9999 && agreement.rmsePercentOfPeak < 0.5, "\(name): \(agreement)")
        }
    }

    /// A planar arm (elbow axis exactly z, no frame offsets beyond the upper arm's length) gives the closed-form
    /// two-link torques of ``ArmDynamics`` to 1e-6 relative, with a mass and a cable at the hand.
    @Test func agreesWithTheClosedFormPlanarArm() throws {
        let arm = ArmDynamics.arm26
        func body(_ name: String, _ s: ArmDynamics.Segment) -> OpenSimSkeleton.Body {
            OpenSimSkeleton.Body(name: name, mass: s.mass, massCenter: SIMD3(0, -s.centerOfMass, 0), inertia: [0.01, 0.002, s.inertia, 0, 0, 0])
        }
        func frame(_ body: String?, y: Double = 0) -> OpenSimSkeleton.Frame { .init(body: body, translation: SIMD3(0, y, 0), orientation: .zero) }
        func pin(_ c: String) -> [OpenSimSkeleton.Axis] { [.init(rotates: true, direction: SIMD3(0, 0, 1), coordinate: c, slope: 1, offset: 0)] }
        let skeleton = OpenSimSkeleton(
            bodies: [body("upper", arm.upperArm), body("fore", arm.forearm)],
            joints: [.init(name: "shoulder", parent: frame(nil), child: frame("upper"), axes: pin("q1")),
                     .init(name: "elbow", parent: frame("upper", y: -arm.upperArmLength), child: frame("fore"), axes: pin("q2"))],
            gravity: SIMD3(0, -arm.gravity, 0))
        let dynamics = InverseDynamics(try SkeletonPoses(skeleton))
        let hand = SIMD3(arm.handOffset, -arm.handDistance, 0)  // handOffset is anterior (+x) when the arm hangs
        for (q, qd, qdd) in [([0.3, 1.1], [0.5, -1.2], [-2.0, 3.5]), ([1.2, 0.2], [-0.1, 2.0], [0.7, -4.0])] {
            let loads = [InverseDynamics.PointLoad(body: 1, point: hand, mass: 2.5, force: SIMD3(0, 30, 0))]
            let own = dynamics.generalizedForces(q: q, qd: qd, qdd: qdd, loads: loads)
            let closed = arm.inverseDynamics(q: q, qd: qd, qdd: qdd, loadMass: 2.5, cableForce: 30)
            for k in 0..<2 { #expect(close(own[k], closed[k], relative: 1e-6, absolute: 1e-7), "q \(q) coordinate \(k): \(own[k]) vs \(closed[k])") }
        }
    }
}
