/// A C3D motion-capture file read for its analog channels (EMG, force plates), their rate, labels,
/// units and events.
///
/// Reads files of all three processor formats (``C3DProcessor``) with integer or float data (the sign
/// of POINT:SCALE). Analog values are scaled as ezc3d, the reference reader of the field, scales them:
/// `(raw − |ANALOG:OFFSET|) × ANALOG:SCALE × ANALOG:GEN_SCALE`, the subtraction in single precision as
/// the file stores the samples, the products in double, integer samples read as signed whatever
/// ANALOG:FORMAT says (files marked `UNSIGNED` store offsets near 32768 that some writers negate, hence
/// the absolute value). Where the ANALOG group lacks USED or RATE, the header's counts apply. Sample
/// times start at the first frame: `(first frame − 1) / POINT:RATE`. Everything is checked against the
/// file's size, so a damaged file gives an `InputError` naming the file and what was expected.
public struct C3DFile: Sendable, Equatable {
    /// The processor format.
    public var processor: C3DProcessor
    /// Whether samples are stored as floats (POINT:SCALE < 0) rather than 16-bit integers.
    public var storesFloats: Bool
    /// Frames per second of the 3D points (POINT:RATE).
    public var pointRate: Double
    /// Number of 3D points per frame.
    public var pointCount: Int
    /// Number of frames read.
    public var frameCount: Int
    /// The 1-based number of the first frame.
    public var firstFrame: Int
    /// Analog samples per second per channel (ANALOG:RATE).
    public var analogRate: Double
    /// The analog channels after scale and offset, one column per channel labelled by ANALOG:LABELS,
    /// on their own time base.
    public var analog: TimeSeries
    /// ANALOG:UNITS per channel (empty strings where the file gives none).
    public var analogUnits: [String]
    /// The events, from the EVENT group or else the header.
    public var events: [C3DEvent]
    /// Every parameter.
    public var parameters: C3DParameters
    /// Disagreements that do not stop reading (fewer frames in the file than declared, …).
    public var warnings: [InputError]

    /// Reads the C3D file at `path`.
    public static func read(_ path: String) throws -> C3DFile {
        try parse(try FileBytes.contents(of: path), file: path)
    }

    /// Parses the bytes of a C3D file; `file` names it in errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> C3DFile {
        let sectionStart = (try C3DHeader.parameterBlock(in: bytes, file: file) - 1) * 512
        let processor = try C3DParameterSection.processor(in: bytes, sectionStart: sectionStart, file: file)
        let reader = C3DByteReader(bytes: bytes, file: file, processor: processor)
        let header = try C3DHeader(reader)
        let (parameters, warnings) = try C3DParameterSection(reader: reader, start: sectionStart).read()
        var c3d = try C3DAnalogReader(reader: reader, header: header, parameters: parameters).read()
        c3d.warnings.insert(contentsOf: warnings, at: 0)
        return c3d
    }
}
