/// The right side of `key = value` in a `WITH (...)` clause, kept as written: connectors know what
/// type they need, so conversion happens through the typed accessors on ``WithOption``.
public enum OptionValue: Sendable, Hashable {
    /// `'text'`
    case string(String)
    /// `1000`, `-5`, `0.25`, as written (sign included), so no precision is lost.
    case number(String)
    /// `TRUE` / `FALSE`
    case boolean(Bool)
    /// A bare word such as `kafka` or `json`, case preserved.
    case identifier(String)

    /// The value as plain text, whatever its form (`1000`, `true`, `kafka`, the string contents).
    public var text: String {
        switch self {
        case .string(let text), .number(let text), .identifier(let text): return text
        case .boolean(let value): return value ? "true" : "false"
        }
    }

    /// How the value reads in an error message.
    var quoted: String {
        switch self {
        case .string(let text): return SQLPrinter.quoteString(text)
        default: return text
        }
    }
}
