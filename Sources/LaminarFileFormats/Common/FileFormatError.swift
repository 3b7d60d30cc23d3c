/// Why a CSV or JSON Lines input could not be decoded, and where.
///
/// Users fix bad input in an editor, so the message leads with `source:line`, the way compilers do, then names
/// the column and says what was expected next to what was found:
/// `trades.csv:17: column "price": expected double, found "abc"`.
public struct FileFormatError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// The caller's options or schema cannot be used (a bad delimiter or batch size, an unsupported type).
        case invalidArgument(String)
        /// The input has no header row.
        case missingHeader
        /// A schema column that no header column names.
        case missingColumn
        /// A quoted CSV field that is still open at the end of the input.
        case unterminatedQuote
        /// A closing quote followed by something other than a delimiter or a line break.
        case unexpectedAfterQuote(found: String)
        /// A CSV record with another number of fields than the header.
        case fieldCount(expected: Int, found: Int)
        /// Bytes that are not well-formed UTF-8.
        case invalidUTF8
        /// A value that does not convert to the column's type.
        case conversion(expected: String, found: String)
        /// A null (or missing value) in a column the schema declares non-nullable.
        case unexpectedNull(expected: String)
        /// JSON that does not follow the grammar; `offset` is the 1-based byte position within the line.
        case invalidJSON(String, offset: Int)
        /// A JSON line whose top-level value is not an object.
        case notAnObject(found: String)
        /// Arrays or objects nested deeper than the reader allows; the limit keeps hostile input off the stack.
        case tooDeep(limit: Int)
        /// More string bytes in one batch than Arrow's 32-bit offsets address.
        case tooLarge(String)
    }

    public var kind: Kind
    /// The name the caller gave the input, usually its file name.
    public var source: String
    /// 1-based line where the offending record starts.
    public var line: Int?
    /// Column name, or dotted path of a nested JSON field.
    public var column: String?

    public init(_ kind: Kind, source: String, line: Int? = nil, column: String? = nil) {
        self.kind = kind
        self.source = source
        self.line = line
        self.column = column
    }

    public var description: String {
        var text = source
        if let line { text += ":\(line)" }
        text += ": "
        if let column { text += "column \"\(column)\": " }
        return text + kindDescription
    }

    private var kindDescription: String {
        switch kind {
        case .invalidArgument(let detail): "invalid argument: \(detail)"
        case .missingHeader: "expected a header row, found no data"
        case .missingColumn: "not found in the header"
        case .unterminatedQuote: "quoted field is not closed before the end of the input"
        case .unexpectedAfterQuote(let found): "expected a delimiter or line break after the closing quote, found \(found)"
        case .fieldCount(let expected, let found): "expected \(expected) fields, found \(found)"
        case .invalidUTF8: "invalid UTF-8"
        case .conversion(let expected, let found): "expected \(expected), found \(found)"
        case .unexpectedNull(let expected): "expected non-null \(expected), found null"
        case .invalidJSON(let detail, let offset): "invalid JSON at byte \(offset): \(detail)"
        case .notAnObject(let found): "expected a JSON object, found \(found)"
        case .tooDeep(let limit): "nesting deeper than \(limit) levels"
        case .tooLarge(let detail): "too large: \(detail)"
        }
    }
}
