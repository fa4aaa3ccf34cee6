/// A legend entry: a name and a sample drawn as the chart draws what it names.
struct LegendEntry: Equatable {
    /// How the sample is drawn.
    enum Symbol: Equatable {
        /// A line in the series' colour and dash.
        case line
        /// A translucent swatch, as bands are drawn.
        case band
        /// A solid swatch, as bars are drawn.
        case swatch
        /// A filled circle, as points and markers are drawn.
        case marker
    }

    var name: String
    var style: SeriesStyle
    var symbol: Symbol
}

/// Lays out legend entries in rows across the chart's width and draws them.
enum Legend {
    /// Rough width of one character at the chart's 11-unit font size, enough to keep entries apart.
    static let characterWidth = 6.2
    static let rowHeight = 16.0
    static let sampleWidth = 24.0

    /// The distinct entries of some panels' bands, series and markers, in first-seen order (bands first, markers last).
    static func entries(of panels: [Panel]) -> [LegendEntry] {
        var seen = Set<String>()
        var entries: [LegendEntry] = []
        for panel in panels {
            for band in panel.bands where seen.insert("band:" + band.name).inserted {
                entries.append(LegendEntry(name: band.name, style: band.role.style, symbol: .band))
            }
        }
        for panel in panels {
            for series in panel.series where seen.insert("line:" + series.name).inserted {
                entries.append(LegendEntry(name: series.name, style: series.role.style, symbol: .line))
            }
        }
        for panel in panels {
            for marker in panel.markers where seen.insert("marker:" + marker.name).inserted {
                entries.append(LegendEntry(name: marker.name, style: marker.role.style, symbol: .marker))
            }
        }
        return entries
    }

    /// The height the entries need when wrapped into `width`.
    static func height(of entries: [LegendEntry], width: Double) -> Double {
        Double(layout(entries, width: width).rows) * rowHeight
    }

    private static func layout(_ entries: [LegendEntry], width: Double) -> (positions: [(Double, Int)], rows: Int) {
        var positions: [(Double, Int)] = []
        var x = 0.0
        var row = 0
        for entry in entries {
            let entryWidth = sampleWidth + 6 + Double(entry.name.count) * characterWidth + 16
            if x > 0 && x + entryWidth > width {
                x = 0
                row += 1
            }
            positions.append((x, row))
            x += entryWidth
        }
        return (positions, entries.isEmpty ? 0 : row + 1)
    }

    /// Draws the entries with their top-left corner at `origin`, wrapping at `width`.
    static func draw(_ entries: [LegendEntry], x originX: Double, y originY: Double, width: Double, into svg: inout SVGBuilder) {
        guard !entries.isEmpty else { return }
        let placed = layout(entries, width: width).positions
        svg.open("g", ["class": .text("legend")])
        for (entry, position) in zip(entries, placed) {
            let x = originX + position.0
            let middle = originY + Double(position.1) * rowHeight + rowHeight / 2
            switch entry.symbol {
            case .band, .swatch:
                svg.element("rect", [
                    "x": .number(x), "y": .number(middle - 5), "width": .number(sampleWidth), "height": .number(10),
                    "fill": .text(entry.style.color), "fill-opacity": entry.symbol == .band ? .text("0.2") : nil,
                ])
            case .marker:
                svg.element("circle", [
                    "cx": .number(x + sampleWidth / 2), "cy": .number(middle), "r": .number(3.5), "fill": .text(entry.style.color),
                ])
            case .line:
                svg.element("line", [
                    "x1": .number(x), "y1": .number(middle), "x2": .number(x + sampleWidth), "y2": .number(middle),
                    "stroke": .text(entry.style.color), "stroke-width": .number(entry.style.width),
                    "stroke-dasharray": entry.style.dash.map { .text($0) },
                ])
            }
            svg.text("text", ["x": .number(x + sampleWidth + 6), "y": .number(middle + 4)], entry.name)
        }
        svg.close("g")
    }
}
