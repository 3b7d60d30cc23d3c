extension Statement {
    /// Canonical single-line SQL (no trailing `;`). `Parser.parseStatement(s.sql) == s` holds for
    /// every tree the parser can produce.
    public var sql: String {
        switch self {
        case .createSource(let source):
            var text = "CREATE SOURCE " + ifNotExists(source.ifNotExists) + source.name.sql
            var elements = source.columns.map { column in
                column.name.sql + " " + column.type.sql + (column.isNullable ? "" : " NOT NULL")
            }
            if let watermark = source.watermark {
                elements.append("WATERMARK FOR " + watermark.column.sql + " AS " + watermark.expression.sql)
            }
            if !elements.isEmpty { text += " (" + elements.joined(separator: ", ") + ")" }
            return text + with(source.options)
        case .createSink(let sink):
            let head = "CREATE SINK " + ifNotExists(sink.ifNotExists) + sink.name.sql
            switch sink.input {
            case .query(let query): return head + with(sink.options) + " AS " + query.sql
            case .stream(let stream): return head + " FROM " + stream.sql + with(sink.options)
            }
        case .createStream(let stream):
            return "CREATE STREAM " + ifNotExists(stream.ifNotExists) + stream.name.sql + with(stream.options)
                + " AS " + stream.query.sql
        case .drop(let drop):
            return "DROP " + drop.kind.sql + (drop.ifExists ? " IF EXISTS " : " ") + drop.name.sql
        case .show(let kind):
            return "SHOW " + kind.pluralSQL
        case .describe(let name):
            return "DESCRIBE " + name.sql
        case .explain(let query):
            return "EXPLAIN " + query.sql
        case .query(let query):
            return query.sql
        case .set(let option):
            return "SET " + option.sql
        case .checkpoint:
            return "CHECKPOINT"
        case .optimize(let maintenance):
            return "OPTIMIZE " + target(maintenance.target) + with(maintenance.options)
        case .vacuum(let maintenance):
            var text = "VACUUM " + target(maintenance.target)
            if let hours = maintenance.retainHours { text += " RETAIN " + (hours == hours.rounded() && abs(hours) < 1e15 ? String(Int64(hours)) : String(hours)) + " HOURS" }
            if maintenance.dryRun { text += " DRY RUN" }
            return text + with(maintenance.options)
        }
    }

    private func target(_ target: TableMaintenance.Target) -> String {
        switch target {
        case .sink(let name): name.sql
        case .location(let location): SQLPrinter.quoteString(location)
        }
    }

    private func ifNotExists(_ flag: Bool) -> String {
        flag ? "IF NOT EXISTS " : ""
    }

    private func with(_ options: [WithOption]) -> String {
        options.isEmpty ? "" : " WITH (" + SQLPrinter.list(options) { $0.sql } + ")"
    }
}

extension Array where Element == Statement {
    /// A script: one statement per line, each terminated by `;`.
    public var sql: String {
        map { $0.sql + ";" }.joined(separator: "\n")
    }
}
