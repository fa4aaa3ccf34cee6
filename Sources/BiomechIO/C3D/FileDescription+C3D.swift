import Foundation

extension FileDescription {
    /// Describes a C3D file: processor, storage, points and frames, every analog channel with its
    /// rate, units, scale and first value, and the events.
    static func describe(c3d: C3DFile, path: String) -> String {
        var lines = ["file: \(path)", "kind: C3D motion-capture file, \(c3d.processor.displayName), \(c3d.storesFloats ? "float" : "16-bit integer") samples"]
        lines.append("points: \(c3d.pointCount) at \(format(c3d.pointRate)) Hz, \(c3d.frameCount) frames from frame \(c3d.firstFrame)")
        let analog = c3d.analog
        lines.append("analog channels: \(analog.labels.count) at \(format(c3d.analogRate)) Hz, \(analog.rowCount) samples each"
            + (analog.time.first.map { ", \(format($0)) to \(format(analog.time.last ?? $0)) s" } ?? ""))
        let width = min(max(analog.labels.map(\.count).max() ?? 0, 6), 40)
        lines.append("  " + pad("label", width) + "  " + pad("units", 6) + " " + ["first", "min", "max"].map { pad($0, 12) }.joined(separator: " "))
        for (index, (label, column)) in zip(analog.labels, analog.columns).enumerated() {
            let stats = [column.first, column.min(), column.max()].map { $0.map(format) ?? "-" }
            lines.append("  " + pad(label, width) + "  " + pad(c3d.analogUnits[index], 6) + " " + stats.map { pad($0, 12) }.joined(separator: " "))
        }
        lines.append("events: \(c3d.events.count)")
        for event in c3d.events {
            lines.append("  \(format(event.time)) s  " + [event.context, event.label].filter { !$0.isEmpty }.joined(separator: " "))
        }
        return (lines + c3d.warnings.map(\.warningDescription)).joined(separator: "\n") + "\n"
    }

    /// One line of JSON about a C3D file's analog channels: `{"analog_rate": Hz, "analog_labels": [...],
    /// "analog_first_frame": [...]}`: the labels are ANALOG:LABELS as the file gives it (ezc3d's parameter
    /// value, which may name more than the ANALOG:USED channels), the first frame holds each channel's first
    /// sample after scale and offset (ezc3d's `data["data"]["analogs"][0, :, 0]`); a non-finite value is null.
    public static func analogJSON(_ path: String) throws -> String {
        let c3d = try C3DFile.read(path)
        func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }
        let labels = try JSONEncoder().encode(c3d.parameters.parameter("ANALOG", "LABELS")?.strings ?? c3d.analog.labels)
        let first = c3d.analog.columns.map { $0.first.map(number) ?? "null" }
        return "{\"analog_rate\": \(number(c3d.analogRate)), \"analog_labels\": \(String(decoding: labels, as: UTF8.self)), "
            + "\"analog_first_frame\": [\(first.joined(separator: ", "))]}"
    }
}
