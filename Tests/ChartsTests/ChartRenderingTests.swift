import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Charts

@Suite struct ChartRenderingTests {
    let time = (0...200).map { Double($0) / 100 }

    func sine(_ frequency: Double, _ phase: Double = 0) -> [Double] {
        time.map { 0.5 + 0.4 * sin(2 * .pi * frequency * $0 + phase) }
    }

    var comparison: TimeSeriesChart {
        TimeSeriesChart(
            title: "Excitation of the deep muscles",
            xAxis: AxisTitle("Time", unit: "s"),
            panels: ["BRA", "TRImed", "BIClong"].map { muscle in
                Panel(
                    title: muscle, yAxis: AxisTitle("Excitation", unit: "0–1"),
                    series: [
                        Series(name: "truth", x: time, y: sine(1), role: .truth),
                        Series(name: "NMM", x: time, y: sine(1, 0.1), role: .estimate(SeriesStyle(color: "#D55E00", dash: "6 3", width: 1.8))),
                        Series(name: "MSE", x: time, y: sine(1, 0.3), role: .estimate(SeriesStyle(color: "#0072B2", dash: "2 2", width: 1.6))),
                        Series(name: "SO", x: time, y: sine(1, 0.5), role: .estimate(SeriesStyle(color: "#009E73", dash: "8 3 2 3", width: 1.6))),
                    ],
                    bands: [Band(name: "truth ± SD", x: time, lower: sine(1).map { $0 - 0.05 }, upper: sine(1).map { $0 + 0.05 }, role: .truth)],
                    annotation: "r = 0.93")
            })
    }

    func parse(_ svg: String) throws -> XMLElement {
        let document = try XMLDocument(xmlString: svg, options: [])
        return try #require(document.rootElement())
    }

    /// FoundationXML on Linux does not find attributes by name on namespaced elements; search the list instead.
    func attribute(_ name: String, of element: XMLElement?) -> String? {
        element?.attributes?.first { $0.name == name }?.stringValue
    }

    func elements(named name: String, in element: XMLElement) -> [XMLElement] {
        (try? element.nodes(forXPath: ".//*[local-name()='\(name)']"))?.compactMap { $0 as? XMLElement } ?? []
    }

    @Test func smallMultiplesAreWellFormedAccessibleSVG() throws {
        let root = try parse(comparison.svg(id: "fig-1"))
        #expect(root.name == "svg")
        #expect(attribute("role", of: root) == "img")
        #expect(attribute("aria-labelledby", of: root) == "fig-1-title fig-1-desc")
        #expect(attribute("viewBox", of: root)?.hasPrefix("0 0 640 ") == true)
        #expect(root.attributes?.contains { $0.name == "width" } != true, "no fixed size: the viewBox scales with the page")
        let children = root.children?.compactMap { $0 as? XMLElement } ?? []
        #expect(children.first?.name == "title")
        #expect(children.dropFirst().first?.name == "desc")
        // 3 panels × (4 series + 1 band) paths, and one clip path per panel with a distinct id.
        #expect(elements(named: "path", in: root).count == 15)
        let clipIDs = elements(named: "clipPath", in: root).compactMap { attribute("id", of: $0) }
        #expect(Set(clipIDs).count == 3)
        let texts = elements(named: "text", in: root).compactMap(\.stringValue)
        #expect(texts.contains("Time (s)"))
        #expect(texts.contains("Excitation (0–1)"))
        #expect(texts.filter { $0 == "NMM" }.count == 1, "the legend lists each series once")
        #expect(texts.contains("r = 0.93"))
    }

    @Test func rolesGiveDistinctDashPatterns() throws {
        let root = try parse(comparison.svg(id: "fig"))
        let dashes = Set(elements(named: "path", in: root).compactMap { attribute("stroke-dasharray", of: $0) })
        #expect(dashes == ["6 3", "2 2", "8 3 2 3"])
    }

    @Test func renderingIsByteIdentical() {
        #expect(comparison.svg(id: "fig-1") == comparison.svg(id: "fig-1"))
        #expect(comparison.svg(id: "fig-1") != comparison.svg(id: "fig-2"))
    }

    @Test func textFromDataIsEscapedAndStillReadsBack() throws {
        let hostile = #"<script>alert("x")</script> & 'friends'"#
        let chart = TimeSeriesChart(
            title: hostile, xAxis: AxisTitle("Time", unit: "s"),
            panel: Panel(yAxis: AxisTitle(hostile, unit: "<b>"), series: [Series(name: hostile, x: time, y: sine(2))]))
        let svg = chart.svg(id: "<bad id>")
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<b>"))
        let root = try parse(svg)
        let title = try #require(elements(named: "title", in: root).first)
        #expect(title.stringValue == hostile)
        #expect(attribute("id", of: root) == "c--bad-id-")
    }

    @Test func nonFiniteValuesBreakTheLine() throws {
        var y = sine(1)
        y[100] = .nan
        let chart = TimeSeriesChart(title: "", xAxis: AxisTitle("Time", unit: "s"),
                                    panel: Panel(yAxis: AxisTitle("EMG", unit: "% MVC"), series: [Series(name: "EMG", x: time, y: y)]))
        let root = try parse(chart.svg(id: "gap"))
        let path = try #require(attribute("d", of: elements(named: "path", in: root).first))
        #expect(path.filter { $0 == "M" }.count == 2)
        #expect(!path.contains("nan"))
    }

    @Test func summaryStatesAxesRangesAndStatistics() {
        let summary = comparison.summary
        #expect(summary.contains("Excitation (0–1) against Time (s) from 0 to 2"))
        #expect(summary.contains("3 panels (BRA, TRImed, BIClong)"))
        #expect(summary.contains("BRA truth from 0.1 to 0.9"))
        #expect(summary.contains("BRA: r = 0.93"))
    }

    @Test func parameterBarsDrawGenericFittedBoundsAndTruth() throws {
        let chart = ParameterBarChart(title: "Max isometric force", valueAxis: AxisTitle("Force", unit: "N"), bars: [
            ParameterBar(label: "BRA", generic: 987, fitted: 1200, lower: 493, upper: 1974, truth: 1180),
            ParameterBar(label: "TRImed", generic: 624, fitted: 700),
        ])
        let root = try parse(chart.svg(id: "params"))
        let bars = elements(named: "g", in: root).filter { attribute("class", of: $0) == "parameter" }
        #expect(bars.count == 2)
        #expect(elements(named: "rect", in: bars[0]).count == 2, "the fitted bar and the row's hover area")
        #expect(elements(named: "line", in: bars[0]).count == 5, "the generic tick, three whisker lines and the truth tick")
        #expect(elements(named: "line", in: bars[1]).count == 1, "the generic tick only")
        #expect(chart.summary.contains("BRA: generic 987, fitted 1200, truth 1180"))
    }

    @Test func scatterDrawsEveryFinitePointAndTheIdentityLine() throws {
        let chart = ScatterChart(title: "Torque", xAxis: AxisTitle("Measured", unit: "N·m"), yAxis: AxisTitle("Predicted", unit: "N·m"),
                                 groups: [ScatterGroup(name: "NMM", x: [1, 2, 3, .nan], y: [1.1, 2.2, 2.9, 4], role: .estimate(SeriesStyle(color: "#D55E00", dash: "6 3", width: 1.8)))],
                                 annotation: "R² = 0.98")
        let root = try parse(chart.svg(id: "scatter"))
        #expect(elements(named: "circle", in: root).count == 3 + 1, "three points plus the legend marker")
        let identity = elements(named: "line", in: root).filter { attribute("stroke-dasharray", of: $0) == "4 3" }
        #expect(identity.count == 2, "the identity line and its legend sample")
        #expect(chart.summary.contains("NMM: 4 points"))
    }
}
