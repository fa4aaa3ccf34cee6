import BiomechIO

/// Forward kinematics of an ``OpenSimSkeleton``: the pose in ground of every body for values of its coordinates.
public struct SkeletonPoses: Sendable {
    /// The skeleton.
    public let skeleton: OpenSimSkeleton
    /// The coordinates that move it, in the order of the values ``poses(_:)`` takes (joint order, then axis order).
    public let coordinates: [String]
    /// Each body's number of joints from ground (``skeleton``'s body order): how far down the chain it hangs.
    public let depths: [Int]
    /// The joints in an order that places every parent body before its children.
    private let order: [PlacedJoint]

    private struct PlacedJoint {
        let joint: OpenSimSkeleton.Joint
        let parentBody: Int?, childBody: Int
        let parentFrame: RigidTransform, childFrameInverse: RigidTransform
        /// The coordinate index of each axis (nil: constant).
        let axisCoordinates: [Int?]
    }

    /// The kinematics of `skeleton`; throws when a body hangs on no joint or joints form a loop.
    public init(_ skeleton: OpenSimSkeleton) throws(SkeletonUnavailable) {
        self.skeleton = skeleton
        var coordinates: [String] = []
        for axis in skeleton.joints.flatMap(\.axes) { if let c = axis.coordinate, !coordinates.contains(c) { coordinates.append(c) } }
        self.coordinates = coordinates
        let bodyIndex = Dictionary(skeleton.bodies.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        func frame(_ f: OpenSimSkeleton.Frame) -> RigidTransform {
            RigidTransform(rotation: .bodyFixedXYZ(f.orientation), translation: f.translation)
        }
        var placed = Set<Int>(), order: [PlacedJoint] = [], pending = skeleton.joints
        var depths = [Int](repeating: 0, count: skeleton.bodies.count)
        while !pending.isEmpty {
            let before = pending.count
            pending.removeAll { joint in
                guard let childName = joint.child.body, let child = bodyIndex[childName] else { return false }
                let parent = joint.parent.body.flatMap { bodyIndex[$0] }
                guard joint.parent.body == nil || parent.map(placed.contains) == true, !placed.contains(child) else { return false }
                placed.insert(child)
                depths[child] = (parent.map { depths[$0] } ?? 0) + 1
                order.append(PlacedJoint(joint: joint, parentBody: parent, childBody: child, parentFrame: frame(joint.parent),
                                         childFrameInverse: frame(joint.child).inverse,
                                         axisCoordinates: joint.axes.map { axis in axis.coordinate.flatMap { coordinates.firstIndex(of: $0) } }))
                return true
            }
            if pending.count == before {
                throw SkeletonUnavailable("joints \(pending.map { "'\($0.name)'" }.joined(separator: ", ")) connect no body to ground (a loop, or an unknown body)")
            }
        }
        if let loose = skeleton.bodies.indices.first(where: { !placed.contains($0) }) {
            throw SkeletonUnavailable("body '\(skeleton.bodies[loose].name)' hangs on no joint")
        }
        self.order = order
        self.depths = depths
    }

    /// Each body's pose in ground (in `skeleton.bodies`' order) for coordinate values `q` (``coordinates``' order).
    public func poses(_ q: [Double]) -> [RigidTransform] {
        var pose = [RigidTransform](repeating: .identity, count: skeleton.bodies.count)
        for placed in order {
            var rotation = Matrix3.identity, translation = SIMD3<Double>.zero
            for (axis, index) in zip(placed.joint.axes, placed.axisCoordinates) {
                let value = axis.offset + axis.slope * (index.map { q[$0] } ?? 0)
                if axis.rotates {
                    rotation = rotation.times(.rotation(about: axis.direction, angle: value))
                } else {
                    translation += value * axis.direction
                }
            }
            let parent = placed.parentBody.map { pose[$0] } ?? .identity
            pose[placed.childBody] = parent.then(placed.parentFrame).then(RigidTransform(rotation: rotation, translation: translation))
                .then(placed.childFrameInverse)
        }
        return pose
    }
}
