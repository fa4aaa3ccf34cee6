/// The first 512-byte block of a C3D file. Where the parameter section says otherwise (it is the
/// authoritative copy, and the header's 16-bit fields overflow on long recordings), the parameters win.
struct C3DHeader {
    /// The 1-based block where the parameter section starts.
    var parameterBlock: Int
    /// Number of 3D points per frame.
    var pointCount: Int
    /// Analog samples per frame, all channels together.
    var analogMeasurements: Int
    /// 1-based number of the first and last frame.
    var firstFrame: Int, lastFrame: Int
    /// Point scale: negative for float storage.
    var scale: Float
    /// The 1-based block where the data section starts.
    var dataBlock: Int
    /// Analog samples per channel per frame.
    var analogSamplesPerFrame: Int
    /// Frames per second.
    var frameRate: Float
    /// Events stored in the header (up to 18).
    var events: [C3DEvent]

    /// The 1-based block of the parameter section, from the first byte; checks the C3D key 0x50.
    static func parameterBlock(in bytes: [UInt8], file: String) throws(InputError) -> Int {
        guard bytes.count >= 512 else {
            throw InputError(file: file, message: "expected a C3D file of at least one 512-byte header block, found \(bytes.count) bytes")
        }
        guard bytes[1] == 0x50 else {
            throw InputError(file: file, message: "expected the C3D key 0x50 at the file's second byte, found 0x\(String(bytes[1], radix: 16)): not a C3D file")
        }
        guard bytes[0] >= 2 else {
            throw InputError(file: file, message: "expected the parameter section to start at block 2 or later (first byte), found \(bytes[0])")
        }
        return Int(bytes[0])
    }

    /// Reads the header with `reader`'s processor format.
    init(_ reader: C3DByteReader) throws(InputError) {
        parameterBlock = Int(try reader.byte(0, "the parameter block"))
        pointCount = try reader.uint16(2, "the number of points")
        analogMeasurements = try reader.uint16(4, "the number of analog measurements per frame")
        firstFrame = try reader.uint16(6, "the first frame")
        lastFrame = try reader.uint16(8, "the last frame")
        scale = try reader.float(12, "the point scale")
        dataBlock = try reader.uint16(16, "the data block")
        analogSamplesPerFrame = try reader.uint16(18, "the analog samples per frame")
        frameRate = try reader.float(20, "the frame rate")
        let eventCount = min(try reader.uint16(300, "the number of header events"), 18)
        let fourCharacterLabels = try reader.uint16(298, "the event label format") == 12345
        events = try (0..<eventCount).map { (index) throws(InputError) -> C3DEvent in
            let label = try reader.text(396 + 4 * index, count: fourCharacterLabels ? 4 : 2, "an event label")
            return C3DEvent(context: "", label: label, time: Double(try reader.float(304 + 4 * index, "an event time")))
        }
    }
}

/// An event of a C3D file (foot strike, toe off, …) at a time in seconds.
public struct C3DEvent: Sendable, Equatable {
    /// EVENT:CONTEXTS (`Left`, `Right`, `General`), empty when the file gives none.
    public var context: String
    /// EVENT:LABELS (`Foot Strike`).
    public var label: String
    /// Seconds from the start of the recording.
    public var time: Double

    /// Creates an event.
    public init(context: String, label: String, time: Double) {
        self.context = context
        self.label = label
        self.time = time
    }

    /// The EVENT group's events (times given as minutes and seconds), or nil when the file has no EVENT group.
    static func events(in parameters: C3DParameters) -> [C3DEvent]? {
        guard let times = parameters.numbers("EVENT", "TIMES") else { return nil }
        let labels = parameters.strings("EVENT", "LABELS") ?? []
        let contexts = parameters.strings("EVENT", "CONTEXTS") ?? []
        let count = min(Int(parameters.number("EVENT", "USED") ?? Double(times.count / 2)), times.count / 2)
        return (0..<max(count, 0)).map { index in
            C3DEvent(context: index < contexts.count ? contexts[index] : "", label: index < labels.count ? labels[index] : "",
                     time: times[2 * index] * 60 + times[2 * index + 1])
        }
    }
}
