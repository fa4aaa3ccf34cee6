import Testing
@testable import Notebook

@Suite struct MarkdownReaderTests {
    let source = """
        ---
        title: "Elbow <study>"
        author: me
        ---

        # Heading one

        Prose with <b>raw html</b> and [a link](javascript:alert(1)).

        ```nmm
        #| label: fig-a
        #| caption: "A caption"
        print "hi"
        ```

        ```python
        x = 1
        ```

            indented code

        ## Same
        ## Same

        - a list item

          ```nmm
          print "nested"
          ```
        """

    @Test func frontMatterIsReadAndLineNumbersAreKept() throws {
        let document = MarkdownReader.parse(source, path: "nb.md")
        #expect(document.title == "Elbow <study>")
        #expect(document.frontMatter["author"] == "me")
        let cell = try #require(document.cells.first)
        #expect(cell.fenceLine == 10)
        #expect(cell.origin == SourceLocation(file: "nb.md", line: 11, column: 1))
        #expect(cell.options.label == "fig-a")
        #expect(cell.options.caption == "A caption")
        #expect(cell.code == "print \"hi\"")
        #expect(cell.lastLine == 13)
    }

    @Test func otherFencesAndIndentedCodeAreListingsNotCells() {
        let document = MarkdownReader.parse(source, path: "nb.md")
        let listings = document.items.compactMap { if case .listing(let listing) = $0 { return listing } else { return nil } }
        #expect(listings.map(\.language) == ["python", ""])
        #expect(document.cells.count == 1, "a fence nested in a list is not a top-level cell")
    }

    @Test func proseIsSafeHTMLWithUniqueHeadingIDs() {
        let document = MarkdownReader.parse(source, path: "nb.md")
        let prose = document.items.compactMap { if case .prose(let prose) = $0 { return prose } else { return nil } }
        let html = prose.map(\.html).joined()
        #expect(!html.contains("<b>"))
        #expect(!html.contains("javascript:"))
        #expect(prose.compactMap(\.heading).map(\.id) == ["sec-heading-one", "sec-same", "sec-same-2"])
        #expect(html.contains("<h2 id=\"sec-same-2\">Same</h2>"))
    }

    @Test func firstLevelOneHeadingIsTheTitleWithoutFrontMatter() {
        let document = MarkdownReader.parse("# My notebook\n\nText.\n", path: "dir/x.md")
        #expect(document.title == "My notebook")
        #expect(document.items.count == 1)
        #expect(MarkdownReader.parse("Text.\n", path: "dir/x.md").title == "x")
    }

    @Test func badCellOptionsAreDiagnosedAtTheirLine() {
        let document = MarkdownReader.parse("text\n\n```nmm\n#| lable: x\n#| echo: maybe\nprint 1\n```\n", path: "nb.md")
        let diagnostics = document.cells.first?.optionDiagnostics ?? []
        #expect(diagnostics.map(\.location.line) == [4, 5])
        #expect(diagnostics.first?.message.contains("did you mean 'label'?") == true)
    }
}
