/// Reads typed OpenSim properties (child elements) of one XML element, with errors that name the
/// file, the line, the property and its owner.
struct OSimProperties {
    let element: XMLTreeElement
    let file: String
    /// Who owns the properties, for messages: e.g. `muscle 'BRA'`.
    let owner: String

    /// The number in `<tag>`, or `fallback` when the element is absent.
    func number(_ tag: String, default fallback: Double, validRange: ClosedRange<Double>? = nil) throws(InputError) -> Double {
        try optionalNumber(tag, validRange: validRange) ?? fallback
    }

    /// The number in `<tag>`, nil when the element is absent.
    func optionalNumber(_ tag: String, validRange: ClosedRange<Double>? = nil) throws(InputError) -> Double? {
        guard let child = element.child(tag) else { return nil }
        let text = child.trimmedText
        guard let value = Double(text), value.isFinite else {
            throw InputError(file: file, line: child.line, field: tag,
                             message: "expected a number in <\(tag)> of \(owner), found \(text.isEmpty ? "nothing" : InputError.quote(text))")
        }
        if let validRange, !validRange.contains(value) {
            throw InputError(file: file, line: child.line, field: tag,
                             message: "expected <\(tag)> of \(owner) in \(validRange.lowerBound)...\(validRange.upperBound), found \(text)")
        }
        return value
    }

    /// The numbers in `<tag>` (space-separated), nil when the element is absent.
    func numbers(_ tag: String, count: Int) throws(InputError) -> [Double]? {
        guard let child = element.child(tag) else { return nil }
        let pieces = child.trimmedText.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        let values = pieces.compactMap { Double($0) }.filter(\.isFinite)
        guard values.count == count, pieces.count == count else {
            throw InputError(file: file, line: child.line, field: tag,
                             message: "expected \(count) numbers in <\(tag)> of \(owner), found \(InputError.quote(child.trimmedText))")
        }
        return values
    }

    /// The boolean in `<tag>` (`true`/`false`), or `fallback` when the element is absent.
    func bool(_ tag: String, default fallback: Bool) throws(InputError) -> Bool {
        guard let child = element.child(tag) else { return fallback }
        switch child.trimmedText.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default:
            throw InputError(file: file, line: child.line, field: tag,
                             message: "expected true or false in <\(tag)> of \(owner), found \(InputError.quote(child.trimmedText))")
        }
    }

    /// The text in `<tag>`, or `fallback` when the element is absent.
    func text(_ tag: String, default fallback: String) -> String {
        element.child(tag)?.trimmedText ?? fallback
    }

    /// The properties of the child element `<tag>` (e.g. a curve object), nil when absent.
    func object(_ tag: String) -> OSimProperties? {
        element.child(tag).map { OSimProperties(element: $0, file: file, owner: "\(tag) of \(owner)") }
    }
}
