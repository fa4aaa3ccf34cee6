/// The version printed by `nmm --version`, recorded in reports and part of every cache key.
enum NMMVersion {
    static let string = "0.1.0"
}
