import BiomechIO
import Foundation

/// Runs a notebook's cells top to bottom in one session: values, parameters, the cache, failures and skips.
struct NotebookExecution {
    /// Why a name has no value: the cell whose failure took it.
    struct FailedOrigin {
        var cell: Int
        var line: Int
    }

    let document: NotebookDocument
    let options: RunOptions
    let context: CommandContext
    let cache: ResultCache
    let report: (Diagnostic) -> Void

    private(set) var session = Session()
    private(set) var parameters: [NotebookParameter] = []
    private(set) var seeds: [SeedUse] = []
    private var failedNames: [String: FailedOrigin] = [:]

    init(document: NotebookDocument, options: RunOptions, context: CommandContext, report: @escaping (Diagnostic) -> Void) {
        self.document = document
        self.options = options
        self.context = context
        self.cache = ResultCache(directory: options.resolvedCacheDirectory)
        self.report = report
    }

    /// Parses and runs one cell, timing it.
    mutating func run(_ cell: NotebookCell) -> CellOutcome {
        let start = Date()
        var outcome = CellOutcome(cell: cell, status: .succeeded, outputs: [], seconds: 0, cacheHits: 0, cacheMisses: 0)
        run(cell, into: &outcome)
        outcome.seconds = Date().timeIntervalSince(start)
        return outcome
    }

    private mutating func run(_ cell: NotebookCell, into outcome: inout CellOutcome) {
        let (statements, syntaxErrors) = Parser.parse(cell.source, origin: cell.origin, commandNames: options.registry.names)
        let origin = FailedOrigin(cell: cell.number, line: cell.origin.line)

        let problems = (cell.optionDiagnostics + syntaxErrors).map(withSourceLine)
        if !problems.isEmpty {
            problems.forEach(report)
            markFailed(statements, origin: origin)
            outcome.status = .failed(problems)
            return
        }
        if let (name, failed) = firstFailedDependency(of: statements) {
            markFailed(statements, origin: failed)
            outcome.status = .skipped(reason: "Skipped: it uses '\(name)', which was not made because cell \(failed.cell) (line \(failed.line)) failed.")
            return
        }
        for (index, statement) in statements.enumerated() {
            do {
                let outputs = try execute(statement, hits: &outcome.cacheHits, misses: &outcome.cacheMisses)
                for case .warning(let message) in outputs {
                    report(withSourceLine(.warning(message, at: statement.location)))
                }
                outcome.outputs += outputs.map { CellOutcome.Output(content: $0, line: statement.location.line) }
            } catch {
                let diagnostic = withSourceLine(Self.diagnostic(for: error, at: statement.location))
                report(diagnostic)
                markFailed(Array(statements[index...]), origin: origin)
                outcome.status = .failed([diagnostic])
                return
            }
        }
    }

    /// The first name a statement reads (not defined earlier in the same cell) whose value a failed cell took.
    private func firstFailedDependency(of statements: [Statement]) -> (String, FailedOrigin)? {
        var definedHere: Set<String> = []
        for statement in statements {
            for name in statement.referencedNames where !definedHere.contains(name) {
                if let failed = failedNames[name] { return (name, failed) }
            }
            if let name = statement.definedName { definedHere.insert(name) }
        }
        return nil
    }

    /// Declares the names these statements define and records that they have no value.
    private mutating func markFailed(_ statements: [Statement], origin: FailedOrigin) {
        for name in statements.compactMap(\.definedName) {
            session.declare(name)
            session.invalidate(name)
            failedNames[name] = origin
        }
    }

    private mutating func define(_ name: String, _ value: Value, fingerprint: String, at location: SourceLocation) {
        session.bind(name, value, fingerprint: fingerprint, at: location)
        failedNames[name] = nil
    }

    /// Runs one statement and returns what it shows.
    private mutating func execute(_ statement: Statement, hits: inout Int, misses: inout Int) throws -> [CommandOutput] {
        switch statement {
        case .param(let name, let location, let expression):
            guard !session.declared.contains(name) else {
                throw Diagnostic("'\(name)' is already defined above; give the param another name", at: location)
            }
            let evaluated = try literal(expression)
            var value = evaluated.value
            let override = options.parameterOverrides[name]
            if let override {
                value = try ParameterOverride.value(override, like: value, name: name, at: location)
            }
            parameters.append(NotebookParameter(name: name, location: location, valueText: value.text, defaultText: evaluated.value.text,
                                                isOverridden: override != nil))
            define(name, value, fingerprint: SHA256.hex("param\0\(name)\0\(value.canonicalText ?? evaluated.canonical)"), at: location)
            return []
        case .assign(let name, let location, let expression):
            let evaluated = try literal(expression)
            define(name, evaluated.value, fingerprint: SHA256.hex("value\0\(evaluated.canonical)"), at: location)
            return []
        case .bind(let name, let location, let call):
            let (result, fingerprint) = try run(call, hits: &hits, misses: &misses)
            guard let value = result.value else {
                throw Diagnostic("'\(call.name)' shows its result but gives no value to name; write it without '\(name) ='", at: location)
            }
            define(name, value, fingerprint: fingerprint, at: location)
            return result.outputs
        case .run(let call):
            return try run(call, hits: &hits, misses: &misses).result.outputs
        case .expect(let expectation):
            return [.text(try check(expectation))]
        }
    }

    /// "✓ the claim (left value, right value)" when `expectation` holds; a diagnostic with both numbers when not.
    private func check(_ expectation: Expectation) throws -> String {
        let resolver = ArgumentResolver(session: session)
        var dependencies: [String: String] = [:]
        func number(_ side: Expression) throws -> Double {
            if case .number(let value, _) = side { return value }
            switch try resolver.evaluate(side, as: .any, role: "the value", dependencies: &dependencies).value {
            case .number(let value): return value
            case .undefined:
                throw Diagnostic("expectation \(expectation.text) cannot be checked: \(Expectation.text(side)) is undefined (—)", at: side.location)
            case let other:
                throw Diagnostic("expect compares numbers, but \(Expectation.text(side)) is a \(other.kind)", at: side.location)
            }
        }
        let left = try number(expectation.left), right = try number(expectation.right)
        let shown = [(expectation.left, left), (expectation.right, right)].compactMap { side, value -> String? in
            guard case .name(let path) = side else { return nil }
            return "\(path) = \(NumberText.readable(value))"
        }.joined(separator: ", ")
        guard expectation.comparison.holds(left, right) else {
            throw Diagnostic("expectation failed: \(expectation.text) does not hold (\(shown))", at: expectation.location)
        }
        return "✓ \(expectation.text) (\(shown))"
    }

    /// Evaluates the right-hand side of `param x = …` or `x = …`: literals, words, lists and names above.
    private func literal(_ expression: Expression) throws -> ArgumentResolver.Evaluated {
        let resolver = ArgumentResolver(session: session)
        var dependencies: [String: String] = [:]
        let type: ValueType
        switch expression {
        case .list: type = .any
        case .name(let path) where session.declared.contains(path.head): type = .any
        default: type = .scalar
        }
        return try resolver.evaluate(expression, as: type, role: "the value", dependencies: &dependencies)
    }

    /// Runs a command, through the cache if it is expensive; returns its result and its value's fingerprint.
    private mutating func run(_ call: CommandCall, hits: inout Int, misses: inout Int) throws -> (result: CommandResult, fingerprint: String) {
        guard let type = options.registry.command(named: call.name) else {
            throw Diagnostic("unknown command '\(call.name)'", at: call.location)
        }
        let invocation = try ArgumentResolver(session: session).resolve(call, parameters: type.parameters)
        if let seed = invocation.seed {
            seeds.append(SeedUse(value: seed, command: call.name, line: call.location.line, isDefault: false))
        } else if type.parameters.contains(where: { $0.name == "seed" && $0 == .seed(help: $0.help) }) {
            seeds.append(SeedUse(value: ParameterSpec.defaultSeed, command: call.name, line: call.location.line, isDefault: true))
        }
        context.beginCommand()
        let command = type.init()
        let result: CommandResult
        if let cached = command as? any CachedCommand {
            result = try runCached(cached, invocation, hits: &hits, misses: &misses)
        } else {
            result = try command.run(invocation, context: context)
        }
        context.progress.clearBar()
        return (result, key(for: invocation))
    }

    /// The SHA-256 of the nmm version and build, the command, its canonical arguments and the files it has read.
    private func key(for invocation: Invocation) -> String {
        var hash = SHA256()
        hash.update("\(options.buildStamp)\0\(invocation.command)\0\(invocation.canonicalArguments)\0")
        for path in context.currentInputs.sorted() {
            hash.update("\(path)=\(context.inputs[path] ?? "")\0")
        }
        return hash.finalize()
    }

    private func runCached<Command: CachedCommand>(_ command: Command, _ invocation: Invocation, hits: inout Int, misses: inout Int) throws -> CommandResult {
        for path in try command.inputFiles(invocation, context: context) {
            try context.recordInput(path, for: invocation)
        }
        let key = key(for: invocation)
        if options.useCache, let artifact = cache.load(Command.Artifact.self, key: key) {
            hits += 1
            return try command.result(from: artifact, invocation: invocation, context: context)
        }
        misses += 1
        let artifact = try command.compute(invocation, context: context)
        do {
            try cache.store(artifact, key: key, command: invocation.command)
        } catch {
            context.progress.status("warning: could not write the cache entry for '\(invocation.command)': \(FileProblem.reason(error))")
        }
        return try command.result(from: artifact, invocation: invocation, context: context)
    }

    /// A user-facing diagnostic for any error a statement threw.
    static func diagnostic(for error: Error, at location: SourceLocation) -> Diagnostic {
        if let diagnostic = error as? Diagnostic { return diagnostic }
        if let cocoa = error as? CocoaError {
            let path = (cocoa.userInfo[NSFilePathErrorKey] as? String).map { "\($0): " } ?? ""
            return Diagnostic(path + FileProblem.reason(cocoa), at: location)
        }
        let message = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
        return Diagnostic(message, at: location)
    }

    /// The diagnostic with the notebook line it points at, for the excerpt.
    func withSourceLine(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        if diagnostic.sourceLine == nil, diagnostic.location.file == document.path {
            diagnostic.sourceLine = document.line(diagnostic.location.line)
        }
        return diagnostic
    }
}
