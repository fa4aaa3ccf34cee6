import Charts
import Estimation

extension SeriesStyle {
    /// The chart style an estimation method declares.
    init(_ style: MethodChartStyle) { self.init(color: style.color, dash: style.dash, width: style.width) }
}
