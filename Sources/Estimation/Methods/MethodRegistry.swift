/// Every estimation method nmm offers. Adding a method: write its folder (the type conforming to
/// ``EstimationMethod``, its fitted predictor, its tests) and list the type here; the command line, help, the
/// notebook's `fit` commands and chart styles follow from this list.
public enum MethodRegistry {
    /// The methods, in the order help lists them.
    public static let all: [any EstimationMethod.Type] = [
        NMMMethod.self,
        SynergyExtrapolationMethod.self,
        StaticOptimizationMethod.self,
        AgonistMethod.self,
        MeanMethod.self,
    ]

    /// The method whose id is `id`.
    public static func method(id: String) -> (any EstimationMethod.Type)? {
        all.first { $0.id == id }
    }

    /// A method with its default settings, by id; the error lists the ids there are.
    public static func defaultMethod(id: String) throws -> any EstimationMethod {
        guard let type = method(id: id) else {
            throw EstimationError("no method '\(id)' (there are \(all.map { $0.id }.joined(separator: ", ")))")
        }
        return withDefaults(type)
    }

    /// A method of type `type` with its default settings (a generic function opens the existential metatype).
    private static func withDefaults<Method: EstimationMethod>(_ type: Method.Type) -> any EstimationMethod {
        Method(configuration: Method.defaultConfiguration)
    }

    /// `nmm help methods`: every method with its summary, capabilities and options with their defaults.
    public static var help: String {
        all.map { method in
            var lines = ["\(method.id) — \(method.summary)", "  " + method.capabilities.phrases.joined(separator: "; ")]
            for option in method.optionDescriptions {
                let shown = option.acceptsAutomatic && option.defaultValue == .automatic ? "automatic" : option.defaultValue.text
                lines.append("  --\(option.name) (\(option.kind.text); default \(shown)): \(option.help)")
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
