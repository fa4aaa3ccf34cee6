/// Anything a notebook name can hold.
///
/// Literals (numbers, text, yes/no, lists) come from the notebook itself; records, tables and series come
/// from commands; everything the science modules produce (a loaded subject, a fitted model, predictions)
/// is an ``NotebookObject``, so a new kind of result needs a new type, not a change here.
public enum Value: Sendable {
    /// A number.
    case number(Double)
    /// Text.
    case string(String)
    /// Yes or no.
    case bool(Bool)
    /// An ordered list.
    case list([Value])
    /// Named fields, reached with a dot: `result.rmse`.
    case record(Record)
    /// A table of rows and named columns.
    case table(DataTable)
    /// Time series sharing one time base.
    case series(SeriesSet)
    /// A result of a science command: a subject, a fitted model, predictions …
    case object(any NotebookObject)
    /// A number that is not defined, e.g. Pearson's r of a constant signal; shown as "—".
    case undefined

    /// The kind's name as students read it in messages and `nmm help`: "number", "text", "series" …
    public var kind: String {
        switch self {
        case .number: return "number"
        case .string: return "text"
        case .bool: return "yes/no"
        case .list: return "list"
        case .record: return "record"
        case .table: return "table"
        case .series: return "series"
        case .object(let object): return type(of: object).kind
        case .undefined: return "undefined number"
        }
    }

    /// The value's field `name` (`data.test`), or `nil` if it has none.
    public func member(_ name: String) -> Value? {
        switch self {
        case .record(let record): return record[name]
        case .series(let series): return series.channel(named: name).map { .series($0) }
        case .object(let object): return object.member(name)
        case .table(let table): return table.column(named: name).map { .list($0.map(\.value)) }
        default: return nil
        }
    }

    /// The names `member(_:)` answers to, for "did you mean" messages.
    public var memberNames: [String] {
        switch self {
        case .record(let record): return record.names
        case .series(let series): return series.channels.map(\.name)
        case .object(let object): return object.memberNames
        case .table(let table): return table.columns
        default: return []
        }
    }

    /// How the value reads inside a string (`"{name}"`) and in `print`.
    public var text: String {
        switch self {
        case .number(let value): return NumberText.readable(value)
        case .string(let value): return value
        case .bool(let value): return value ? "yes" : "no"
        case .list(let values): return "[" + values.map(\.text).joined(separator: ", ") + "]"
        case .record(let record): return "{" + record.names.map { "\($0): \(record[$0]?.text ?? "")" }.joined(separator: ", ") + "}"
        case .table(let table): return table.summary
        case .series(let series): return series.summary
        case .object(let object): return object.summary
        case .undefined: return "—"
        }
    }

    /// A stable text of the value's content for cache keys; `nil` for values only a fingerprint can identify.
    var canonicalText: String? {
        switch self {
        case .number(let value): return "n:\(value)"
        case .string(let value): return "s:\(value.count):\(value)"
        case .bool(let value): return "b:\(value)"
        case .undefined: return "u"
        case .list(let values):
            let parts = values.map(\.canonicalText)
            guard !parts.contains(where: { $0 == nil }) else { return nil }
            return "l[" + parts.compactMap { $0 }.joined(separator: ",") + "]"
        default: return nil
        }
    }
}

/// A result of a science command, held by a notebook name.
///
/// Conform a module's result type (or a small wrapper around it) to make it a notebook value:
///
///     struct FittedModelValue: NotebookObject {
///         static let kind = "fitted model"
///         var model: FittedNMM
///         var summary: String { "NMM fitted on 6 trials, validation loss 0.012" }
///         func member(_ name: String) -> Value? { name == "loss" ? .series(lossHistory) : nil }
///         var memberNames: [String] { ["loss"] }
///     }
public protocol NotebookObject: Sendable {
    /// The kind's name in messages and help ("subject", "fitted model", "prediction").
    static var kind: String { get }
    /// One line describing this value, shown by `print` and after a binding.
    var summary: String { get }
    /// The field `name` (`data.test`), if there is one.
    func member(_ name: String) -> Value?
    /// The fields `member(_:)` answers to.
    var memberNames: [String] { get }
}

extension NotebookObject {
    /// By default an object has no fields.
    public func member(_ name: String) -> Value? { nil }
    /// By default an object has no fields.
    public var memberNames: [String] { [] }
}

/// Named values in a fixed order.
public struct Record: Sendable {
    /// The field names in order.
    public private(set) var names: [String] = []
    private var values: [String: Value] = [:]

    /// Creates a record from ordered fields; a repeated name keeps its last value at its first position.
    public init(_ fields: [(String, Value)] = []) {
        for (name, value) in fields { self[name] = value }
    }

    /// The value of field `name`.
    public subscript(name: String) -> Value? {
        get { values[name] }
        set {
            if values[name] == nil, newValue != nil { names.append(name) }
            if newValue == nil { names.removeAll { $0 == name } }
            values[name] = newValue
        }
    }
}
