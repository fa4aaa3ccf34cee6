import Testing
@testable import Charts

@Suite struct SVGTextTests {
    @Test func escapesTheFiveXMLSpecialCharacters() {
        #expect(SVGText.escape(#"<script>alert("x" & 'y')</script>"#)
            == "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;")
    }

    @Test func dropsControlCharactersXMLForbids() {
        #expect(SVGText.escape("a\u{1}b\u{7}c\nd") == "abc\nd")
    }

    @Test func identifiersAreSafeAndStartWithALetter() {
        #expect(SVGText.identifier("fig-emg") == "fig-emg")
        #expect(SVGText.identifier("1 \"x\"<y>") == "c-1--x--y-")
    }

    @Test func numbersAreFormattedWithoutNegativeZero() {
        #expect(SVGNumber.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(SVGNumber.coordinate(12.0) == "12")
        #expect(SVGNumber.coordinate(12.345) == "12.3")
        #expect(SVGNumber.readable(0.012345) == "0.0123")
        #expect(SVGNumber.readable(1234.5) == "1235")
        #expect(SVGNumber.readable(2.5) == "2.5")
    }
}
