#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on an output, held while one nmm run writes it, so that a second run of the same notebook or
/// fit into the same folder waits for the first instead of breaking it. It is an advisory `flock` on a small lock
/// file beside the output, released when the lock is deallocated or the process ends (a killed run never leaves it
/// held).
public final class RunLock {
    private let descriptor: Int32

    /// Takes the lock on `path` (the lock file, created if missing); when another process holds it, calls `waiting`
    /// once with a line to show and blocks until it is free.
    public init(path: String, waiting: (String) -> Void) throws(InputError) {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw InputError(file: path, message: "cannot create the lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) != 0 else { return }
        waiting("waiting for another nmm run that writes the same output to finish (lock \(path))")
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw InputError(file: path, message: "cannot take the lock: \(reason)")
            }
        }
    }

    deinit { close(descriptor) }

    /// Whether the process `pid` is gone, for telling a killed run's temporary files from a live run's.
    public static func isGone(_ pid: Int32) -> Bool {
        pid > 0 && kill(pid, 0) != 0 && errno == ESRCH
    }
}
