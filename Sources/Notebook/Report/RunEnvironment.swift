import Foundation

/// The machine a notebook ran on, as a report records it: operating system, CPU model, threads and BLAS.
///
/// Floating-point results can differ in the last digits between CPUs and BLAS builds; a reader who cannot reproduce a
/// figure exactly can see here whether the machine differed.
public struct RunEnvironment: Sendable, Equatable {
    /// The operating system and kernel, e.g. "Debian GNU/Linux 12 (bookworm), Linux 6.1.0 x86_64".
    public var os: String
    /// The CPU model, e.g. "AMD EPYC 9R14".
    public var cpu: String
    /// The logical CPUs nmm may use (its parallel fits use up to this many threads).
    public var threads: Int
    /// The BLAS library's build configuration, or "unknown".
    public var blas: String

    /// Creates a record from its parts.
    public init(os: String, cpu: String, threads: Int, blas: String) {
        self.os = os
        self.cpu = cpu
        self.threads = threads
        self.blas = blas
    }

    /// This machine, with the BLAS description the caller knows (the notebook library does not link BLAS itself).
    public static func current(blas: String) -> RunEnvironment {
        RunEnvironment(os: operatingSystem(), cpu: cpuModel(), threads: ProcessInfo.processInfo.activeProcessorCount, blas: blas)
    }

    /// PRETTY_NAME of /etc/os-release and the kernel's name, release and machine from uname(2).
    static func operatingSystem() -> String {
        var parts: [String] = []
        if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
           let line = release.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") }) {
            parts.append(line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        }
        var names = utsname()
        if uname(&names) == 0 {
            let field = { (value: Any) -> String in
                withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            }
            parts.append("\(field(names.sysname)) \(field(names.release)) \(field(names.machine))")
        }
        return parts.isEmpty ? ProcessInfo.processInfo.operatingSystemVersionString : parts.joined(separator: ", ")
    }

    /// The first "model name" of /proc/cpuinfo, or "unknown".
    static func cpuModel() -> String {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
              let colon = line.firstIndex(of: ":") else { return "unknown" }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
}
