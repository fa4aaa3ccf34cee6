import Foundation
import Testing
@testable import Notebook

/// Files generated from the code must match the code.
@Suite struct ReferenceTests {
    @Test func builtInTemplateIsTemplatesReportMustache() throws {
        let file = try String(contentsOf: NotebookHarness.packageRoot.appendingPathComponent("Templates/report.mustache"), encoding: .utf8)
        #expect(file == DefaultReportTemplate.text + "\n",
                "Templates/report.mustache changed: paste it into Sources/Notebook/Report/DefaultReportTemplate.swift")
    }

    @Test func commandReferencePageIsUpToDate() throws {
        let page = try String(contentsOf: NotebookHarness.packageRoot.appendingPathComponent("docs/commands.md"), encoding: .utf8)
        #expect(page == CommandHelp.markdown(.standard) + "\n", "regenerate it: swift run nmm help commands --markdown > docs/commands.md")
    }

    @Test func everyCommandIsDocumented() {
        for command in CommandRegistry.standard.all {
            #expect(!command.summary.isEmpty && !command.discussion.isEmpty && !command.examples.isEmpty, "\(command.name)")
            #expect(command.parameters.allSatisfy { !$0.help.isEmpty }, "\(command.name)")
            let help = CommandHelp.text(for: command)
            #expect(help.hasPrefix("\(command.name) — "))
            #expect(help.contains("Usage: \(command.name)"))
        }
    }

    @Test func everyExampleParses() {
        let names = CommandRegistry.standard.names
        for command in CommandRegistry.standard.all {
            for example in command.examples {
                let (_, diagnostics) = Parser.parse(example, origin: SourceLocation(file: "example", line: 1, column: 1), commandNames: names)
                #expect(diagnostics.isEmpty, "\(command.name): \(example): \(diagnostics)")
            }
        }
    }
}
