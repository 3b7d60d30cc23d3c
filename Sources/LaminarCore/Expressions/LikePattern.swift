/// A compiled `LIKE` pattern matched against UTF-8 bytes.
///
/// `%` matches any run of characters and `_` exactly one character (one Unicode scalar, however many bytes
/// it takes). Matching is the linear greedy algorithm with a single backtrack point at the last `%`,
/// so hostile patterns such as `%a%a%a%b` cannot make it exponential.
struct LikePattern: Sendable {
    enum Token: Sendable, Equatable {
        case byte(UInt8)
        case anyCharacter
        case anyRun
    }

    let tokens: [Token]

    /// `escape` makes the next `%`, `_` or itself literal.
    init(_ pattern: String, escape: Unicode.Scalar?) {
        var tokens: [Token] = []
        var escaping = false
        for scalar in pattern.unicodeScalars {
            if escaping {
                escaping = false
                tokens.append(contentsOf: String(scalar).utf8.map(Token.byte))
            } else if let escape, scalar == escape {
                escaping = true
            } else if scalar == "%" {
                if tokens.last != .anyRun { tokens.append(.anyRun) }
            } else if scalar == "_" {
                tokens.append(.anyCharacter)
            } else {
                tokens.append(contentsOf: String(scalar).utf8.map(Token.byte))
            }
        }
        self.tokens = tokens
    }

    func matches(_ text: UnsafeRawBufferPointer) -> Bool {
        var t = 0
        var p = 0
        var starToken = -1
        var starText = 0
        let count = text.count
        while t < count {
            if p < tokens.count {
                switch tokens[p] {
                case .byte(let byte) where byte == text[t]:
                    t += 1
                    p += 1
                    continue
                case .anyCharacter:
                    t = Self.nextScalar(text, from: t)
                    p += 1
                    continue
                case .anyRun:
                    starToken = p
                    starText = t
                    p += 1
                    continue
                default:
                    break
                }
            }
            guard starToken >= 0 else { return false }
            p = starToken + 1
            starText = Self.nextScalar(text, from: starText)
            t = starText
        }
        while p < tokens.count, tokens[p] == .anyRun { p += 1 }
        return p == tokens.count
    }

    /// The index after the UTF-8 sequence starting at `index`.
    private static func nextScalar(_ text: UnsafeRawBufferPointer, from index: Int) -> Int {
        var next = index + 1
        while next < text.count, text[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }
}
