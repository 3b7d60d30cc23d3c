/// The script as UTF-8 bytes, shared by the lexer and the error renderer so both agree on what a
/// "line" is (`\n`, `\r\n` or a lone `\r`).
struct SourceText: Sendable {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The text of the line holding `location`, without its terminator; `nil` if out of range.
    func line(containing location: SourceLocation) -> String? {
        guard location.offset >= 0, location.offset <= bytes.count else { return nil }
        var start = location.offset
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n"), bytes[start - 1] != UInt8(ascii: "\r") {
            start -= 1
        }
        var end = location.offset
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") {
            end += 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Text between two byte offsets, used to quote the offending token in messages.
    func text(from start: Int, to end: Int) -> String {
        let lower = max(0, min(start, bytes.count))
        let upper = max(lower, min(end, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
