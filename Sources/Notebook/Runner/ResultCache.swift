import Foundation

/// The on-disk cache of expensive commands' results, one JSON file per key.
///
/// A key is the SHA-256 of everything a result depends on (see ``CachedCommand``). An entry that cannot
/// be read, whose checksum does not match, that does not decode as the expected type or that fails its
/// ``CheckedArtifact`` check is treated as missing — the result is recomputed and the entry rewritten. Entries are written atomically.
/// An entry's modification time is its last use (a hit touches it), so ``prune(olderThan:maximumBytes:now:)`` removes
/// the least recently used first.
public struct ResultCache: Sendable {
    /// Bumped when the entry layout changes, which invalidates every older entry.
    static let format = 1
    /// The size a run trims its cache to after it finishes (1 GiB).
    public static let defaultMaximumBytes = 1 << 30

    /// The folder holding the entries.
    public let directory: URL

    /// The cache in `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

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
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: url(for: key).path)
        return artifact
    }

    /// What ``prune(olderThan:maximumBytes:now:)`` removed and kept.
    public struct PruneResult: Sendable, Equatable {
        /// Entries removed.
        public var removedFiles: Int
        /// Their bytes.
        public var removedBytes: Int
        /// The bytes left.
        public var keptBytes: Int
    }

    /// Removes the entries last used more than `olderThan` seconds before `now`, then the least recently used until
    /// the rest fit in `maximumBytes`. Only the cache's own `*.json` entries are touched.
    @discardableResult
    public func prune(olderThan age: TimeInterval? = nil, maximumBytes: Int, now: Date = Date()) -> PruneResult {
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }
        var entries = names.compactMap { name -> (url: URL, used: Date, bytes: Int)? in
            let url = directory.appendingPathComponent(name)
            guard let attributes = try? manager.attributesOfItem(atPath: url.path), attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
            return (url, attributes[.modificationDate] as? Date ?? .distantPast, attributes[.size] as? Int ?? 0)
        }.sorted { $0.used > $1.used }
        var result = PruneResult(removedFiles: 0, removedBytes: 0, keptBytes: entries.reduce(0) { $0 + $1.bytes })
        while let oldest = entries.last,
              result.keptBytes > maximumBytes || age.map({ now.timeIntervalSince(oldest.used) > $0 }) == true {
            entries.removeLast()
            guard (try? manager.removeItem(at: oldest.url)) != nil else { continue }
            result.removedFiles += 1
            result.removedBytes += oldest.bytes
            result.keptBytes -= oldest.bytes
        }
        return result
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
