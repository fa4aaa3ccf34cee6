/// What nmm reads from an OpenSim model (.osim): its coordinates and its muscles' parameters.
public struct OpenSimModel: Sendable, Equatable, Codable {
    /// The `<Model name=...>` attribute.
    public var name: String
    /// Every joint coordinate, in file order.
    public var coordinates: [Coordinate]
    /// Every muscle of a supported class, in file order.
    public var muscles: [MuscleParameters]
    /// Muscles of classes nmm does not model (name and class), so a user can see what was skipped.
    public var unsupportedMuscles: [UnsupportedMuscle]
    /// The bodies and joints, for nmm's own inverse dynamics; nil when the model's joints are beyond it
    /// (``skeletonUnavailable`` says why).
    public var skeleton: OpenSimSkeleton?
    /// Why ``skeleton`` is nil.
    public var skeletonUnavailable: SkeletonUnavailable?

    /// Creates a model description.
    public init(name: String, coordinates: [Coordinate], muscles: [MuscleParameters], unsupportedMuscles: [UnsupportedMuscle] = [],
                skeleton: Result<OpenSimSkeleton, SkeletonUnavailable>? = nil) {
        self.name = name
        self.coordinates = coordinates
        self.muscles = muscles
        self.unsupportedMuscles = unsupportedMuscles
        switch skeleton {
        case .success(let found): self.skeleton = found
        case .failure(let reason): skeletonUnavailable = reason
        case nil: skeletonUnavailable = SkeletonUnavailable("model '\(name)' was made without its bodies and joints")
        }
    }

    /// The muscle named `name`, if any.
    public func muscle(_ name: String) -> MuscleParameters? { muscles.first { $0.name == name } }

    /// The coordinate named `name`, if any.
    public func coordinate(_ name: String) -> Coordinate? { coordinates.first { $0.name == name } }

    /// Names of the rotational coordinates: the columns OpenSim converts when a motion file says
    /// `inDegrees=yes` (pass them to `TimeSeries.inRadians(rotationalColumns:)`).
    public var rotationalCoordinateNames: Set<String> {
        Set(coordinates.filter { $0.motionType == .rotational }.map(\.name))
    }
}

/// A muscle element whose class nmm does not model.
public struct UnsupportedMuscle: Sendable, Equatable, Codable {
    /// The muscle's name.
    public var name: String
    /// Its OpenSim class, e.g. `Schutte1993Muscle_Deprecated`.
    public var className: String
}

/// A joint coordinate (generalized coordinate) of an OpenSim model.
public struct Coordinate: Sendable, Equatable, Codable {
    /// The coordinate's name, e.g. `r_elbow_flex`.
    public var name: String
    /// The joint that owns it.
    public var joint: String
    /// Rotational (radians), translational (metres) or coupled, as OpenSim decides it.
    public var motionType: CoordinateMotionType
    /// `range`: the lower and upper value (radians or metres).
    public var range: ClosedRange<Double>
    /// `default_value`.
    public var defaultValue: Double
    /// `clamped`: whether values are limited to `range`.
    public var clamped: Bool
    /// `locked`: whether the coordinate is held at its value.
    public var locked: Bool

    /// Creates a coordinate.
    public init(name: String, joint: String, motionType: CoordinateMotionType, range: ClosedRange<Double>,
                defaultValue: Double = 0, clamped: Bool = false, locked: Bool = false) {
        self.name = name
        self.joint = joint
        self.motionType = motionType
        self.range = range
        self.defaultValue = defaultValue
        self.clamped = clamped
        self.locked = locked
    }
}

/// OpenSim's `Coordinate::MotionType`.
public enum CoordinateMotionType: String, Sendable, Equatable, Codable {
    /// A rotation about an axis, in radians.
    case rotational
    /// A translation along an axis, in metres.
    case translational
    /// Enters the joint only through nonlinear functions (neither a pure rotation nor translation).
    case coupled
}
