import Foundation

/// A notebook file split into what the report shows: prose, code listings and `nmm` cells, in order.
public struct NotebookDocument: Sendable {
    /// The notebook's path as given, used in every diagnostic.
    public var path: String
    /// The title: front matter `title:`, else the first level-1 heading, else the file name.
    public var title: String
    /// The `key: value` pairs of the YAML front matter, if any.
    public var frontMatter: [String: String]
    /// The blocks in document order.
    public var items: [DocumentItem]
    /// The file's lines, for error excerpts.
    public var lines: [String]
    /// The SHA-256 of the notebook's bytes (of its text when it was not read from a file).
    public var sha256: String
    /// What looks wrong in the Markdown itself: a fence spelt almost `nmm`, a fence that is never closed.
    public var warnings: [Diagnostic] = []

    /// The `nmm` cells in order.
    public var cells: [NotebookCell] {
        items.compactMap { if case .cell(let cell) = $0 { return cell } else { return nil } }
    }

    /// The text of line `number` (1-based), if it exists.
    public func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}

/// One block of a notebook.
public enum DocumentItem: Sendable {
    /// Markdown rendered to (safe) HTML.
    case prose(ProseBlock)
    /// A fenced block in another language, shown as code.
    case listing(CodeListing)
    /// An `nmm` block, executed.
    case cell(NotebookCell)
}

/// Rendered Markdown: a paragraph, list, heading … as HTML from cmark's safe renderer.
public struct ProseBlock: Sendable {
    /// The HTML; raw HTML in the notebook is dropped and text escaped by cmark.
    public var html: String
    /// Set when the block is a heading (for the table of contents).
    public var heading: Heading?
    /// The first line of the block in the notebook.
    public var line: Int
}

/// A heading: its level, text and the `id` the table of contents links to.
public struct Heading: Sendable, Equatable {
    /// 1 to 6.
    public var level: Int
    /// The heading's plain text.
    public var text: String
    /// The HTML id, unique in the document.
    public var id: String
}

/// A fenced code block that is not executed.
public struct CodeListing: Sendable {
    /// The info string's first word, e.g. "python"; may be empty.
    public var language: String
    /// The code.
    public var code: String
    /// The notebook line of the opening fence.
    public var line: Int
}

/// An `nmm` block: its source and where it sits in the notebook.
public struct NotebookCell: Sendable {
    /// The cell's position among the notebook's cells, from 1.
    public var number: Int
    /// The block's text (without the fences), including any `#|` option lines.
    public var source: String
    /// The notebook line of the opening fence.
    public var fenceLine: Int
    /// The notebook location of the block's first character.
    public var origin: SourceLocation
    /// The `#|` options.
    public var options: CellOptions
    /// Problems with the `#|` options.
    public var optionDiagnostics: [Diagnostic]

    /// The code without the leading `#|` option lines, as the report shows it.
    public var code: String {
        source.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#|") }
            .joined(separator: "\n")
    }

    /// The notebook line of the last line of code.
    public var lastLine: Int {
        origin.line + max(0, source.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
    }
}
