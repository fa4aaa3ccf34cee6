import Estimation

/// Reads a method's own options from the arguments `nmm fit` did not know itself: `--name value`, `--name=value`,
/// and for yes/no options `--name` / `--no-name`; `automatic` leaves an option that allows it to the method.
enum MethodOptionArguments {
    /// The options `arguments` set for `method`, checked against its option descriptions. An option only other
    /// registered methods have is skipped with a note in `ignored` (one command line can then serve every method of a
    /// comparison); an option no method has is an error.
    static func parse(_ arguments: [String], method: any EstimationMethod.Type) throws -> (values: [(String, MethodOptionValue)], ignored: [String]) {
        let options = method.optionDescriptions
        var values: [(String, MethodOptionValue)] = []
        var ignored: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--") else { throw EstimationError("unexpected argument '\(argument)'") }
            let parts = argument.dropFirst(2).split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts.first ?? ""
            if parts.count == 1, let flag = flagValue(name, options: options) {
                values.append(flag)
                index += 1
                continue
            }
            if let option = options.first(where: { $0.name == name }) {
                let (text, next) = try valueText(parts, at: index, in: arguments, for: option)
                values.append((name, try value(text, for: option)))
                index = next
            } else if let (owner, option) = otherMethodsOption(named: name, besides: method) {
                index = parts.count == 1 && option.kind == .flag ? index + 1 : try valueText(parts, at: index, in: arguments, for: option).next
                ignored.append("--\(name) is an option of \(owner); --method \(method.id) does not use it (ignored)")
            } else {
                throw EstimationError("--method \(method.id) has no option --\(name) (its options: \(options.map { "--" + $0.name }.joined(separator: ", ")); `nmm help methods` lists every method's)")
            }
        }
        return (values, ignored)
    }

    /// The value of the option at `index` (`--name=value` or `--name value`) and the index after it.
    private static func valueText(_ parts: [String], at index: Int, in arguments: [String],
                                  for option: MethodOptionDescription) throws -> (text: String, next: Int) {
        if parts.count == 2 { return (parts[1], index + 1) }
        guard index + 1 < arguments.count else { throw EstimationError("--\(option.name) needs a value (\(option.kind.text))") }
        return (arguments[index + 1], index + 2)
    }

    /// The registered method other than `method` that has an option `name` (or, for a yes/no option, `no-name`).
    private static func otherMethodsOption(named name: String, besides method: any EstimationMethod.Type) -> (String, MethodOptionDescription)? {
        for other in MethodRegistry.all where other.id != method.id {
            let flagName = name.hasPrefix("no-") ? String(name.dropFirst(3)) : nil
            if let option = other.optionDescriptions.first(where: { $0.name == name || ($0.kind == .flag && $0.name == flagName) }) {
                return (other.id, option)
            }
        }
        return nil
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
        case .choice(let words):
            guard words.contains(text) else { throw EstimationError("--\(option.name): expected \(option.kind.text), found '\(text)'") }
            return .word(text)
        }
    }
}
