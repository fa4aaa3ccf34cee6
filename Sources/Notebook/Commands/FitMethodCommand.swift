import Musculoskeletal
import Estimation

/// `fit ID` for every method in Estimation's ``MethodRegistry``: the common fit options plus each of the method's
/// own options (written with '_' where the command line writes '-': `validation_fraction: 0`), its summary,
/// discussion and defaults — all from the method's declaration.
struct FitMethodCommand<Method: EstimationMethod>: CachedCommand {
    typealias Artifact = FitArtifact

    static var name: String { "fit \(Method.id)" }
    static var summary: String { Method.summary }
    static var discussion: String { Method.discussion + " The fit is cached: re-running an unchanged notebook skips it." }
    static var parameters: [ParameterSpec] {
        FitSupport.commonParameters + Method.optionDescriptions.map { option in
            .option(notebookName(option.name), valueType(option.kind), default: defaultText(option), help: option.help)
        }
    }
    static var examples: [String] {
        ["\(Method.id) = fit \(Method.id) sets measured: [BIClong, BICshort, TRIlong, TRIlat] coordinates: [r_elbow_flex] seed: 7"]
    }

    func compute(_ invocation: Invocation, context: CommandContext) throws -> FitArtifact {
        var method = Method()
        for option in Method.optionDescriptions {
            let name = Self.notebookName(option.name)
            guard invocation.has(name), let value = Self.value(invocation, name, option.kind) else { continue }
            do { try method.set(option: option.name, to: value) } catch let error as EstimationError {
                throw invocation.error(error.message, at: name)
            }
        }
        let (request, _) = try FitSupport.request(method, invocation)
        return try FitSupport.run(request, bounds: ParameterBounds(), invocation: invocation, context: context)
    }

    func result(from artifact: FitArtifact, invocation: Invocation, context: CommandContext) throws -> CommandResult {
        FitSupport.result(artifact)
    }

    /// A method option's name in a notebook.
    static func notebookName(_ name: String) -> String { name.replacingOccurrences(of: "-", with: "_") }

    /// The notebook type of an option kind.
    static func valueType(_ kind: MethodOptionKind) -> ValueType {
        switch kind {
        case .integer: return .integer
        case .number: return .number
        case .flag: return .flag
        case .choice: return .word
        }
    }

    /// The default as help shows it.
    static func defaultText(_ option: MethodOptionDescription) -> String {
        option.defaultValue == .automatic ? "automatic" : option.defaultValue.text
    }

    /// The option's value as the invocation holds it.
    static func value(_ invocation: Invocation, _ name: String, _ kind: MethodOptionKind) -> MethodOptionValue? {
        switch kind {
        case .integer: return invocation.integer(name).map { .integer($0) }
        case .number: return invocation.number(name).map { .number($0) }
        case .flag: return invocation.flag(name).map { .flag($0) }
        case .choice: return invocation.text(name).map { .word($0) }
        }
    }
}

extension CommandRegistry {
    /// The `fit` command of every registered estimation method.
    static var fitCommands: [any NotebookCommand.Type] {
        MethodRegistry.all.map { fitCommand(for: $0) }
    }

    private static func fitCommand<Method: EstimationMethod>(for _: Method.Type) -> any NotebookCommand.Type {
        FitMethodCommand<Method>.self
    }
}
