import TestSupport
import Foundation

/// Damaged copies of the reference data for the hostile cases.
enum HostileData {
    /// Copies S01's model and trials 01 and 03 into `project/subject`.
    static func miniSubject(in project: URL) throws {
        let subject = project.appendingPathComponent("subject")
        try FileManager.default.createDirectory(at: subject, withIntermediateDirectories: true)
        for item in ["model.osim", "subject.json", "trial01", "trial03"] {
            try FileManager.default.copyItem(atPath: TestFiles.s01 + "/" + item, toPath: subject.appendingPathComponent(item).path)
        }
    }

    /// Replaces field `column` (0: time) of data row `row` (0: the first after the labels) of a Storage file.
    static func replaceValue(in url: URL, column: Int, row: Int, with value: String) throws {
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        guard let end = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == "endheader" }) else { return }
        let index = end + 2 + row
        var fields = lines[index].components(separatedBy: "\t")
        fields[column] = value
        lines[index] = fields.joined(separator: "\t")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
    }

    /// `text` with the closing tag of the muscle element named `muscle` renamed to `className`.
    static func replacingClosingTag(of muscle: String, in text: String, with className: String) -> String {
        guard let start = text.range(of: "name=\"\(muscle)\""),
              let close = text.range(of: "</DeGrooteFregly2016Muscle>", range: start.upperBound..<text.endIndex) else { return text }
        return text.replacingCharacters(in: close, with: "</\(className)>")
    }

    /// An OpenSim document whose model holds elements nested `depth` deep.
    static func deepXML(depth: Int) -> String {
        "<?xml version=\"1.0\"?>\n<OpenSimDocument Version=\"40000\"><Model name=\"m\">" + String(repeating: "<a>", count: depth)
            + String(repeating: "</a>", count: depth) + "</Model></OpenSimDocument>\n"
    }

    /// S01's model with copies of its BRA muscle (BRA0, BRA1, …) until it is `bytes` long.
    static func bigModel(bytes: Int) throws -> String {
        let model = try String(contentsOfFile: TestFiles.s01 + "/model.osim", encoding: .utf8)
        guard let start = model.range(of: "<DeGrooteFregly2016Muscle name=\"BRA\">"),
              let end = model.range(of: "</DeGrooteFregly2016Muscle>", range: start.upperBound..<model.endIndex) else { return model }
        let muscle = String(model[start.lowerBound..<end.upperBound])
        var copies: [String] = []
        var size = model.utf8.count
        while size < bytes {
            let copy = muscle.replacingOccurrences(of: "name=\"BRA\"", with: "name=\"BRA\(copies.count)\"")
            size += copy.utf8.count + 1
            copies.append(copy)
        }
        return model.replacingCharacters(in: end.upperBound..<end.upperBound, with: "\n" + copies.joined(separator: "\n"))
    }

    /// `nmm inspect` of a file `name` holding `text`.
    static func inspect(_ name: String, _ file: String, _ text: String, status: Int32, message: String) -> HostileCase {
        HostileCase(name: "inspect: \(name)", plant: { project in
            try Data(text.utf8).write(to: project.appendingPathComponent(file))
        }, arguments: { ["inspect", $0.appendingPathComponent(file).path] }, status: status, message: message)
    }
}
