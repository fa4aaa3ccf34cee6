/// Draws the parts every Cartesian chart shares: light grid, baseline, outward ticks, tick labels, titles.
enum Axes {
    static let gridColor = "#e5e5e5"
    static let axisColor = "#333333"
    static let tickLength = 4.0

    /// Horizontal grid lines and left tick labels at each tick of `scale`.
    static func drawY(_ scale: any AxisScale, in plot: Rect, into svg: inout SVGBuilder) {
        svg.open("g", ["class": .text("y-axis")])
        for tick in scale.ticks {
            let y = scale.position(of: tick, from: plot.maxY, to: plot.y)
            svg.element("line", [
                "x1": .number(plot.x), "y1": .number(y), "x2": .number(plot.maxX), "y2": .number(y),
                "stroke": .text(gridColor), "stroke-width": .number(1),
            ])
            svg.element("line", [
                "x1": .number(plot.x - tickLength), "y1": .number(y), "x2": .number(plot.x), "y2": .number(y),
                "stroke": .text(axisColor), "stroke-width": .number(1),
            ])
            svg.text("text", ["x": .number(plot.x - tickLength - 3), "y": .number(y + 3.5), "text-anchor": .text("end")], scale.label(tick))
        }
        svg.element("line", [
            "x1": .number(plot.x), "y1": .number(plot.y), "x2": .number(plot.x), "y2": .number(plot.maxY),
            "stroke": .text(axisColor), "stroke-width": .number(1),
        ])
        svg.close("g")
    }

    /// Baseline, outward ticks and (when `labelled`) tick labels of a horizontal axis.
    static func drawX(_ scale: any AxisScale, in plot: Rect, labelled: Bool, into svg: inout SVGBuilder) {
        svg.open("g", ["class": .text("x-axis")])
        svg.element("line", [
            "x1": .number(plot.x), "y1": .number(plot.maxY), "x2": .number(plot.maxX), "y2": .number(plot.maxY),
            "stroke": .text(axisColor), "stroke-width": .number(1),
        ])
        for tick in scale.ticks {
            let x = scale.position(of: tick, from: plot.x, to: plot.maxX)
            svg.element("line", [
                "x1": .number(x), "y1": .number(plot.maxY), "x2": .number(x), "y2": .number(plot.maxY + tickLength),
                "stroke": .text(axisColor), "stroke-width": .number(1),
            ])
            if labelled {
                svg.text("text", ["x": .number(x), "y": .number(plot.maxY + tickLength + 11), "text-anchor": .text("middle")], scale.label(tick))
            }
        }
        svg.close("g")
    }

    /// A horizontal axis title centred under `plot`.
    static func drawXTitle(_ title: AxisTitle, under plot: Rect, offset: Double, into svg: inout SVGBuilder) {
        svg.text("text", [
            "x": .number(plot.x + plot.width / 2), "y": .number(plot.maxY + offset),
            "text-anchor": .text("middle"), "class": .text("axis-title"),
        ], title.text)
    }

    /// A vertical axis title, rotated, centred beside `plot` at horizontal position `x`.
    static func drawYTitle(_ title: AxisTitle, beside plot: Rect, x: Double, into svg: inout SVGBuilder) {
        let y = plot.y + plot.height / 2
        svg.text("text", [
            "x": .number(x), "y": .number(y), "text-anchor": .text("middle"), "class": .text("axis-title"),
            "transform": .text("rotate(-90 \(SVGNumber.coordinate(x)) \(SVGNumber.coordinate(y)))"),
        ], title.text)
    }

    /// The chart's visible title at the top-left.
    static func drawTitle(_ title: String, into svg: inout SVGBuilder) {
        guard !title.isEmpty else { return }
        svg.text("text", ["x": .number(12), "y": .number(18), "font-size": .number(13), "font-weight": .text("600")], title)
    }

    /// A clip path of id `id` covering `plot`, so data drawn beyond the axes is cut at the frame.
    static func defineClip(_ id: String, _ plot: Rect, into svg: inout SVGBuilder) {
        svg.open("clipPath", ["id": .text(id)])
        svg.element("rect", ["x": .number(plot.x), "y": .number(plot.y), "width": .number(plot.width), "height": .number(plot.height)])
        svg.close("clipPath")
    }
}
