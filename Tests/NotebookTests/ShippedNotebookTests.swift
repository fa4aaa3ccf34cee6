import Foundation
import Testing
@testable import Notebook

/// Every notebook in Notebooks/ runs without error at its own settings — so every `expect` claim in its prose holds —
/// and a second run answers every expensive step from the cache. (The tests run in a release build, where the
/// shipped notebooks' full fits take a minute or two in all.)
@Suite struct ShippedNotebookTests {
    static let folder = NotebookHarness.packageRoot.appendingPathComponent("Notebooks")
    static let notebooks = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()

    @Test(arguments: notebooks)
    func runsCleanlyAndHitsTheCacheTheSecondTime(_ name: String) throws {
        let harness = try NotebookHarness()
        var options = RunOptions(outputDirectory: harness.output, toolVersion: "test")
        options.registry = .standard
        let runner = NotebookRunner(options: options, progress: ProgressReporter(style: .silent) { _ in }, printDiagnostic: { _ in })
        let url = Self.folder.appendingPathComponent(name)
        let first = try runner.run(notebookAt: url, displayPath: "Notebooks/\(name)")
        let problems = first.diagnostics.map(\.description).joined(separator: "\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(first.outcomes.count >= 2)
        let second = try runner.run(notebookAt: url, displayPath: "Notebooks/\(name)")
        #expect(second.outcomes.reduce(0) { $0 + $1.cacheMisses } == 0, "the second run recomputes nothing")
        #expect(second.outcomes.reduce(0) { $0 + $1.cacheHits } == first.outcomes.reduce(0) { $0 + $1.cacheMisses })
        let html = try String(contentsOf: runner.htmlURL(for: url), encoding: .utf8)
        let hasFigure = html.contains("<figure id=")
        #expect(hasFigure)
        #expect(!html.contains("Figure ?"))
    }

    @Test func prosePointsOnlyAtFiguresThatExist() throws {
        for name in Self.notebooks {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            let document = MarkdownReader.parse(text, path: name)
            let labels = Set(document.cells.compactMap(\.options.label))
            let cited = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "@" || $0 == "_") })
                .filter { $0.hasPrefix("@fig-") }.map { String($0.dropFirst()) }
            for label in cited {
                #expect(labels.contains(label), "\(name) cites @\(label), which no cell defines")
            }
        }
    }
}
