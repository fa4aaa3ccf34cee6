/// Reads the parameter section of a C3D file: a 4-byte header (the key 0x50, the number of 512-byte
/// blocks, the processor type) followed by linked records, each a group (negative id) or a parameter
/// (positive id of its group) that points to the next record with a signed 16-bit offset; a record
/// with a name length of 0, or an offset of 0, ends the section; so does an offset past the section's declared
/// blocks (as old SGI files have on their last record). A parameter of a group the file never defines is left
/// out with a warning (ezc3d keeps it in an unnamed group).
struct C3DParameterSection {
    let reader: C3DByteReader
    /// The byte where the section starts.
    let start: Int

    /// The processor type at the section's fourth byte.
    static func processor(in bytes: [UInt8], sectionStart: Int, file: String) throws(InputError) -> C3DProcessor {
        let reader = C3DByteReader(bytes: bytes, file: file, processor: .intel)
        let code = try reader.byte(sectionStart + 3, "the processor type (the parameter section's fourth byte)")
        guard let processor = C3DProcessor(rawValue: code) else {
            throw InputError(file: file, field: "processor", message:
                "expected the processor type 84 (Intel), 85 (DEC) or 86 (MIPS) at byte \(sectionStart + 3), found \(code): not a C3D file, or a damaged one")
        }
        return processor
    }

    /// Every parameter, with its group's name, and warnings about what was left out.
    func read() throws(InputError) -> (C3DParameters, [InputError]) {
        let blocks = Int(try reader.byte(start + 2, "the number of parameter blocks"))
        let sectionEnd = start + max(blocks, 1) * 512
        var groupNames: [Int: String] = [:]
        var records: [(groupID: Int, parameter: C3DParameter)] = []
        var offset = start + 4
        while true {
            let nameLength = abs(try reader.int8(offset, "the length of a group or parameter name"))
            if nameLength == 0 { break }
            let id = try reader.int8(offset + 1, "a group id")
            guard id != 0 else {
                throw InputError(file: reader.file, message: "expected a non-zero group id at byte \(offset + 1) of the parameter section, found 0")
            }
            let name = try reader.text(offset + 2, count: nameLength, "a name of \(nameLength) characters")
            let linkOffset = offset + 2 + nameLength
            let link = try reader.int16(linkOffset, "the offset to the record after '\(name)'")
            let body = linkOffset + 2
            if id < 0 {
                let length = try reader.byte(body, "the length of group \(name)'s description")
                _ = try reader.text(body + 1, count: Int(length), "group \(name)'s description")
                groupNames[-id] = name
            } else {
                records.append((id, try parameter(named: name, at: body)))
            }
            let next = linkOffset + link
            guard link != 0, next < sectionEnd || blocks == 0 else { break }
            guard next > offset else {
                throw InputError(file: reader.file, field: name, message:
                    "expected the record after '\(name)' to follow it, but its offset (\(link)) points back to byte \(next): a damaged parameter section")
            }
            offset = next
        }
        var warnings: [InputError] = []
        let parameters = records.compactMap { (groupID, parameter) -> C3DParameter? in
            guard let group = groupNames[groupID] else {
                warnings.append(InputError(file: reader.file, field: parameter.name, message:
                    "the parameter '\(parameter.name)' belongs to group \(groupID), which the file does not define; left out"))
                return nil
            }
            var named = parameter
            named.group = group
            return named
        }
        return (C3DParameters(all: parameters), warnings)
    }

    /// A parameter record's type, dimensions, data and description, starting at `body`.
    private func parameter(named name: String, at body: Int) throws(InputError) -> C3DParameter {
        let type = try reader.int8(body, "the data type of parameter \(name)")
        let dimensionCount = Int(try reader.byte(body + 1, "the number of dimensions of parameter \(name)"))
        guard [-1, 1, 2, 4].contains(type), dimensionCount <= 7 else {
            throw InputError(file: reader.file, field: name, message:
                "expected parameter \(name) to have the data type -1, 1, 2 or 4 and at most 7 dimensions, found type \(type) with \(dimensionCount)")
        }
        var dimensions: [Int] = []
        for index in 0..<dimensionCount {
            dimensions.append(Int(try reader.byte(body + 2 + index, "dimension \(index + 1) of parameter \(name)")))
        }
        let count = dimensions.reduce(1, *)  // at most 255^7: fits an Int; the byte check below bounds it
        let data = body + 2 + dimensionCount
        try reader.require(data, count * abs(type), "the \(count) values of parameter \(name)")
        let values: C3DParameter.Values
        switch type {
        case -1:
            let length = dimensions.first ?? 1
            let strings = length == 0 ? 0 : count / length
            var texts: [String] = []
            for index in 0..<strings {
                texts.append(try reader.text(data + index * length, count: length, "a string of parameter \(name)"))
            }
            values = .text(texts)
        case 1:
            values = .integers(try (0..<count).map { (index) throws(InputError) in try reader.int8(data + index, "a value of \(name)") })
        case 2:
            values = .integers(try (0..<count).map { (index) throws(InputError) in try reader.int16(data + 2 * index, "a value of \(name)") })
        default:
            values = .floats(try (0..<count).map { (index) throws(InputError) in try reader.float(data + 4 * index, "a value of \(name)") })
        }
        let end = data + count * abs(type)
        let descriptionLength = Int(try reader.byte(end, "the length of parameter \(name)'s description"))
        let description = try reader.text(end + 1, count: descriptionLength, "parameter \(name)'s description")
        return C3DParameter(group: "", name: name, dimensions: dimensions, values: values, description: description)
    }
}
