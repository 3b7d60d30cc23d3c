/// One `key = value` pair of a `WITH (...)` clause.
///
/// The typed accessors live here rather than on ``OptionValue`` because a useful error must name
/// the key ("option 'target_file_size': expected a size ...") and point at the value.
public struct WithOption: Sendable, Hashable {
    public var key: OptionKey
    public var value: OptionValue
    /// Where the value starts, for errors about the value itself.
    public var valueLocation: SourceLocation

    public init(_ key: OptionKey, _ value: OptionValue, valueLocation: SourceLocation = .unknown) {
        self.key = key
        self.value = value
        self.valueLocation = valueLocation
    }

    public static func == (lhs: WithOption, rhs: WithOption) -> Bool {
        lhs.key == rhs.key && lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(value)
    }

    public var sql: String { "\(key.sql) = \(SQLPrinter.optionValue(value))" }

    // MARK: Typed accessors

    /// Text from a string or bare word; numbers and booleans are refused so that a typo such as
    /// `path = 1` is caught rather than silently stringified.
    public func string() throws(SQLError) -> String {
        switch value {
        case .string(let text), .identifier(let text): return text
        default: throw invalid(expected: "a string")
        }
    }

    /// `TRUE`/`FALSE`, or the strings/words `true`, `false`, `on`, `off` (case-insensitive).
    public func bool() throws(SQLError) -> Bool {
        switch value {
        case .boolean(let flag): return flag
        case .string(let text), .identifier(let text):
            switch text.trimmingSpaces().lowercased() {
            case "true", "on": return true
            case "false", "off": return false
            default: break
            }
        case .number: break
        }
        throw invalid(expected: "a boolean (TRUE or FALSE)")
    }

    /// A whole number, written bare (`1000`) or quoted (`'1000'`).
    public func int() throws(SQLError) -> Int64 {
        switch value {
        case .number(let text), .string(let text):
            if let number = Int64(text.trimmingSpaces()) { return number }
        default: break
        }
        throw invalid(expected: "an integer")
    }

    /// Any finite number, written bare or quoted.
    public func double() throws(SQLError) -> Double {
        switch value {
        case .number(let text), .string(let text):
            if let number = Double(text.trimmingSpaces()), number.isFinite { return number }
        default: break
        }
        throw invalid(expected: "a number")
    }

    /// A byte count: a bare integer, or text like `'128MB'`, `'1 GiB'`, `'512kb'`, `'1.5 GB'`.
    /// `KB`/`MB`/`GB`/`TB`/`PB` are powers of 1000 and `KiB`/`MiB`/`GiB`/`TiB`/`PiB` powers of 1024,
    /// as in the SI/IEC standards, so `'1GB'` is not silently 7% larger than the user meant.
    public func size() throws(SQLError) -> Int64 {
        let expected = "a size such as '128MB' or '1 GiB'"
        switch value {
        case .number(let text):
            if let bytes = Int64(text), bytes >= 0 { return bytes }
        case .string(let text):
            if let bytes = SizeParser.parse(text) { return bytes }
        default: break
        }
        throw invalid(expected: expected)
    }

    /// A length of time: `'10 seconds'`, `'5 min'`, `'100ms'`, `'1h'`, `'1h 30m'`, `'1.5s'`.
    /// Bare numbers are refused: `timeout = 30` could mean seconds or milliseconds.
    public func duration() throws(SQLError) -> Duration {
        if case .string(let text) = value, let duration = DurationParser.parse(text) {
            return duration
        }
        throw invalid(expected: "a duration such as '10 seconds', '5 min' or '100ms'")
    }

    private func invalid(expected: String) -> SQLError {
        SQLError(
            kind: .invalidOption,
            message: "option '\(key.spelling)': expected \(expected), found \(value.quoted)",
            expected: expected, found: value.quoted, location: valueLocation,
            length: max(1, value.quoted.unicodeScalars.count))
    }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}
