/// The names a notebook run has defined so far, with their values and fingerprints.
///
/// A fingerprint identifies a value by how it was made — the command, its arguments, the fingerprints of
/// the values it read and the hashes of the files it read — so it can key the cache without hashing
/// large values themselves.
struct Session {
    /// A defined name.
    struct Binding {
        var value: Value
        var fingerprint: String
        var definedAt: SourceLocation
    }

    private(set) var bindings: [String: Binding] = [:]
    /// Every name defined by a statement above the current one, whether or not that statement succeeded.
    private(set) var declared: Set<String> = []

    /// Records that a statement above defines `name` (before it runs, so later references resolve).
    mutating func declare(_ name: String) {
        declared.insert(name)
    }

    /// Gives `name` a value.
    mutating func bind(_ name: String, _ value: Value, fingerprint: String, at location: SourceLocation) {
        declared.insert(name)
        bindings[name] = Binding(value: value, fingerprint: fingerprint, definedAt: location)
    }

    /// Removes a name's value (its statement failed), keeping it declared.
    mutating func invalidate(_ name: String) {
        bindings[name] = nil
    }

    /// The value a dotted path names, with the fingerprint of its head binding.
    func lookup(_ path: NamePath) throws -> (value: Value, fingerprint: String) {
        guard let binding = bindings[path.head] else {
            if declared.contains(path.head) {
                throw Diagnostic("'\(path.head)' has no value because the statement that defines it failed", at: path.location)
            }
            var message = "no value named '\(path.head)' is defined above"
            if let suggestion = Suggestions.closest(to: path.head, among: declared) { message += "; did you mean '\(suggestion)'?" }
            throw Diagnostic(message, at: path.location)
        }
        var value = binding.value
        var walked = path.head
        for member in path.parts.dropFirst() {
            guard let next = value.member(member) else {
                var message = "\(value.kind) '\(walked)' has no field '\(member)'"
                if let suggestion = Suggestions.closest(to: member, among: value.memberNames) {
                    message += "; did you mean '\(suggestion)'?"
                } else if !value.memberNames.isEmpty {
                    message += " (it has: \(value.memberNames.joined(separator: ", ")))"
                }
                throw Diagnostic(message, at: path.location)
            }
            value = next
            walked += "." + member
        }
        return (value, binding.fingerprint + (path.parts.count > 1 ? "." + path.parts.dropFirst().joined(separator: ".") : ""))
    }
}
