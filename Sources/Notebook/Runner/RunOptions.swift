import Foundation

/// How `nmm run` runs a notebook.
public struct RunOptions: Sendable {
    /// `--param name=value` overrides, by name.
    public var parameterOverrides: [String: String] = [:]
    /// `false` for `--no-cache`: recompute every expensive step (and refresh its cache entry).
    public var useCache = true
    /// Where NAME.html and NAME.json go.
    public var outputDirectory: URL
    /// Where cached results live; defaults to `.nmm-cache` inside the output folder.
    public var cacheDirectory: URL?
    /// The size the cache is trimmed to after a run (least recently used entries first).
    public var cacheMaximumBytes = ResultCache.defaultMaximumBytes
    /// A user's own Mustache template instead of the built-in one.
    public var templateURL: URL?
    /// The nmm version, recorded in the report and part of every cache key.
    public var toolVersion: String
    /// What identifies the nmm build (`nmm run` uses a digest of its executable), part of every cache key, so that
    /// a rebuilt nmm — whose methods or defaults may have changed — never serves results an older build computed.
    public var buildIdentity = ""
    /// The nmm version and build in one line: what keys the cache and stamps what commands write.
    public var buildStamp: String { "nmm \(toolVersion) \(buildIdentity)" }
    /// The machine, recorded in the report (`nmm run` adds its BLAS configuration).
    public var environment = RunEnvironment.current(blas: "unknown")
    /// The commands notebooks may use.
    public var registry: CommandRegistry = .standard
    /// The date recorded in the report.
    public var date = Date()
    /// The project the notebook belongs to: notebooks read inside it. Defaults to the current folder.
    public var projectDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    /// Further folders notebooks may read (`nmm run` adds the folder it was started in).
    public var extraReadableRoots: [URL] = []
    /// Folders of data notebooks may read besides the project, their own folder and the output folder
    /// (`nmm run --data-root DIR`); nil: ../shared/data beside the project.
    public var dataRoots: [URL]?

    /// Options writing to `outputDirectory`, for nmm `toolVersion`.
    public init(outputDirectory: URL, toolVersion: String) {
        self.outputDirectory = outputDirectory
        self.toolVersion = toolVersion
    }

    /// The data roots in use.
    var resolvedDataRoots: [URL] {
        dataRoots ?? [projectDirectory.appendingPathComponent("../shared/data").standardizedFileURL]
    }

    /// The cache folder in use.
    public var resolvedCacheDirectory: URL {
        cacheDirectory ?? outputDirectory.appendingPathComponent(".nmm-cache")
    }
}
