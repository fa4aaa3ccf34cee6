/// Draws one panel of a time-series chart (grid, axes, bands, lines, markers, heading, note, hover values) into a
/// plot rectangle.
struct TimeSeriesPanelRenderer {
    var panel: Panel
    var xAxis: AxisTitle
    var xScale: NiceScale
    var yScale: any AxisScale

    /// The y scale that covers a panel's series, bands and markers: linear or logarithmic as the panel asks.
    static func yScale(for panel: Panel, tickCount: Int) -> any AxisScale {
        let values = panel.series.flatMap(\.y) + panel.bands.flatMap { $0.lower + $0.upper } + panel.markers.map(\.y)
        switch panel.yScale {
        case .linear: return NiceScale(covering: values, tickCount: tickCount)
        case .logarithmic: return LogScale(covering: values)
        }
    }

    /// Draws the panel; `labelX` decides whether the x tick labels appear (only on a grid's bottom row).
    func draw(in plot: Rect, clipID: String, labelX: Bool, into svg: inout SVGBuilder) {
        svg.open("g", ["class": .text("panel")])
        Axes.drawY(yScale, in: plot, into: &svg)
        Axes.drawX(xScale, in: plot, labelled: labelX, into: &svg)
        Axes.defineClip(clipID, plot, into: &svg)
        svg.open("g", ["clip-path": .text("url(#\(clipID))")])
        for band in panel.bands {
            let path = bandPath(band, in: plot)
            guard !path.isEmpty else { continue }
            svg.element("path", [
                "d": .text(path), "fill": .text(band.role.style.color), "fill-opacity": .text("0.2"), "stroke": .text("none"),
            ])
        }
        for series in panel.series {
            let style = series.role.style
            let path = linePath(x: series.x, y: drawable(series.y), in: plot)
            guard !path.isEmpty else { continue }
            svg.element("path", [
                "d": .text(path), "fill": .text("none"), "stroke": .text(style.color),
                "stroke-width": .number(style.width), "stroke-dasharray": style.dash.map { .text($0) },
                "stroke-linejoin": .text("round"),
            ])
        }
        for marker in panel.markers {
            let x = xScale.position(of: marker.x, from: plot.x, to: plot.maxX)
            let y = yScale.position(of: marker.y, from: plot.maxY, to: plot.y)
            guard x.isFinite, y.isFinite else { continue }
            svg.open("circle", [
                "cx": .number(x), "cy": .number(y), "r": .number(4.5), "fill": .text(marker.role.style.color),
                "stroke": .text("#ffffff"), "stroke-width": .number(1.5),
            ])
            svg.text("title", [:], "\(marker.name): \(xAxis.title) \(SVGNumber.readable(marker.x)), \(panel.yAxis.title) \(SVGNumber.readable(marker.y))")
            svg.close("circle")
        }
        svg.close("g")
        HoverColumns(panel: panel, xAxis: xAxis, xScale: xScale).draw(in: plot, into: &svg)
        if !panel.title.isEmpty {
            svg.text("text", ["x": .number(plot.x), "y": .number(plot.y - 6), "font-weight": .text("600")], panel.title)
        }
        if !panel.annotation.isEmpty {
            svg.text("text", [
                "x": .number(plot.maxX), "y": .number(plot.y - 6), "text-anchor": .text("end"), "class": .text("annotation"),
            ], panel.annotation)
        }
        svg.close("g")
    }

    /// The values the y scale can place: on a log scale, zero and below become gaps.
    private func drawable(_ values: [Double]) -> [Double] {
        panel.yScale == .logarithmic ? values.map { $0 > 0 ? $0 : .nan } : values
    }

    private func point(_ x: Double, _ y: Double, in plot: Rect) -> String {
        let px = xScale.position(of: x, from: plot.x, to: plot.maxX)
        let py = yScale.position(of: y, from: plot.maxY, to: plot.y)
        return "\(SVGNumber.coordinate(px)),\(SVGNumber.coordinate(py))"
    }

    /// An SVG path through the finite points; a non-finite value ends one run and the next starts with `M`. A line
    /// denser than the plot's pixels is decimated to its per-pixel envelope (``LineDecimation``).
    func linePath(x: [Double], y: [Double], in plot: Rect) -> String {
        var path = ""
        let runs = LineDecimation.runs(x: x, y: y, width: plot.width) { xScale.position(of: $0, from: plot.x, to: plot.maxX) }
        for run in runs {
            for (index, p) in run.enumerated() {
                path += (index > 0 ? "L" : (path.isEmpty ? "M" : " M")) + point(p.x, p.y, in: plot)
            }
        }
        return path
    }

    /// A closed path along the upper edge forwards and the lower edge backwards (finite points only); a band denser
    /// than the plot's pixels keeps every k-th point (and the last), about ``LineDecimation/pointsPerPixel`` per pixel.
    func bandPath(_ band: Band, in plot: Rect) -> String {
        var indices = band.x.indices.filter { band.x[$0].isFinite && band.lower[$0].isFinite && band.upper[$0].isFinite }
        let most = LineDecimation.pointsPerPixel * max(Int(plot.width), 1)
        if indices.count > most, let last = indices.last {
            indices = stride(from: 0, to: indices.count, by: indices.count / most + 1).map { indices[$0] } + [last]
        }
        guard indices.count >= 2 else { return "" }
        var path = "M" + point(band.x[indices[0]], band.upper[indices[0]], in: plot)
        for index in indices.dropFirst() {
            path += "L" + point(band.x[index], band.upper[index], in: plot)
        }
        for index in indices.reversed() {
            path += "L" + point(band.x[index], band.lower[index], in: plot)
        }
        return path + "Z"
    }
}
