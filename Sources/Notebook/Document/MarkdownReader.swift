import CCmark
import Foundation

/// Reads a notebook's Markdown with libcmark into a ``NotebookDocument``.
///
/// Top-level blocks are handled one by one: fenced blocks whose info string starts with `nmm` become
/// cells, other fenced or indented code becomes listings, and everything else is rendered by cmark's safe
/// HTML renderer (raw HTML dropped, `javascript:` links emptied). Line numbers are the file's.
public enum MarkdownReader {
    /// The largest notebook read (16 MiB), refused before it is read.
    public static let maximumBytes = 16 << 20

    /// Reads the notebook at `url`; `displayPath` is how diagnostics name it.
    public static func read(contentsOf url: URL, displayPath: String) throws -> NotebookDocument {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= maximumBytes else {
            throw Diagnostic("the notebook is \(size >> 20) MiB; nmm reads notebooks of at most \(maximumBytes >> 20) MiB",
                             at: SourceLocation(file: displayPath, line: 1, column: 1))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Diagnostic("cannot read the notebook (looked for \(url.path))", at: SourceLocation(file: displayPath, line: 1, column: 1))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic("the notebook is not UTF-8 text", at: SourceLocation(file: displayPath, line: 1, column: 1))
        }
        var document = parse(text, path: displayPath)
        document.sha256 = SHA256.hex(data)
        return document
    }

    /// Parses notebook text.
    public static func parse(_ text: String, path: String) -> NotebookDocument {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let (frontMatter, body) = FrontMatter.split(normalized)
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var items: [DocumentItem] = []
        var usedIDs: Set<String> = []
        var firstHeading: Heading?
        var cellCount = 0
        var warnings: [Diagnostic] = []

        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        guard let root = cmark_parse_document(body, body.utf8.count, options) else {
            return NotebookDocument(path: path, title: frontMatter["title"] ?? fileTitle(path), frontMatter: frontMatter, items: [], lines: lines, sha256: SHA256.hex(Data(text.utf8)))
        }
        defer { cmark_node_free(root) }

        var node = cmark_node_first_child(root)
        while let current = node {
            let startLine = Int(cmark_node_get_start_line(current))
            let startColumn = Int(cmark_node_get_start_column(current))
            switch cmark_node_get_type(current) {
            case CMARK_NODE_CODE_BLOCK:
                let info = cmark_node_get_fence_info(current).map { String(cString: $0) } ?? ""
                let literal = cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
                let language = info.split(separator: " ").first.map(String.init) ?? ""
                let fenced = isFence(lines.indices.contains(startLine - 1) ? lines[startLine - 1] : "")
                if fenced {
                    warnings += FenceCheck.warnings(language: language, literal: literal, startLine: startLine,
                                                    endLine: Int(cmark_node_get_end_line(current)), lines: lines, path: path)
                }
                if fenced && language.lowercased() == "nmm" {
                    cellCount += 1
                    let source = literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
                    let origin = SourceLocation(file: path, line: startLine + 1, column: startColumn)
                    let (cellOptions, diagnostics) = CellOptions.parse(source, origin: origin)
                    items.append(.cell(NotebookCell(
                        number: cellCount, source: source, fenceLine: startLine, origin: origin,
                        options: cellOptions, optionDiagnostics: diagnostics)))
                } else {
                    items.append(.listing(CodeListing(language: fenced ? language : "", code: literal, line: startLine)))
                }
            case CMARK_NODE_HEADING:
                let level = Int(cmark_node_get_heading_level(current))
                let headingText = plainText(of: current)
                let id = uniqueID("sec-" + slug(headingText), used: &usedIDs)
                let heading = Heading(level: level, text: headingText, id: id)
                if level == 1 && firstHeading == nil && frontMatter["title"] == nil {
                    firstHeading = heading
                } else {
                    let html = render(current).replacingOccurrences(of: "<h\(level)>", with: "<h\(level) id=\"\(id)\">")
                    items.append(.prose(ProseBlock(html: html, heading: heading, line: startLine)))
                }
            default:
                items.append(.prose(ProseBlock(html: render(current), heading: nil, line: startLine)))
            }
            node = cmark_node_next(current)
        }
        let title = frontMatter["title"] ?? firstHeading?.text ?? fileTitle(path)
        var document = NotebookDocument(path: path, title: title, frontMatter: frontMatter, items: items, lines: lines, sha256: SHA256.hex(Data(text.utf8)))
        document.warnings = warnings
        return document
    }

    /// Whether a line opens or closes a fenced code block (up to three spaces, then ``` or ~~~).
    static func isFence(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        return trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
    }

    private static func render(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }

    /// The concatenated text and code literals under a node.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    /// Lowercase ASCII letters and digits joined by '-', e.g. "The NMM, step by step" → "the-nmm-step-by-step".
    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "section" : slug
    }

    private static func uniqueID(_ base: String, used: inout Set<String>) -> String {
        var id = base
        var counter = 2
        while used.contains(id) {
            id = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(id)
        return id
    }

    private static func fileTitle(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }
}
