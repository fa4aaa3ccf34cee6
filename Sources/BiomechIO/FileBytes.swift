#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and atomic writes with POSIX calls, reporting failures as `InputError`.
public enum FileBytes {
    /// The largest file read whole (1 GiB): a bigger one is refused before any byte is read or allocated.
    static let maximumSize = 1 << 30

    /// The bytes of the file at `path`.
    public static func contents(of path: String) throws(InputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw systemError(path, "cannot open the file") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw systemError(path, "cannot read the file's size") }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw InputError(file: path, message: "expected a regular file, found a directory or device")
        }
        guard Int(status.st_size) <= maximumSize else {
            throw InputError(file: path, message: "the file is \(Int(status.st_size) >> 20) MiB; nmm reads files of at most \(maximumSize >> 20) MiB")
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { throw systemError(path, "cannot read the file") }
            if got == 0 { break }
            filled += got
        }
        if filled < bytes.count { bytes.removeLast(bytes.count - filled) }
        return bytes
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same folder, then rename, so
    /// a reader never sees a half-written file and a failure leaves any old file untouched.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(InputError) {
        var template = Array("\(path).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw systemError(path, "cannot create a temporary file beside it") }
        let temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        while written < bytes.count {
            let put = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if put < 0, errno == EINTR { continue }
            guard put > 0 else {
                let error = systemError(path, "cannot write the file")
                close(descriptor)
                unlink(temporaryPath)
                throw error
            }
            written += put
        }
        fchmod(descriptor, 0o644)
        guard close(descriptor) == 0, rename(temporaryPath, path) == 0 else {
            let error = systemError(path, "cannot write the file")
            unlink(temporaryPath)
            throw error
        }
    }

    private static func systemError(_ path: String, _ what: String) -> InputError {
        InputError(file: path, message: "\(what): \(String(cString: strerror(errno)))")
    }
}
