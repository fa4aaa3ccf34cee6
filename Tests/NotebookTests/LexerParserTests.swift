import Testing
@testable import Notebook

@Suite struct LexerParserTests {
    let names: Set<String> = ["print", "sine", "table", "plot series", "fit nmm"]

    func parse(_ source: String, line: Int = 10) -> ([Statement], [Diagnostic]) {
        Parser.parse(source, origin: SourceLocation(file: "nb.md", line: line, column: 1), commandNames: names)
    }

    @Test func parsesEveryStatementForm() throws {
        let (statements, diagnostics) = parse("""
            param subject = "S01"   # a comment
            muscles = [BRA, TRImed]
            model = fit nmm data measured: [BIClong, "BIC short"] epochs: 300 seed: 7
            plot series waves title: "Fit of {subject}"
            """)
        #expect(diagnostics.isEmpty)
        #expect(statements.count == 4)
        guard case .param("subject", let location, .string) = statements[0] else { Issue.record("not a param"); return }
        #expect(location == SourceLocation(file: "nb.md", line: 10, column: 7))
        guard case .assign("muscles", _, .list(let items, _)) = statements[1] else { Issue.record("not an assignment"); return }
        #expect(items.count == 2)
        guard case .bind("model", _, let call) = statements[2] else { Issue.record("not a binding"); return }
        #expect(call.name == "fit nmm")
        #expect(call.arguments.count == 1)
        #expect(call.options.map(\.name) == ["measured", "epochs", "seed"])
        #expect(call.options[1].value == .number(300, SourceLocation(file: "nb.md", line: 12, column: 63)))
        guard case .run(let plot) = statements[3], case .string(let title) = plot.options[0].value else { Issue.record("not a plot"); return }
        #expect(title.references.map(\.description) == ["subject"])
        #expect(statements[3].referencedNames == ["waves", "subject"])
    }

    @Test func parsesExpectations() throws {
        let (statements, diagnostics) = parse("""
            expect metrics(nmm).BRA.trial_mean.r > metrics(so).BRA.trial_mean.r
            expect nmm.torque.r_elbow_flex.trial_mean.r2 >= 0.9
            expect = 3
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .expect(let first) = statements[0], case .expect(let second) = statements[1] else { Issue.record("not expectations"); return }
        #expect(first.text == "nmm.metrics.BRA.trial_mean.r > so.metrics.BRA.trial_mean.r")
        #expect(first.location == SourceLocation(file: "nb.md", line: 10, column: 1))
        #expect(second.comparison == .greaterOrEqual && second.text == "nmm.torque.r_elbow_flex.trial_mean.r2 >= 0.9")
        #expect(statements[0].referencedNames == ["nmm", "so"])
        guard case .assign("expect", _, _) = statements[2] else { Issue.record("'expect = 3' names a value"); return }
        let (_, errors) = parse("expect nmm.metrics.BRA.trial_mean.r 0.9\nexpect \"a\" < 1\nexpect metrics(nmm.x).r > 1")
        #expect(errors.count == 3)
        #expect(errors[0].message.contains("expected a comparison (<, <=, >, >=, ==, !=)"))
        #expect(errors[1].message.contains("'expect' compares numbers"))
        #expect(errors[2].message.contains("expected a fit's name and ')'"))
    }

    @Test func indentedLinesAndOpenBracketsContinueAStatement() {
        let (statements, diagnostics) = parse("""
            w = sine frequencies: [1,
                                   2]
                rate: 50

              # a comment line between
                names: [a, b]
            print w
            """)
        #expect(diagnostics.isEmpty)
        #expect(statements.count == 2)
        guard case .bind(_, _, let call) = statements[0] else { Issue.record("not a binding"); return }
        #expect(call.options.map(\.name) == ["frequencies", "rate", "names"])
    }

    @Test func numbersStringsAndDottedNames() {
        let (statements, diagnostics) = parse(#"print [-0.5, 1e-3, 2.5E2, "a \"q\" \{x\} \n", data.test.emg]"#)
        #expect(diagnostics.isEmpty)
        guard case .run(let call) = statements.first, case .list(let items, _) = call.arguments.first else { Issue.record("no list"); return }
        let at = { (column: Int) in SourceLocation(file: "nb.md", line: 10, column: column) }
        #expect(items[0] == .number(-0.5, at(8)))
        #expect(items[1] == .number(0.001, at(14)))
        #expect(items[2] == .number(250, at(20)))
        guard case .string(let string) = items[3] else { Issue.record("no string"); return }
        #expect(string.parts == [.text("a \"q\" {x} \n")])
        guard case .name(let path) = items[4] else { Issue.record("no name"); return }
        #expect(path.parts == ["data", "test", "emg"])
    }

    @Test func errorsPointAtTheRightLineAndColumn() {
        let cases: [(String, Int, Int, String)] = [
            ("print \"open", 10, 7, "not closed"),
            ("prnt \"x\"", 10, 1, "did you mean 'print'?"),
            ("plot waves", 10, 1, "'plot' needs one of: plot series"),
            ("sine rate: 5 extra", 10, 14, "arguments come before options"),
            ("print 'single'", 10, 7, "double quotes"),
            ("print [1, 2", 10, 7, "this '[' is not closed"),
            ("print [1 2]", 10, 10, "expected ',' or ']'"),
            ("\n\nprint \"{ }\"", 12, 8, "write a name inside {…}"),
            ("print 3abc", 10, 8, "cannot be followed by letters"),
            ("x =", 10, 4, "expected a command or a value"),
            ("x = slow-sum values: [1]", 10, 5, "unknown command 'slow-sum'"),
            ("print x y: ]", 10, 12, "']' without a matching '['"),
        ]
        for (source, line, column, fragment) in cases {
            let (_, diagnostics) = parse(source)
            let first = diagnostics.first
            #expect(first?.location.line == line && first?.location.column == column, "\(source): \(String(describing: first))")
            #expect(first?.message.contains(fragment) == true, "\(source): \(first?.message ?? "no error")")
        }
    }

    @Test func recoversToReportSeveralErrorsInOneBlock() {
        let (statements, diagnostics) = parse("prnt 1\nprint 2\nsine : 3")
        #expect(diagnostics.map(\.location.line) == [10, 12])
        #expect(statements.count == 1)
    }

    @Test func columnsCountFromTheFenceIndentation() {
        let (_, diagnostics) = Parser.parse("prnt", origin: SourceLocation(file: "nb.md", line: 3, column: 4), commandNames: names)
        #expect(diagnostics.first?.location.column == 4)
    }

    @Test func diagnosticRendersCompilerStyleWithACaret() {
        let diagnostic = Diagnostic("unknown command 'prnt'", at: SourceLocation(file: "nb.md", line: 7, column: 5), sourceLine: "x = prnt 1")
        #expect(diagnostic.description == """
            nb.md:7:5: error: unknown command 'prnt'
             7 | x = prnt 1
               |     ^
            """)
    }
}
