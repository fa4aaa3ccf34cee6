/// An independent reference for the .osim reader: muscles found by plain text search in the XML.
struct OSimText {
    let text: String

    /// Each `<className name="...">` element's name and the number in its first `<property>` element, in file order.
    func muscles(ofClass className: String, property: String) -> [(name: String, value: Double?)] {
        text.components(separatedBy: "<\(className) name=\"").dropFirst().map { element in
            let name = String(element.prefix { $0 != "\"" })
            let body = element.components(separatedBy: "</\(className)>")[0]
            let value = body.components(separatedBy: "<\(property)>").dropFirst().first
                .flatMap { Double($0.prefix { $0 != "<" }.trimmingCharacters(in: .whitespaces)) }
            return (name, value)
        }
    }
}
