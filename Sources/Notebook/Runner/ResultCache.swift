import Foundation

/// The on-disk cache of expensive commands' results, one JSON file per key.
///
/// A key is the SHA-256 of everything a result depends on (see ``CachedCommand``). An entry that cannot
/// be read, whose checksum does not match, that does not decode as the expected type or that fails its
/// ``CheckedArtifact`` check is treated as missing — the result is recomputed and the entry rewritten. Entries are written atomically.
struct ResultCache {
    /// Bumped when the entry layout changes, which invalidates every older entry.
    static let format = 1

    /// The folder holding the entries.
    let directory: URL

    private struct Entry: Codable {
        var format: Int
        var key: String
        var command: String
        var payloadSHA256: String
        var payload: Data
    }

    private func url(for key: String) -> URL {
        directory.appendingPathComponent("\(key).json")
    }

    /// The artifact stored under `key`, or `nil` if there is none or it is unusable.
    func load<Artifact: Decodable>(_ type: Artifact.Type, key: String) -> Artifact? {
        guard let data = FileManager.default.contents(atPath: url(for: key).path),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.format == Self.format, entry.key == key,
              SHA256.hex(entry.payload) == entry.payloadSHA256,
              let artifact = try? JSONDecoder().decode(Artifact.self, from: entry.payload) else { return nil }
        if let checked = artifact as? any CheckedArtifact, (try? checked.validate()) == nil { return nil }
        return artifact
    }

    /// Stores an artifact under `key`, replacing any entry.
    func store<Artifact: Encodable>(_ artifact: Artifact, key: String, command: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let payload = try encoder.encode(artifact)
        let entry = Entry(format: Self.format, key: key, command: command, payloadSHA256: SHA256.hex(payload), payload: payload)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try AtomicFile.write(try encoder.encode(entry), to: url(for: key))
    }
}
