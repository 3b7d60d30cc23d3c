/// Binding strength, loosest first. One table drives both parsing (precedence climbing) and
/// printing (parenthesize a child that binds more loosely than its slot requires), which is what
/// makes `parse(print(ast)) == ast` hold by construction.
enum Precedence: Int, Comparable, Sendable {
    case lowest = 0
    case or
    case and
    case not
    /// `=`, `<`, `IS NULL`, `IN`, `BETWEEN`, `LIKE`: all at one level, left-associative.
    case comparison
    case concat
    case additive
    case multiplicative
    /// Prefix `-` and `+`.
    case unary
    /// Postfix `::type`.
    case cast
    case primary

    var next: Precedence { Precedence(rawValue: rawValue + 1) ?? .primary }

    static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }
}
