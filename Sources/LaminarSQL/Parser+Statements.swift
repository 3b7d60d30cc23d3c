extension Parser {
    mutating func parseStatement() throws(SQLError) -> Statement {
        guard current.kind == .word || current.kind == .leftParen else {
            throw unexpected(expected: "a statement")
        }
        if check(.leftParen) || check(.select) {
            return .query(try parseQuery())
        }
        switch current.keyword {
        case .create:
            advance()
            return try parseCreate()
        case .drop:
            advance()
            let kind = try parseObjectKind()
            var ifExists = false
            if consume(.if) {
                try expect(.exists)
                ifExists = true
            }
            let name = try parseIdentifier("a \(kind.sql.lowercased()) name")
            return .drop(DropStatement(kind, name: name, ifExists: ifExists))
        case .show:
            advance()
            let kind: ObjectKind
            switch current.keyword {
            case .sources: kind = .source
            case .sinks: kind = .sink
            case .streams: kind = .stream
            default: throw unexpected(expected: "SOURCES, SINKS or STREAMS")
            }
            advance()
            return .show(kind)
        case .describe:
            advance()
            return .describe(try parseIdentifier("a source, sink or stream name"))
        case .explain:
            advance()
            guard check(.select) || check(.leftParen) else { throw unexpected(expected: "SELECT") }
            return .explain(try parseQuery())
        case .set:
            // `SET checkpoint_interval = '1s'` (or `TO`): a session setting, in the same key/value form as WITH.
            advance()
            let key = try parseOptionKey()
            if !consume(.to) { try expect(.equal, "'=' or TO") }
            let valueLocation = current.location
            return .set(WithOption(key, try parseOptionValue(), valueLocation: valueLocation))
        case .checkpoint:
            advance()
            return .checkpoint
        case .optimize:
            advance()
            let target = try parseMaintenanceTarget()
            return .optimize(TableMaintenance(target: target, options: try parseOptionalWith()))
        case .vacuum:
            advance()
            var maintenance = TableMaintenance(target: try parseMaintenanceTarget())
            if consume(.retain) {
                guard current.kind == .integer || current.kind == .decimal, let hours = Double(current.value) else {
                    throw unexpected(expected: "a number of hours")
                }
                advance()
                try expect(.hours)
                maintenance.retainHours = hours
            }
            if consume(.dry) {
                try expect(.run)
                maintenance.dryRun = true
            }
            maintenance.options = try parseOptionalWith()
            return .vacuum(maintenance)
        default:
            throw unexpected(expected: "a statement (SELECT, CREATE, DROP, SHOW, DESCRIBE, EXPLAIN, SET, CHECKPOINT, OPTIMIZE or VACUUM)")
        }
    }

    /// A sink name or a quoted table location.
    private mutating func parseMaintenanceTarget() throws(SQLError) -> TableMaintenance.Target {
        if check(.string) {
            let location = current.value
            advance()
            return .location(location)
        }
        return .sink(try parseIdentifier("a sink name or a table location in quotes"))
    }

    private mutating func parseObjectKind() throws(SQLError) -> ObjectKind {
        let kind: ObjectKind
        switch current.keyword {
        case .source: kind = .source
        case .sink: kind = .sink
        case .stream: kind = .stream
        default: throw unexpected(expected: "SOURCE, SINK or STREAM")
        }
        advance()
        return kind
    }

    private mutating func parseIfNotExists() throws(SQLError) -> Bool {
        guard consume(.if) else { return false }
        try expect(.not)
        try expect(.exists)
        return true
    }

    private mutating func parseCreate() throws(SQLError) -> Statement {
        let kind = try parseObjectKind()
        let ifNotExists = try parseIfNotExists()
        let name = try parseIdentifier("a \(kind.sql.lowercased()) name")
        switch kind {
        case .source:
            var source = CreateSource(name: name, ifNotExists: ifNotExists, options: [])
            if check(.leftParen) {
                (source.columns, source.watermark) = try parseColumnList()
            }
            source.options = try parseOptionalWith()
            return .createSource(source)
        case .sink:
            if consume(.from) {
                let stream = try parseIdentifier("a stream name")
                let options = try parseOptionalWith()
                return .createSink(CreateSink(name: name, ifNotExists: ifNotExists, input: .stream(stream), options: options))
            }
            let options = try parseOptionalWith()
            guard consume(.as) else { throw unexpected(expected: options.isEmpty ? "WITH, AS or FROM" : "AS") }
            let query = try parseQuery()
            return .createSink(CreateSink(name: name, ifNotExists: ifNotExists, input: .query(query), options: options))
        case .stream:
            let options = try parseOptionalWith()
            guard consume(.as) else { throw unexpected(expected: options.isEmpty ? "WITH or AS" : "AS") }
            let query = try parseQuery()
            return .createStream(CreateStream(name: name, ifNotExists: ifNotExists, options: options, query: query))
        }
    }

    /// `( col type [NOT NULL], ..., [WATERMARK FOR col AS expr] )`; the watermark may sit anywhere
    /// in the list but only once.
    private mutating func parseColumnList() throws(SQLError) -> ([ColumnDefinition], Watermark?) {
        try expect(.leftParen, "'('")
        var columns: [ColumnDefinition] = []
        var watermark: Watermark?
        repeat {
            if check(.watermark), checkNext(.for) {
                let watermarkToken = current
                advance()
                advance()
                let column = try parseIdentifier("a column name")
                try expect(.as)
                let expression = try parseExpression()
                if watermark != nil {
                    throw error(.duplicate, "a source can have only one watermark", at: watermarkToken, expected: "',' or ')'")
                }
                watermark = Watermark(column: column, expression: expression)
                continue
            }
            let name = try parseIdentifier("a column definition")
            let type = try parseType()
            var nullable = true
            if consume(.not) {
                try expect(.null)
                nullable = false
            } else {
                _ = consume(.null)
            }
            columns.append(ColumnDefinition(name, type, nullable: nullable))
        } while consume(.comma)
        try expect(.rightParen, "',' or ')'")
        return (columns, watermark)
    }

    /// `WITH (key = value, ...)` if present; rejects duplicate keys so a connector never has to
    /// guess which of two settings the user meant.
    private mutating func parseOptionalWith() throws(SQLError) -> [WithOption] {
        guard consume(.with) else { return [] }
        try expect(.leftParen, "'('")
        var options: [WithOption] = []
        var seen: Set<String> = []
        repeat {
            let keyToken = current
            let key = try parseOptionKey()
            guard seen.insert(key.name).inserted else {
                throw error(.duplicate, "duplicate option '\(key.spelling)'", at: keyToken, expected: "a distinct option name")
            }
            try expect(.equal, "'='")
            let valueLocation = current.location
            let value = try parseOptionValue()
            options.append(WithOption(key, value, valueLocation: valueLocation))
        } while consume(.comma)
        try expect(.rightParen, "',' or ')'")
        return options
    }

    /// `name`, `dotted.name`, `"Quoted"` or `'quoted.string'`. Any word is accepted (even
    /// reserved ones such as `format` or `with`) because the position is unambiguous.
    private mutating func parseOptionKey() throws(SQLError) -> OptionKey {
        let start = current
        if check(.string) {
            advance()
            return OptionKey(start.value, spelling: start.value, location: start.location)
        }
        var parts: [String] = []
        var last = start
        repeat {
            guard current.kind == .word || current.kind == .quotedIdentifier else {
                throw unexpected(expected: parts.isEmpty ? "an option name" : "an option name part")
            }
            parts.append(current.value)
            last = current
            advance()
        } while consume(.dot)
        let spelling = source.text(from: start.location.offset, to: last.location.offset + last.byteLength)
        return OptionKey(parts.joined(separator: "."), spelling: spelling, location: start.location)
    }

    private mutating func parseOptionValue() throws(SQLError) -> OptionValue {
        let token = current
        switch token.kind {
        case .string:
            advance()
            return .string(token.value)
        case .integer, .decimal:
            advance()
            return .number(token.value)
        case .minus, .plus:
            let number = peek()
            guard number.kind == .integer || number.kind == .decimal else {
                advance()
                throw unexpected(expected: "a number")
            }
            advance()
            advance()
            return .number(token.kind == .minus ? "-" + number.value : number.value)
        case .word:
            advance()
            switch token.keyword {
            case .true: return .boolean(true)
            case .false: return .boolean(false)
            default: return .identifier(rawText(token))
            }
        case .quotedIdentifier:
            advance()
            return .identifier(token.value)
        default:
            throw unexpected(expected: "an option value (string, number, boolean or name)")
        }
    }
}
