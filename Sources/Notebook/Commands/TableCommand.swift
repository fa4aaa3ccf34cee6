/// `table`: a table written out in the notebook.
struct TableCommand: NotebookCommand {
    static let name = "table"
    static let summary = "Make a table from values written in the notebook."
    static let discussion = """
        Builds a table from a list of column names and a list of rows, each row a list with one value per \
        column. Numbers stay numbers (they are listed as numbers in the JSON report); words and text are text. \
        The table is shown in the report and, when named, can be shown again or saved.
        """
    static let parameters: [ParameterSpec] = [
        .option("columns", .list(.word), required: true, help: "The column headings."),
        .option("rows", .list(.list(.scalar)), required: true, help: "The rows, each a [list] with one value per column."),
        .option("title", .text, default: "none", help: "A caption, also the table's key in the JSON report."),
    ]
    static let examples = [
        #"generic = table columns: [muscle, "max isometric force (N)"] rows: [[BIClong, 624.3], [BRA, 987.3]] title: "arm26""#,
    ]

    func run(_ invocation: Invocation, context: CommandContext) throws -> CommandResult {
        let columns = invocation.words("columns") ?? []
        var rows: [[DataTable.Cell]] = []
        for (index, row) in (invocation.list("rows") ?? []).enumerated() {
            guard case .list(let cells) = row, cells.count == columns.count else {
                let count = if case .list(let cells) = row { cells.count } else { 1 }
                throw invocation.error("row \(index + 1) has \(count) value\(count == 1 ? "" : "s") but the table has \(columns.count) columns", at: "rows")
            }
            rows.append(cells.map { cell in
                if case .number(let number) = cell { return .number(number) }
                return .text(cell.text)
            })
        }
        let table = DataTable(title: invocation.text("title") ?? "", columns: columns, rows: rows)
        return CommandResult(value: .table(table), outputs: [.table(table)])
    }
}
