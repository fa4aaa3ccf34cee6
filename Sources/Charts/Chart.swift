/// Something nmm can draw as a self-contained, accessible SVG.
///
/// Output is deterministic: the same chart and `id` always give byte-identical SVG, so reports can be
/// compared and cached. The `id` prefixes every element id inside the SVG, so several charts can be
/// inlined in one HTML page.
public protocol Chart: Sendable {
    /// The chart's title (also the SVG `<title>`).
    var title: String { get }
    /// A generated one-sentence summary for screen readers (the SVG `<desc>`).
    var summary: String { get }
    /// The SVG document, `role="img"`, with a `viewBox` and no fixed size so it scales with its container.
    func svg(id: String) -> String
    /// The numbers drawn, as CSV with a header row: every sample, not the decimated line the SVG draws.
    var csv: String { get }
}
