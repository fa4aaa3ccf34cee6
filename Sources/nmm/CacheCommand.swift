import ArgumentParser
import Foundation
import Notebook

/// `nmm cache`: look after the cache of expensive notebook steps.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Look after the cache of expensive notebook steps (OUTPUT/.nmm-cache).",
        subcommands: [CachePruneCommand.self]
    )
}

/// `nmm cache prune`: remove old cache entries and keep the cache under a size.
struct CachePruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Remove cache entries not used for a while, then the least recently used beyond a size.",
        discussion: """
            Every `nmm run` already trims its cache to 1 GiB, least recently used entries first. A removed entry is \
            only recomputed, never wrong: the next run that needs it fits again.
            """
    )

    @Option(name: .customLong("older-than"), help: ArgumentHelp("Remove entries last used longer ago than this: 30d, 12h, 90m.", valueName: "age"))
    var olderThan: String?

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Then keep at most this much: 500M, 2G.", valueName: "size"))
    var maxSize: String = "1G"

    @Option(help: ArgumentHelp("The output folder whose .nmm-cache is pruned.", valueName: "dir"))
    var output: String = "Output"

    func validate() throws {
        if let olderThan, Self.seconds(olderThan) == nil {
            throw ValidationError("--older-than takes a number and d, h or m (30d, 12h, 90m), not '\(olderThan)'")
        }
        if Self.bytes(maxSize) == nil {
            throw ValidationError("--max-size takes a number and K, M or G (500M, 2G), not '\(maxSize)'")
        }
    }

    func run() throws {
        let cache = ResultCache(directory: URL(fileURLWithPath: output).appendingPathComponent(".nmm-cache"))
        guard FileManager.default.fileExists(atPath: cache.directory.path) else {
            Terminal.out("no cache at \(cache.directory.path)")
            return
        }
        let result = cache.prune(olderThan: olderThan.flatMap(Self.seconds), maximumBytes: Self.bytes(maxSize) ?? ResultCache.defaultMaximumBytes)
        Terminal.out("removed \(result.removedFiles) entries (\(Self.megabytes(result.removedBytes))); \(Self.megabytes(result.keptBytes)) kept in \(cache.directory.path)")
    }

    /// "30d", "12h", "90m" in seconds.
    static func seconds(_ text: String) -> TimeInterval? {
        let units: [Character: Double] = ["d": 86_400, "h": 3_600, "m": 60]
        guard let unit = text.last.flatMap({ units[$0] }), let value = Double(text.dropLast()), value.isFinite, value >= 0 else { return nil }
        return value * unit
    }

    /// "500M", "2G", "800K" in bytes.
    static func bytes(_ text: String) -> Int? {
        let units: [Character: Double] = ["K": 1_024, "M": 1_048_576, "G": 1_073_741_824]
        guard let unit = text.uppercased().last.flatMap({ units[$0] }), let value = Double(text.dropLast()), value.isFinite, value >= 0,
              value * unit < Double(Int.max) else { return nil }
        return Int(value * unit)
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
