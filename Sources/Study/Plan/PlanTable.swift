import TOMLKit

/// A table of a study plan being read: typed look-ups whose errors name the file, the key's line and what was
/// expected.
struct PlanTable {
    let table: TOMLTable
    /// Table names from the root.
    let path: [String]
    let file: String
    let lines: TOMLKeyLines

    /// An error at `key` of this table (at the table's header when the key is absent, else at the file).
    func error(_ key: String?, _ message: String) -> StudyPlanError {
        let line = key.flatMap { lines.line(path + [$0]) } ?? lines.line(path)
        return StudyPlanError(file: file, line: line, message: message)
    }

    /// `[a.b] key` or `key` for messages.
    func name(_ key: String) -> String {
        path.isEmpty ? "'\(key)'" : "'\(key)' in [\(path.joined(separator: "."))]"
    }

    /// Fails on a key not in `allowed`, naming those that are.
    func allowOnly(_ allowed: [String]) throws {
        for key in table.keys.sorted() where !allowed.contains(key) {
            throw error(key, "unknown key \(name(key)); expected one of \(allowed.joined(separator: ", "))")
        }
    }

    func has(_ key: String) -> Bool { table[key] != nil }

    func string(_ key: String) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw error(key, "\(name(key)) must be a string, not \(value.type)") }
        return text
    }

    func int(_ key: String) throws -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else { throw error(key, "\(name(key)) must be an integer, not \(value.type)") }
        return number
    }

    func strings(_ key: String) throws -> [String]? {
        guard let value = table[key] else { return nil }
        let texts = value.array?.compactMap(\.string)
        guard let texts, texts.count == value.array?.count else {
            throw error(key, "\(name(key)) must be an array of strings, e.g. [\"a\", \"b\"]")
        }
        return texts
    }

    func ints(_ key: String) throws -> [Int]? {
        guard let value = table[key] else { return nil }
        let numbers = value.array?.compactMap(\.int)
        guard let numbers, numbers.count == value.array?.count else {
            throw error(key, "\(name(key)) must be an array of integers, e.g. [1, 2]")
        }
        return numbers
    }

    /// A required, non-empty list without repeats.
    func nonEmptyList(_ key: String) throws -> [String] {
        guard let list = try strings(key) else { throw error(nil, "missing \(name(key)): expected an array of strings") }
        try requireUniqueNonEmpty(list, key)
        return list
    }

    func requireUniqueNonEmpty<T: Hashable & CustomStringConvertible>(_ list: [T], _ key: String) throws {
        guard !list.isEmpty else { throw error(key, "\(name(key)) is empty: expected at least one entry") }
        var seen = Set<T>()
        for item in list where !seen.insert(item).inserted {
            throw error(key, "\(name(key)) lists '\(item)' twice")
        }
    }

    func subtable(_ key: String) throws -> PlanTable? {
        guard let value = table[key] else { return nil }
        guard let sub = value.table else { throw error(key, "\(name(key)) must be a table ([\((path + [key]).joined(separator: "."))])") }
        return PlanTable(table: sub, path: path + [key], file: file, lines: lines)
    }

    /// Every key as an `nmm fit` option, in name order; `reserved` keys (set by the plan itself) are refused.
    func fitOptions(reserved: [String]) throws -> [FitOption] {
        try table.keys.sorted().map { key in
            if reserved.contains(key) {
                throw error(key, "\(name(key)) is set by the study plan itself; options here may not name \(reserved.joined(separator: ", "))")
            }
            guard key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                throw error(key, "\(name(key)) is not an nmm fit option name: expected letters, digits and _")
            }
            let value = table[key]!
            if let flag = value.bool { return FitOption(name: key, value: .flag(flag)) }
            if let text = value.string { return FitOption(name: key, value: .text(text)) }
            if let number = value.int { return FitOption(name: key, value: .text(String(number))) }
            if let number = value.double { return FitOption(name: key, value: .text(String(number))) }
            if let array = value.array {
                let parts = array.compactMap { $0.string ?? $0.int.map(String.init) ?? $0.double.map { String($0) } }
                if parts.count == array.count { return FitOption(name: key, value: .text(parts.joined(separator: ","))) }
            }
            throw error(key, "\(name(key)) must be a string, number, boolean or array of them, not \(value.type)")
        }
    }
}
