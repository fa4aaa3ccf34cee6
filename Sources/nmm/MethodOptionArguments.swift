import Estimation

/// Reads a method's own options from the arguments `nmm fit` did not know itself: `--name value`, `--name=value`,
/// and for yes/no options `--name` / `--no-name`; `automatic` leaves an option that allows it to the method.
enum MethodOptionArguments {
    /// The (option, value) pairs in `arguments`, checked against `options` of method `method`.
    static func parse(_ arguments: [String], options: [MethodOptionDescription], method: String) throws -> [(String, MethodOptionValue)] {
        var pairs: [(String, MethodOptionValue)] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--") else { throw EstimationError("unexpected argument '\(argument)'") }
            let parts = argument.dropFirst(2).split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts.first ?? ""
            if parts.count == 1, let flag = flagValue(name, options: options) {
                pairs.append(flag)
                index += 1
                continue
            }
            guard let option = options.first(where: { $0.name == name }) else {
                throw EstimationError("--method \(method) has no option --\(name) (its options: \(options.map { "--" + $0.name }.joined(separator: ", ")); `nmm help methods` lists every method's)")
            }
            let text: String
            if parts.count == 2 {
                text = parts[1]
                index += 1
            } else {
                guard index + 1 < arguments.count else { throw EstimationError("--\(name) needs a value (\(option.kind.text))") }
                text = arguments[index + 1]
                index += 2
            }
            pairs.append((name, try value(text, for: option)))
        }
        return pairs
    }

    /// `--name` or `--no-name` of a yes/no option.
    private static func flagValue(_ name: String, options: [MethodOptionDescription]) -> (String, MethodOptionValue)? {
        let flags = options.filter { $0.kind == .flag }.map(\.name)
        if flags.contains(name) { return (name, .flag(true)) }
        if name.hasPrefix("no-"), flags.contains(String(name.dropFirst(3))) { return (String(name.dropFirst(3)), .flag(false)) }
        return nil
    }

    /// `text` read as a value of `option`'s kind.
    private static func value(_ text: String, for option: MethodOptionDescription) throws -> MethodOptionValue {
        if text == "automatic", option.acceptsAutomatic { return .automatic }
        switch option.kind {
        case .integer:
            guard let value = Int(text) else { throw EstimationError("--\(option.name): expected \(option.kind.text), found '\(text)'") }
            return .integer(value)
        case .number:
            guard let value = Double(text), value.isFinite else { throw EstimationError("--\(option.name): expected \(option.kind.text), found '\(text)'") }
            return .number(value)
        case .flag:
            switch text.lowercased() {
            case "yes", "true", "on": return .flag(true)
            case "no", "false", "off": return .flag(false)
            default: throw EstimationError("--\(option.name): expected yes or no, found '\(text)'")
            }
        }
    }
}
