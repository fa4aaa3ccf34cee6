import Foundation
import Notebook

/// The version printed by `nmm --version`, recorded in reports and part of every cache key.
enum NMMVersion {
    static let string = "0.2.0"

    /// The SHA-256 of this executable's bytes ("unknown" when it cannot be read), which tells builds apart.
    static var buildIdentity: String {
        guard let url = Bundle.main.executableURL, let bytes = try? Data(contentsOf: url, options: .alwaysMapped) else { return "unknown" }
        var hash = SHA256()
        hash.update(bytes)
        return hash.finalize()
    }
}
