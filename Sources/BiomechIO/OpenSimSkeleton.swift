/// The rigid bodies and joints of an OpenSim 4 model: what inverse dynamics needs of it.
///
/// Every joint moves its child body relative to its parent through offset frames fixed on each, as OpenSim's
/// `PhysicalOffsetFrame`s do: the child frame's pose in the parent frame is the joint's rotations applied in order,
/// each about its axis in the frame the previous ones left (a body-fixed sequence, as OpenSim's `SpatialTransform`),
/// then its translations along axes of the parent frame.
public struct OpenSimSkeleton: Sendable, Equatable, Codable {
    /// One rigid body.
    public struct Body: Sendable, Equatable, Codable {
        /// The body's name.
        public var name: String
        /// Mass (kg).
        public var mass: Double
        /// Centre of mass in the body frame (m).
        public var massCenter: SIMD3<Double>
        /// Inertia about the centre of mass in the body frame: Ixx Iyy Izz Ixy Ixz Iyz (kg·m²).
        public var inertia: [Double]
        /// A body from its parts.
        public init(name: String, mass: Double, massCenter: SIMD3<Double>, inertia: [Double]) {
            self.name = name; self.mass = mass; self.massCenter = massCenter; self.inertia = inertia
        }
    }

    /// A frame fixed on a body (or on ground, `body` nil): its origin and orientation in the body frame.
    public struct Frame: Sendable, Equatable, Codable {
        /// Name of the body it is fixed on; nil for ground.
        public var body: String?
        /// Origin in the body frame (m).
        public var translation: SIMD3<Double>
        /// Body-fixed X-Y-Z Euler angles of its orientation in the body frame (rad), as OpenSim's `orientation`.
        public var orientation: SIMD3<Double>
        /// A frame from its parts.
        public init(body: String?, translation: SIMD3<Double>, orientation: SIMD3<Double>) {
            self.body = body; self.translation = translation; self.orientation = orientation
        }
    }

    /// One axis of a joint: a rotation about, or a translation along, `direction` by `slope · q + offset`,
    /// q the value of `coordinate` (no coordinate: the constant `offset`).
    public struct Axis: Sendable, Equatable, Codable {
        /// Whether the axis rotates (rad) or translates (m).
        public var rotates: Bool
        /// Unit direction in the joint's frame.
        public var direction: SIMD3<Double>
        /// The coordinate driving it; nil for a constant displacement.
        public var coordinate: String?
        /// Displacement per unit of the coordinate.
        public var slope: Double
        /// Displacement at a coordinate value of 0.
        public var offset: Double
        /// An axis from its parts.
        public init(rotates: Bool, direction: SIMD3<Double>, coordinate: String?, slope: Double, offset: Double) {
            self.rotates = rotates; self.direction = direction; self.coordinate = coordinate; self.slope = slope; self.offset = offset
        }
    }

    /// A joint between a parent frame and the child body's frame.
    public struct Joint: Sendable, Equatable, Codable {
        /// The joint's name.
        public var name: String
        /// The frame on the parent body (or ground).
        public var parent: Frame
        /// The frame on the child body.
        public var child: Frame
        /// Rotations in order, then translations.
        public var axes: [Axis]
        /// A joint from its parts.
        public init(name: String, parent: Frame, child: Frame, axes: [Axis]) {
            self.name = name; self.parent = parent; self.child = child; self.axes = axes
        }
    }

    /// The bodies, in file order.
    public var bodies: [Body]
    /// The joints, in file order.
    public var joints: [Joint]
    /// Gravitational acceleration in ground (m/s²).
    public var gravity: SIMD3<Double>

    /// A skeleton from its parts.
    public init(bodies: [Body], joints: [Joint], gravity: SIMD3<Double>) {
        self.bodies = bodies; self.joints = joints; self.gravity = gravity
    }
}
