/// A problem with what a user asked a fit to do or with the files it read, said so the user can fix it.
public struct EstimationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong and what was expected.
    public var message: String
    /// An error with `message`.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
