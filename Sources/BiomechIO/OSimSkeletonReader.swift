/// Reads the bodies and joints of an OpenSim 4 model element into an ``OpenSimSkeleton``.
///
/// Joints nmm can move: WeldJoint, PinJoint, SliderJoint and CustomJoint whose axes are constant or linear in one
/// coordinate. Anything else (an OpenSim 3 layout, a spline-coupled knee, a BallJoint) leaves the model without a
/// skeleton and says why: the skeleton is optional (only nmm's own inverse dynamics needs it), so it never fails a
/// model that loads today.
struct OSimSkeletonReader {
    let model: XMLTreeElement
    let file: String

    /// The skeleton, or why the model has none (a diagnostic naming file and line).
    func read() -> Result<OpenSimSkeleton, SkeletonUnavailable> {
        do {
            guard let jointSet = model.child("JointSet")?.child("objects") else {
                throw SkeletonUnavailable("\(file): no <JointSet> (an OpenSim 3 model keeps its joints inside the bodies; nmm reads OpenSim 4's layout)")
            }
            let bodies = try (model.child("BodySet")?.child("objects")?.children ?? []).filter { $0.name == "Body" }.map(body)
            let joints = try jointSet.children.filter { $0.name.hasSuffix("Joint") }.map(joint)
            let gravity = try OSimProperties(element: model, file: file, owner: "the model").numbers("gravity", count: 3) ?? [0, -9.80665, 0]
            return .success(OpenSimSkeleton(bodies: bodies, joints: joints, gravity: SIMD3(gravity[0], gravity[1], gravity[2])))
        } catch let error as SkeletonUnavailable {
            return .failure(error)
        } catch {
            return .failure(SkeletonUnavailable("\(error)"))
        }
    }

    private func body(_ element: XMLTreeElement) throws -> OpenSimSkeleton.Body {
        let name = element.attributes["name"] ?? ""
        let properties = OSimProperties(element: element, file: file, owner: "body '\(name)'")
        let center = try properties.numbers("mass_center", count: 3) ?? [0, 0, 0]
        return OpenSimSkeleton.Body(
            name: name, mass: try properties.number("mass", default: 0, validRange: 0...Double.greatestFiniteMagnitude),
            massCenter: SIMD3(center[0], center[1], center[2]), inertia: try properties.numbers("inertia", count: 6) ?? [0, 0, 0, 0, 0, 0])
    }

    private func joint(_ element: XMLTreeElement) throws -> OpenSimSkeleton.Joint {
        let name = element.attributes["name"] ?? ""
        let coordinates = (element.child("coordinates")?.children ?? []).filter { $0.name == "Coordinate" }.compactMap { $0.attributes["name"] }
        func single(_ direction: SIMD3<Double>, rotates: Bool) throws -> [OpenSimSkeleton.Axis] {
            guard coordinates.count == 1 else { throw unavailable(element, "\(element.name) '\(name)' has \(coordinates.count) coordinates; expected 1") }
            return [OpenSimSkeleton.Axis(rotates: rotates, direction: direction, coordinate: coordinates[0], slope: 1, offset: 0)]
        }
        let axes: [OpenSimSkeleton.Axis]
        switch element.name {
        case "WeldJoint": axes = []
        case "PinJoint": axes = try single(SIMD3(0, 0, 1), rotates: true)
        case "SliderJoint": axes = try single(SIMD3(1, 0, 0), rotates: false)
        case "CustomJoint":
            axes = try (element.child("SpatialTransform")?.children ?? []).filter { $0.name == "TransformAxis" }.map { try axis($0, joint: name) }
        default:
            throw unavailable(element, "joint '\(name)' is a \(element.name); nmm's inverse dynamics moves WeldJoint, PinJoint, SliderJoint and CustomJoint")
        }
        return OpenSimSkeleton.Joint(name: name, parent: try frame(element, socket: "socket_parent_frame"),
                                     child: try frame(element, socket: "socket_child_frame"), axes: axes)
    }

    /// One TransformAxis of a CustomJoint: constant, or linear in one coordinate.
    private func axis(_ element: XMLTreeElement, joint: String) throws -> OpenSimSkeleton.Axis {
        let label = "axis '\(element.attributes["name"] ?? "")' of joint '\(joint)'"
        let properties = OSimProperties(element: element, file: file, owner: label)
        let direction = try properties.numbers("axis", count: 3) ?? [1, 0, 0]
        let unit = SIMD3(direction[0], direction[1], direction[2])
        let length = (unit * unit).sum().squareRoot()
        guard length > 0 else { throw unavailable(element, "\(label) has a zero direction") }
        let names = (element.child("coordinates")?.trimmedText ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        guard names.count <= 1 else { throw unavailable(element, "\(label) couples \(names.count) coordinates") }
        let function = element.children.first { $0.name != "coordinates" && $0.name != "axis" }
        let wrapped = function?.name == "function" ? function?.children.first : function
        let slope: Double, offset: Double
        switch wrapped?.name {
        case "LinearFunction":
            let coefficients = try OSimProperties(element: wrapped!, file: file, owner: label).numbers("coefficients", count: 2) ?? [1, 0]
            (slope, offset) = (coefficients[0], coefficients[1])
        case "Constant":
            (slope, offset) = (0, try OSimProperties(element: wrapped!, file: file, owner: label).number("value", default: 0))
        case nil where names.isEmpty:
            (slope, offset) = (0, 0)
        default:
            throw unavailable(element, "\(label) is a \(wrapped?.name ?? "missing function") of its coordinate; nmm's inverse dynamics takes constant and linear axes")
        }
        return OpenSimSkeleton.Axis(rotates: (element.attributes["name"] ?? "").hasPrefix("rotation"), direction: unit / length,
                                    coordinate: names.first, slope: names.isEmpty ? 0 : slope, offset: offset)
    }

    /// The frame a joint's socket names: one of the joint's offset frames, or a body (or ground) itself.
    private func frame(_ joint: XMLTreeElement, socket: String) throws -> OpenSimSkeleton.Frame {
        guard let path = joint.child(socket)?.trimmedText, !path.isEmpty else {
            throw unavailable(joint, "joint '\(joint.attributes["name"] ?? "")' has no <\(socket)>")
        }
        let offset = (joint.child("frames")?.children ?? []).first { $0.name == "PhysicalOffsetFrame" && $0.attributes["name"] == Self.lastComponent(path) }
        guard let offset else { return OpenSimSkeleton.Frame(body: Self.body(atPath: path), translation: .zero, orientation: .zero) }
        let properties = OSimProperties(element: offset, file: file, owner: "frame '\(Self.lastComponent(path))'")
        let translation = try properties.numbers("translation", count: 3) ?? [0, 0, 0]
        let orientation = try properties.numbers("orientation", count: 3) ?? [0, 0, 0]
        return OpenSimSkeleton.Frame(body: Self.body(atPath: offset.child("socket_parent")?.trimmedText ?? ""),
                                     translation: SIMD3(translation[0], translation[1], translation[2]),
                                     orientation: SIMD3(orientation[0], orientation[1], orientation[2]))
    }

    private static func lastComponent(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    /// The body a component path names (`/bodyset/r_humerus`, `r_humerus`); nil for ground.
    private static func body(atPath path: String) -> String? {
        let name = lastComponent(path)
        return name == "ground" ? nil : name
    }

    private func unavailable(_ element: XMLTreeElement, _ message: String) -> SkeletonUnavailable {
        SkeletonUnavailable("\(file):\(element.line): \(message)")
    }
}

/// Why a model has no ``OpenSimSkeleton``.
public struct SkeletonUnavailable: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The reason, naming file and line.
    public var description: String
    /// A reason.
    public init(_ description: String) { self.description = description }
}
