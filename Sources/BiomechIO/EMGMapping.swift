import Foundation

/// Which model muscles each EMG channel drives: one channel may drive several muscles (a surface
/// electrode over a muscle group), and each muscle is driven by at most one channel.
public struct EMGMapping: Sendable, Equatable, Codable {
    /// One channel and the muscles it drives.
    public struct Entry: Sendable, Equatable, Codable {
        /// The EMG column label.
        public var channel: String
        /// The model muscles it drives.
        public var muscles: [String]

        /// Creates an entry.
        public init(channel: String, muscles: [String]) {
            self.channel = channel
            self.muscles = muscles
        }
    }

    /// The entries, in the order given.
    public private(set) var entries: [Entry]

    /// Creates a mapping; a muscle listed under two channels is a programmer error (use `parse`
    /// for user text, which reports it).
    public init(_ entries: [Entry]) {
        precondition(EMGMapping.firstDoubleMapping(in: entries) == nil, "EMGMapping: a muscle is mapped to two channels")
        self.entries = entries
    }

    /// Each channel drives the muscle of the same name (e.g. arm26's TRIlong, BIClong).
    public static func identity(_ channels: [String]) -> EMGMapping {
        EMGMapping(channels.map { Entry(channel: $0, muscles: [$0]) })
    }

    /// The muscles `channel` drives (empty when it is not mapped).
    public func muscles(for channel: String) -> [String] {
        entries.first { $0.channel == channel }?.muscles ?? []
    }

    /// The channel driving `muscle`, nil when none does (an unmeasured muscle).
    public func channel(for muscle: String) -> String? {
        entries.first { $0.muscles.contains(muscle) }?.channel
    }

    /// Every mapped muscle, in entry order.
    public var mappedMuscles: [String] { entries.flatMap(\.muscles) }

    /// One column per mapped muscle, copied from its channel (columns of channels absent from
    /// `emg` are left out).
    public func muscleSignals(from emg: TimeSeries) -> TimeSeries {
        var labels: [String] = []
        var columns: [[Double]] = []
        for entry in entries {
            guard let column = emg.column(entry.channel) else { continue }
            for muscle in entry.muscles {
                labels.append(muscle)
                columns.append(column)
            }
        }
        return TimeSeries(time: emg.time, labels: labels, columns: columns, inDegrees: false)
    }

    /// Checks that every channel is an EMG column and every muscle is in the model; `source`
    /// names the mapping in the error.
    public func validate(channels: [String], muscles: [String], source: String) throws(InputError) {
        for entry in entries {
            guard channels.contains(entry.channel) else {
                throw InputError(file: source, field: entry.channel, message:
                    "the EMG mapping names the channel '\(entry.channel)', which the EMG file does not have (it has \(channels.joined(separator: ", ")))")
            }
            for muscle in entry.muscles where !muscles.contains(muscle) {
                throw InputError(file: source, field: muscle, message:
                    "the EMG mapping maps channel '\(entry.channel)' to the muscle '\(muscle)', which the model does not have")
            }
        }
    }

    static func firstDoubleMapping(in entries: [Entry]) -> (muscle: String, first: String, second: String)? {
        var owner: [String: String] = [:]
        for entry in entries {
            for muscle in entry.muscles {
                if let first = owner[muscle] { return (muscle, first, entry.channel) }
                owner[muscle] = entry.channel
            }
        }
        return nil
    }
}

extension EMGMapping {
    /// Reads a mapping file (see `parse`).
    public static func read(_ path: String) throws -> EMGMapping {
        let bytes = try FileBytes.contents(of: path)
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// Parses a mapping, one channel per line, as `channel: muscle, muscle` or as a Markdown
    /// table row `| channel | muscle, muscle |` (the form of rajagopal-walk's README; a header
    /// row followed by a `| --- |` row is skipped). Muscles are separated by commas or spaces;
    /// blank lines and lines starting with `#` are ignored.
    public static func parse(_ text: String, file: String) throws(InputError) -> EMGMapping {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        var entries: [Entry] = []
        for (index, line) in lines.enumerated() {
            if line.isEmpty || line.hasPrefix("#") || isTableSeparator(line) { continue }
            if index + 1 < lines.count, isTableSeparator(lines[index + 1]) { continue } // a table's header row
            let (channel, muscleText): (String, String)
            if line.hasPrefix("|") {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().map { $0.trimmingWhitespace() }
                guard cells.count >= 2 else {
                    throw InputError(file: file, line: index + 1, message: "expected a table row '| channel | muscles |', found \(InputError.quote(line))")
                }
                (channel, muscleText) = (cells[0], cells[1])
            } else if let colon = line.firstIndex(of: ":") {
                (channel, muscleText) = (line[..<colon].trimmingWhitespace(), line[line.index(after: colon)...].trimmingWhitespace())
            } else {
                throw InputError(file: file, line: index + 1, message: "expected 'channel: muscle, muscle', found \(InputError.quote(line))")
            }
            let muscles = muscleText.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
            guard !channel.isEmpty, !muscles.isEmpty else {
                throw InputError(file: file, line: index + 1, message: "expected a channel and at least one muscle, found \(InputError.quote(line))")
            }
            if entries.contains(where: { $0.channel == channel }) {
                throw InputError(file: file, line: index + 1, field: channel, message: "the channel '\(channel)' is mapped twice")
            }
            entries.append(Entry(channel: channel, muscles: muscles))
            if let double = firstDoubleMapping(in: entries) {
                throw InputError(file: file, line: index + 1, field: double.muscle,
                                 message: "the muscle '\(double.muscle)' is driven by both '\(double.first)' and '\(double.second)'")
            }
        }
        return EMGMapping(entries)
    }

    private static func isTableSeparator(_ line: String) -> Bool {
        line.hasPrefix("|") && line.contains("-") && line.allSatisfy { "|-: ".contains($0) }
    }
}
