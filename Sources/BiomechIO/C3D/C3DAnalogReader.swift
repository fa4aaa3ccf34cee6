/// Reads the analog channels of a C3D file's data section: frame after frame, the points' words
/// (4 per point) and then, for each analog sample of the frame, one word per channel.
struct C3DAnalogReader {
    let reader: C3DByteReader
    let header: C3DHeader
    let parameters: C3DParameters

    func read() throws(InputError) -> C3DFile {
        let file = reader.file
        let pointCount = parameters.number("POINT", "USED").map { Int(UInt16(truncatingIfNeeded: Int($0))) } ?? header.pointCount
        let pointRate = parameters.number("POINT", "RATE") ?? Double(header.frameRate)
        let storesFloats = (parameters.number("POINT", "SCALE") ?? Double(header.scale)) < 0
        let channelCount = try analogChannelCount()
        let analogRate = parameters.number("ANALOG", "RATE") ?? pointRate * Double(header.analogSamplesPerFrame)
        let samplesPerFrame = channelCount == 0 ? 0 : try samplesPerFrame(analogRate: analogRate, pointRate: pointRate)
        let declaredFrames = try frameCount()

        let wordSize = storesFloats ? 4 : 2
        let frameSize = (pointCount * 4 + channelCount * samplesPerFrame) * wordSize
        let dataStart = (header.dataBlock - 1) * 512
        guard header.dataBlock >= 2, dataStart <= reader.bytes.count else {
            throw InputError(file: file, message: "expected the data section at a block inside the file (header word 9), found block \(header.dataBlock) of a \(reader.bytes.count)-byte file")
        }
        var warnings: [InputError] = []
        var frames = declaredFrames
        if frameSize > 0, (reader.bytes.count - dataStart) / frameSize < declaredFrames {
            frames = (reader.bytes.count - dataStart) / frameSize
            warnings.append(InputError(file: file, message: "the file declares \(declaredFrames) frames but holds \(frames) complete ones; read those"))
        }

        let labels = try channelLabels(channelCount, warnings: &warnings)
        let scales = try perChannel("SCALE", channelCount, default: 1)
        let offsets = try perChannel("OFFSET", channelCount, default: 0).map(abs)
        let general = parameters.number("ANALOG", "GEN_SCALE") ?? 1

        var columns = [[Double]](repeating: [], count: channelCount)
        for channel in 0..<channelCount { columns[channel].reserveCapacity(frames * samplesPerFrame) }
        for frame in 0..<frames {
            var offset = dataStart + frame * frameSize + pointCount * 4 * wordSize
            for _ in 0..<samplesPerFrame {
                for channel in 0..<channelCount {
                    let raw: Float
                    if storesFloats {
                        raw = try reader.float(offset, "an analog sample")
                    } else {
                        raw = Float(try reader.int16(offset, "an analog sample"))
                    }
                    columns[channel].append(Double(raw - Float(offsets[channel])) * scales[channel] * general)
                    offset += wordSize
                }
            }
        }
        let start = pointRate > 0 ? Double(max(header.firstFrame - 1, 0)) / pointRate : 0
        let time = (0..<(frames * samplesPerFrame)).map { start + Double($0) / analogRate }
        let units = parameters.strings("ANALOG", "UNITS") ?? []
        return C3DFile(
            processor: reader.processor, storesFloats: storesFloats, pointRate: pointRate, pointCount: pointCount, frameCount: frames,
            firstFrame: header.firstFrame, analogRate: analogRate, analog: TimeSeries(time: time, labels: labels, columns: columns),
            analogUnits: (0..<channelCount).map { $0 < units.count ? units[$0] : "" },
            events: C3DEvent.events(in: parameters) ?? header.events, parameters: parameters, warnings: warnings)
    }

    private func analogChannelCount() throws(InputError) -> Int {
        if let used = parameters.number("ANALOG", "USED") {
            guard used >= 0 else { throw InputError(file: reader.file, field: "ANALOG:USED", message: "expected a channel count of 0 or more in ANALOG:USED, found \(used)") }
            return Int(used)
        }
        return header.analogSamplesPerFrame == 0 ? 0 : header.analogMeasurements / header.analogSamplesPerFrame
    }

    /// ANALOG:RATE / POINT:RATE (as ezc3d: the whole number of samples it holds), else the header's count.
    private func samplesPerFrame(analogRate: Double, pointRate: Double) throws(InputError) -> Int {
        guard analogRate.isFinite, analogRate > 0 else {
            throw InputError(file: reader.file, field: "ANALOG:RATE", message: "expected a positive analog rate in ANALOG:RATE, found \(analogRate)")
        }
        guard pointRate.isFinite, pointRate > 0 else { return max(header.analogSamplesPerFrame, 1) }
        let ratio = analogRate / pointRate
        guard ratio >= 1, ratio <= 65535 else {
            throw InputError(file: reader.file, field: "ANALOG:RATE", message:
                "expected ANALOG:RATE (\(analogRate) Hz) to be a whole multiple of POINT:RATE (\(pointRate) Hz)")
        }
        return Int(ratio)
    }

    /// POINT:FRAMES (a float, or a 16-bit count read unsigned, in files longer than 32767 frames) unless
    /// it is 0, else the header's first and last frame.
    private func frameCount() throws(InputError) -> Int {
        if let parameter = parameters.parameter("POINT", "FRAMES"), let value = parameter.numbers?.first, value != 0 {
            if case .integers = parameter.values { return Int(UInt16(truncatingIfNeeded: Int(value))) }
            guard value > 0, value < 1e9 else {
                throw InputError(file: reader.file, field: "POINT:FRAMES", message: "expected a frame count in POINT:FRAMES, found \(value)")
            }
            return Int(value)
        }
        return max(header.lastFrame - header.firstFrame + 1, 0)
    }

    private func channelLabels(_ count: Int, warnings: inout [InputError]) throws(InputError) -> [String] {
        let labels = parameters.strings("ANALOG", "LABELS") ?? []
        if labels.count < count {
            warnings.append(InputError(file: reader.file, field: "ANALOG:LABELS", message:
                "ANALOG:LABELS names \(labels.count) of \(count) channels; the others are called analog<N>"))
        }
        return (0..<count).map { $0 < labels.count ? labels[$0] : "analog\($0 + 1)" }
    }

    /// One value of ANALOG:`name` per channel; `default` for all when the file has none.
    private func perChannel(_ name: String, _ count: Int, default value: Double) throws(InputError) -> [Double] {
        guard let values = parameters.numbers("ANALOG", name), !values.isEmpty else { return Array(repeating: value, count: count) }
        guard values.count >= count else {
            throw InputError(file: reader.file, field: "ANALOG:\(name)", message: "expected one ANALOG:\(name) value per channel (\(count)), found \(values.count)")
        }
        return Array(values.prefix(count))
    }
}
