/// A way of estimating every muscle's excitation: one type per method, listed once in ``MethodRegistry``.
///
/// A method declares what it is (``id``, ``summary``, ``capabilities``), how it is configured (a Codable
/// ``Configuration`` with defaults, and the ``options`` a user may set, each documented), and how it fits. The
/// command line (`nmm fit --method`, `nmm help methods`), the notebook's `fit METHOD` commands and the report's
/// chart styles are all generated from these declarations, so adding a method is one folder with its type, one
/// line in ``MethodRegistry/all`` and its tests.
public protocol EstimationMethod: Sendable {
    /// The method's settings; `Configuration()` holds the defaults.
    associatedtype Configuration: Codable & Sendable & Equatable

    /// The short name users type: `nmm fit --method ID`, `fit ID` in a notebook.
    static var id: String { get }
    /// One line for method lists.
    static var summary: String { get }
    /// Paragraphs for help: what it does, what it needs, the science and its references.
    static var discussion: String { get }
    /// What the method needs and gives.
    static var capabilities: MethodCapabilities { get }
    /// The settings a user may change, each with its documentation; names are unique within a method.
    static var options: [MethodOption<Configuration>] { get }
    /// How charts draw this method's estimates (every chart of a report draws a method alike).
    static var chartStyle: MethodChartStyle { get }
    /// The default settings.
    static var defaultConfiguration: Configuration { get }

    /// The settings of this instance.
    var configuration: Configuration { get set }

    /// A method with `configuration`.
    init(configuration: Configuration)

    /// Whether this instance, as configured, reads the measured muscles' EMG: when a request names no measured
    /// muscles, such a method takes every muscle with an EMG channel. Default: the capabilities' `needsMeasuredMuscles`.
    var readsMeasuredEMG: Bool { get }

    /// Fits the method on the problem's training trials and returns what predicts the test trials.
    func fit(_ problem: FitProblem, progress: (String) -> Void) throws -> any ExcitationPredictor
}

extension EstimationMethod {
    /// A method with its default settings.
    public init() { self.init(configuration: Self.defaultConfiguration) }

    /// The method's id, from an instance.
    public var id: String { Self.id }

    public var readsMeasuredEMG: Bool { Self.capabilities.needsMeasuredMuscles }

    /// Sets option `name` (as ``MethodOption/name`` spells it) from `value`; throws when the method has no such
    /// option or the value is outside what the option accepts.
    public mutating func set(option name: String, to value: MethodOptionValue) throws {
        guard let option = Self.options.first(where: { $0.name == name }) else {
            throw EstimationError("--method \(Self.id) has no option '\(name)' (it has \(Self.options.map(\.name).joined(separator: ", ")))")
        }
        try option.apply(&configuration, value)
    }

    /// The options in a form that knows nothing of the configuration type, with their default values.
    public static var optionDescriptions: [MethodOptionDescription] {
        options.map { MethodOptionDescription(name: $0.name, help: $0.help, kind: $0.kind, acceptsAutomatic: $0.acceptsAutomatic, defaultValue: $0.read(defaultConfiguration)) }
    }

    /// The options whose values differ from the defaults, as `name=value` (for summaries and provenance).
    public var changedOptions: [String] {
        Self.options.compactMap { option in
            let value = option.read(configuration)
            return value == option.read(Self.defaultConfiguration) ? nil : "\(option.name)=\(value.text)"
        }
    }
}
