import Foundation
import Mustache

/// The Mustache template a report is rendered with: the built-in one, or the user's `--template FILE`.
///
/// The built-in template is Templates/report.mustache, compiled into nmm (``DefaultReportTemplate``) so
/// an installed binary needs no files beside it; a test keeps the two identical. Copy that file to start
/// your own: it lists every key the report provides.
public struct ReportTemplate: Sendable {
    let template: MustacheTemplate

    /// The built-in template.
    public static func builtIn() throws -> ReportTemplate {
        try ReportTemplate(text: DefaultReportTemplate.text, path: "Templates/report.mustache")
    }

    /// The template in the file at `url`; a parse error names the file, line and column.
    public init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic("cannot read the template (looked for \(url.path))", at: SourceLocation(file: url.path, line: 1, column: 1))
        }
        try self.init(text: text, path: url.path)
    }

    init(text: String, path: String) throws {
        do {
            template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw Diagnostic("the template is not valid Mustache: \(error.error)",
                             at: SourceLocation(file: path, line: error.context.lineNumber, column: error.context.columnNumber + 1),
                             sourceLine: error.context.line)
        }
    }

    /// The HTML of a run.
    func render(_ record: RunRecord) -> String {
        template.render(ReportContext(record: record).dictionary)
    }
}
