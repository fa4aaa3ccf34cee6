/// One parameter of a C3D file's parameter section, such as `ANALOG:RATE` or `POINT:LABELS`.
public struct C3DParameter: Sendable, Equatable {
    /// The values of a parameter, by the type its record declares.
    public enum Values: Sendable, Equatable {
        /// Type -1: character data; the first dimension is each string's length (trailing spaces removed).
        case text([String])
        /// Type 1 (signed byte) or 2 (signed 16-bit integer).
        case integers([Int])
        /// Type 4: floats.
        case floats([Float])
    }

    /// The group's name, upper case as the file writes it (`ANALOG`).
    public var group: String
    /// The parameter's name (`RATE`).
    public var name: String
    /// The dimensions the record declares (empty for a scalar).
    public var dimensions: [Int]
    /// The values, flattened in file order.
    public var values: Values
    /// The description the file gives.
    public var description: String

    /// The values as numbers (nil for text).
    public var numbers: [Double]? {
        switch values {
        case .integers(let values): return values.map(Double.init)
        case .floats(let values): return values.map(Double.init)
        case .text: return nil
        }
    }

    /// The values as strings (nil for numbers).
    public var strings: [String]? {
        if case .text(let strings) = values { return strings }
        return nil
    }
}

/// Every parameter of a C3D file, looked up by `GROUP:NAME`.
public struct C3DParameters: Sendable, Equatable {
    /// The parameters in file order.
    public var all: [C3DParameter]

    /// The parameter `name` of `group` (case-insensitive), if the file has it.
    public func parameter(_ group: String, _ name: String) -> C3DParameter? {
        all.first { $0.group.uppercased() == group.uppercased() && $0.name.uppercased() == name.uppercased() }
    }

    /// Whether the file has a group named `group`.
    public func hasGroup(_ group: String) -> Bool { all.contains { $0.group.uppercased() == group.uppercased() } }

    /// The first number of `group:name`.
    public func number(_ group: String, _ name: String) -> Double? { parameter(group, name)?.numbers?.first }

    /// The numbers of `group:name` followed by those of `group:name2`, `group:name3`, … (how files
    /// with more than 255 channels continue a list).
    public func numbers(_ group: String, _ name: String) -> [Double]? {
        continued(group, name) { $0.numbers }
    }

    /// The strings of `group:name` followed by those of `group:name2`, `group:name3`, ….
    public func strings(_ group: String, _ name: String) -> [String]? {
        continued(group, name) { $0.strings }
    }

    private func continued<T>(_ group: String, _ name: String, _ values: (C3DParameter) -> [T]?) -> [T]? {
        guard let first = parameter(group, name).flatMap(values) else { return nil }
        var all = first
        var index = 2
        while let more = parameter(group, "\(name)\(index)").flatMap(values) {
            all += more
            index += 1
        }
        return all
    }
}
