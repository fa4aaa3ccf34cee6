/// A table of named columns, what `table` commands show and what the report's JSON lists.
public struct DataTable: Sendable, Codable, Equatable {
    /// One cell: a number, text or nothing.
    public enum Cell: Sendable, Codable, Equatable {
        case number(Double)
        case text(String)
        case empty

        /// Encodes as a JSON number, string or null.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            case .empty: try container.encodeNil()
            }
        }

        /// Decodes a JSON number, string or null.
        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .empty
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        /// The cell as a notebook value (`empty` reads as empty text).
        public var value: Value {
            switch self {
            case .number(let value): return .number(value)
            case .text(let value): return .string(value)
            case .empty: return .string("")
            }
        }

        /// The cell as the report shows it.
        public var display: String {
            switch self {
            case .number(let value): return NumberText.readable(value)
            case .text(let value): return value
            case .empty: return "—"
            }
        }

        /// A number, or an empty cell ("—") where it is undefined.
        public static func number(_ value: Double?) -> Cell { value.map { .number($0) } ?? .empty }
    }

    /// A short title, used as the table's caption and its key in the JSON report.
    public var title: String
    /// The column headings.
    public var columns: [String]
    /// The rows, each with one cell per column.
    public var rows: [[Cell]]

    /// Creates a table; every row must have one cell per column.
    public init(title: String = "", columns: [String], rows: [[Cell]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row needs one cell per column")
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    /// The cells of column `name`, or `nil` if there is no such column.
    public func column(named name: String) -> [Cell]? {
        columns.firstIndex(of: name).map { index in rows.map { $0[index] } }
    }

    /// "table 3 × 2 (muscle, force)".
    public var summary: String {
        "table of \(rows.count) row\(rows.count == 1 ? "" : "s") × \(columns.count) column\(columns.count == 1 ? "" : "s") (\(columns.joined(separator: ", ")))"
    }
}
