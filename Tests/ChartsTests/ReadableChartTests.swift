import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Charts

/// What makes a chart readable in a report: hover values, log axes, markers, tight time axes, exportable data.
@Suite struct ReadableChartTests {
    let time = (0...100).map { Double($0) / 100 }

    func parse(_ svg: String) throws -> XMLElement {
        try #require(try XMLDocument(xmlString: svg, options: []).rootElement())
    }

    func elements(named name: String, in element: XMLElement) -> [XMLElement] {
        (try? element.nodes(forXPath: ".//*[local-name()='\(name)']"))?.compactMap { $0 as? XMLElement } ?? []
    }

    func attribute(_ name: String, of element: XMLElement?) -> String? {
        element?.attributes?.first { $0.name == name }?.stringValue
    }

    @Test func logScaleSpansWholeDecadesAndDropsWhatItCannotPlace() {
        let scale = LogScale(covering: [0.003, 0.4, 0, -1, .nan])
        #expect(scale.lowerExponent == -3 && scale.upperExponent == 0)
        #expect(scale.ticks == [0.001, 0.01, 0.1, 1])
        #expect(scale.label(0.01) == "0.01")
        #expect(scale.position(of: 0.01, from: 0, to: 300) == 100)
        #expect(scale.position(of: 0, from: 0, to: 300).isNaN)
        let narrow = LogScale(covering: [0.2, 0.9])
        #expect(narrow.ticks == [0.1, 0.2, 0.5, 1], "one decade gets 2 and 5 as well")
    }

    @Test func tightScaleEndsAtTheDataWithTicksInside() {
        let scale = NiceScale(minimum: 0.45, maximum: 2.84, tickCount: 8, tight: true)
        #expect(scale.lower == 0.45 && scale.upper == 2.84)
        #expect(scale.ticks.first! >= 0.45 && scale.ticks.last! <= 2.84)
        #expect(scale.ticks == [0.5, 1, 1.5, 2, 2.5])
        #expect(NiceScale(minimum: 0.45, maximum: 2.84, tickCount: 8).lower == 0, "a loose scale still widens")
    }

    @Test func timeAxisIsNotPaddedBeyondTheData() throws {
        let xs = time.map { 0.45 + $0 * 2.39 }
        let chart = TimeSeriesChart(title: "Walk", xAxis: AxisTitle("Time", unit: "s"),
                                    panel: Panel(yAxis: AxisTitle("Torque", unit: "N·m"), series: [Series(name: "ID", x: xs, y: time)]))
        let labels = elements(named: "g", in: try parse(chart.svg(id: "w"))).filter { attribute("class", of: $0) == "x-axis" }
            .flatMap { elements(named: "text", in: $0) }.compactMap(\.stringValue)
        #expect(labels.first == "0.5" && labels.last == "2.5", "\(labels)")
    }

    @Test func hoverColumnsGiveEverySeriesValueAtTheirTime() throws {
        let chart = TimeSeriesChart(title: "EMG", xAxis: AxisTitle("Time", unit: "s"), panel: Panel(
            title: "BRA", yAxis: AxisTitle("Excitation", unit: "0–1"),
            series: [Series(name: "truth", x: time, y: time.map { $0 * 2 }, role: .truth), Series(name: "nmm", x: time, y: time)]))
        let root = try parse(chart.svg(id: "h"))
        let hover = try #require(elements(named: "g", in: root).first { attribute("class", of: $0) == "hover" })
        let titles = elements(named: "title", in: hover).compactMap(\.stringValue)
        #expect(titles.count == HoverColumns.count)
        // Column 20 of 40 is centred at 0.5125 s; the nearest sample is 0.51 s.
        #expect(titles[20].hasPrefix("BRA · Time 0.51"), "\(titles[20])")
        #expect(titles[20].hasSuffix(" s\ntruth 1.02\nnmm 0.51"), "\(titles[20])")
        #expect(HoverColumns.value(of: Series(name: "a", x: [0, 1, 2], y: [5, 6, 7]), at: 1.4) == 6)
        #expect(HoverColumns.value(of: Series(name: "a", x: [0, 1, 2], y: [5, 6, 7]), at: 2.5) == nil)
    }

    @Test func everyChartHasANonEmptyTitleEvenUntitled() throws {
        let chart = ScatterChart(title: "", xAxis: AxisTitle("Measured", unit: "N·m"), yAxis: AxisTitle("Predicted", unit: "N·m"),
                                 groups: [ScatterGroup(name: "nmm", x: [1, 2], y: [1, 2])])
        let root = try parse(chart.svg(id: "s"))
        let title = try #require(elements(named: "title", in: root).first?.stringValue)
        #expect(title == "Scatter chart of Predicted (N·m) against Measured (N·m) with the identity line.")
        #expect(attribute("viewBox", of: root)?.hasPrefix("0 0 640 ") == true, "as wide as the other charts, so its text is as large")
    }

    @Test func logPanelWithMarkerDrawsTheKeptStepAndLegendsIt() throws {
        let steps = (1...10).map { Double($0 * 100) }
        let loss = steps.map { 10 / $0 }
        var withZero = loss
        withZero[0] = 0
        let chart = TimeSeriesChart(title: "Loss", xAxis: AxisTitle("Step"), panel: Panel(
            yAxis: AxisTitle("Loss"), series: [Series(name: "total", x: steps, y: withZero)],
            markers: [Marker(name: "kept (step 700)", x: 700, y: 10.0 / 700)], yScale: .logarithmic))
        let svg = chart.svg(id: "loss")
        let root = try parse(svg)
        #expect(!svg.contains("nan"))
        let path = try #require(attribute("d", of: elements(named: "path", in: root).first))
        #expect(path.filter { $0 == "L" }.count == 8, "the zero is left out: nine points, eight segments")
        let yLabels = elements(named: "g", in: root).filter { attribute("class", of: $0) == "y-axis" }
            .flatMap { elements(named: "text", in: $0) }.compactMap(\.stringValue)
        #expect(yLabels == ["0.01", "0.02", "0.05", "0.1"])
        let circles = elements(named: "circle", in: root)
        #expect(circles.count == 2, "the marker and its legend sample")
        #expect(elements(named: "text", in: root).contains { $0.stringValue == "kept (step 700)" })
        #expect(chart.summary.contains("Marked: kept (step 700) at 700"))
    }

    @Test func csvHoldsEverySampleAndDefusesFormulas() {
        // Different time bases: one row per sample of each series.
        let long = TimeSeriesChart(title: "", xAxis: AxisTitle("Time", unit: "s"), panel: Panel(
            title: "BRA, deep", yAxis: AxisTitle("Excitation"), series: [
                Series(name: "=cmd|' /C calc'!A0", x: [0, 0.5], y: [0.25, .nan]), Series(name: "truth", x: [0.25], y: [1.0 / 3])]))
        #expect(long.csv == "panel,quantity,series,Time (s),value\r\n"
            + "\"BRA, deep\",Excitation,'=cmd|' /C calc'!A0,0,0.25\r\n"
            + "\"BRA, deep\",Excitation,'=cmd|' /C calc'!A0,0.5,\r\n"
            + "\"BRA, deep\",Excitation,truth,0.25,0.3333333\r\n")
        // One time base: a column per series.
        let wide = TimeSeriesChart(title: "", xAxis: AxisTitle("Time", unit: "s"), panels: ["BRA", "TRImed"].map { muscle in
            Panel(title: muscle, yAxis: AxisTitle("Excitation"), series: [Series(name: "nmm", x: [0, 0.01], y: [0.1, 0.2])])
        })
        #expect(wide.csv == "Time (s),BRA nmm,TRImed nmm\r\n0,0.1,0.1\r\n0.01,0.2,0.2\r\n")
        let bars = ParameterBarChart(title: "", valueAxis: AxisTitle("Scale"), bars: [ParameterBar(label: "BRA", generic: 1, fitted: 1.1, lower: 0.5, upper: 2)])
        #expect(bars.csv == "parameter,generic,fitted,lower,upper,truth\r\nBRA,1,1.1,0.5,2,\r\n")
    }

    @Test func parameterAxisZoomsOnTheValuesAndLegendSwatchesAreSolid() throws {
        let chart = ParameterBarChart(title: "Strength", valueAxis: AxisTitle("Scale"), bars: [
            ParameterBar(label: "BRA", generic: 1, fitted: 1.1, lower: 0.85, upper: 1.15),
            ParameterBar(label: "BIClong", generic: 1, fitted: 0.92, lower: 0.85, upper: 1.15),
        ])
        let root = try parse(chart.svg(id: "p"))
        let labels = elements(named: "g", in: root).filter { attribute("class", of: $0) == "x-axis" }
            .flatMap { elements(named: "text", in: $0) }.compactMap(\.stringValue)
        #expect(labels.first == "0.85" || labels.first == "0.8", "the axis starts near the bounds, not at 0: \(labels)")
        let legend = try #require(elements(named: "g", in: root).first { attribute("class", of: $0) == "legend" })
        #expect(elements(named: "rect", in: legend).allSatisfy { attribute("fill-opacity", of: $0) == nil }, "the fitted swatch is solid like its bars")
        #expect(elements(named: "title", in: root).contains { $0.stringValue == "BRA: fitted 1.1, generic 1, bounds 0.85 to 1.15" })
    }

    @Test func paletteColoursAreVisibleOnWhite() {
        for colour in SeriesStyle.palette {
            let value = Int(colour.dropFirst(), radix: 16)!
            let channels = [value >> 16, (value >> 8) & 0xFF, value & 0xFF].map { c -> Double in
                let s = Double(c) / 255
                return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
            }
            let luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
            #expect((1.05) / (luminance + 0.05) >= 2, "\(colour) has contrast \((1.05) / (luminance + 0.05)) against white")
        }
    }
}
