/// Channels sampled on one time base — EMG envelopes, excitations, torques — with their quantity and unit.
public struct SeriesSet: Sendable, Codable, Equatable {
    /// One named channel.
    public struct Channel: Sendable, Codable, Equatable {
        /// The channel's name, e.g. a muscle or coordinate.
        public var name: String
        /// One value per time sample.
        public var values: [Double]

        /// Creates a channel.
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// Sample times in seconds, increasing.
    public var time: [Double]
    /// The channels, each as long as `time`.
    public var channels: [Channel]
    /// What the values are, e.g. "Excitation", "Elbow torque".
    public var quantity: String
    /// Their unit, e.g. "0–1", "N·m"; empty if none.
    public var unit: String

    /// Creates a set; every channel must have one value per time sample.
    public init(time: [Double], channels: [Channel], quantity: String, unit: String) {
        precondition(channels.allSatisfy { $0.values.count == time.count }, "every channel needs one value per time sample")
        self.time = time
        self.channels = channels
        self.quantity = quantity
        self.unit = unit
    }

    /// A set holding only channel `name`, or `nil` if there is none.
    public func channel(named name: String) -> SeriesSet? {
        channels.first { $0.name == name }.map { SeriesSet(time: time, channels: [$0], quantity: quantity, unit: unit) }
    }

    /// "2 channels (a, b) × 201 samples, 0–2 s".
    public var summary: String {
        let span = time.first.map { first in " from \(NumberText.readable(first)) to \(NumberText.readable(time.last ?? first)) s" } ?? ""
        let names = channels.map(\.name).joined(separator: ", ")
        return "\(quantity) series: \(channels.count) channel\(channels.count == 1 ? "" : "s") (\(names)) × \(time.count) samples\(span)"
    }
}
