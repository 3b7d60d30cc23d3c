/// Collects input lines until they hold complete statements: a `;` outside quotes and comments ends one.
///
/// The shell uses it to know when to run what was typed; the parser does the real work afterwards.
struct StatementSplitter {
    private(set) var pending = ""
    private var inSingle = false
    private var inDouble = false
    private var inBlockComment = false

    var isEmpty: Bool { pending.allSatisfy(\.isWhitespace) }

    /// Adds a line and returns the complete statements it finished, in order.
    mutating func add(_ line: String) -> [String] {
        var complete: [String] = []
        var current = pending
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            current.unicodeScalars.append(scalar)
            if inBlockComment {
                if scalar == "*" && next == "/" {
                    current.unicodeScalars.append("/")
                    index += 1
                    inBlockComment = false
                }
            } else if inSingle {
                if scalar == "'" { inSingle = false }
            } else if inDouble {
                if scalar == "\"" { inDouble = false }
            } else if scalar == "-" && next == "-" {
                current.unicodeScalars.removeLast()
                break
            } else if scalar == "/" && next == "*" {
                inBlockComment = true
            } else if scalar == "'" {
                inSingle = true
            } else if scalar == "\"" {
                inDouble = true
            } else if scalar == ";" {
                if !current.dropLast().allSatisfy(\.isWhitespace) { complete.append(current) }
                current = ""
            }
            index += 1
        }
        current += "\n"
        pending = current.allSatisfy(\.isWhitespace) ? "" : current
        return complete
    }
}
