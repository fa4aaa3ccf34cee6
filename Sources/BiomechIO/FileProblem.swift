import Foundation

/// Why a file or folder operation failed, in plain words ("Permission denied", "Read-only file system", "File too
/// large") rather than Foundation's error dump (`NSCocoaErrorDomain Code=513 …`).
public enum FileProblem {
    /// The reason behind `error`: the operating system's own words when it gave them.
    public static func reason(_ error: Error) -> String {
        if let input = error as? InputError { return input.message }
        let cocoa = error as? CocoaError
        let cause = (cocoa?.underlying ?? error) as NSError
        if cause.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(cause.code))) }
        switch cocoa?.code {
        case .fileReadNoPermission?, .fileWriteNoPermission?: return "Permission denied"
        case .fileWriteVolumeReadOnly?: return "Read-only file system"
        case .fileWriteOutOfSpace?: return "No space left on device"
        case .fileReadTooLarge?: return "File too large"
        case .fileNoSuchFile?, .fileReadNoSuchFile?: return "No such file or directory"
        case .fileWriteFileExists?: return "File exists"
        case .fileReadCorruptFile?, .fileReadInapplicableStringEncoding?: return "not readable as text"
        default: return cause.localizedDescription
        }
    }
}
