import CEditLine
import Foundation

/// Reads statements typed at a terminal with line editing and history (BSD libedit), kept across sessions
/// in `~/.laminar_history`.
final class LineEditor {
    private let historyPath: String

    init() {
        historyPath = (NSHomeDirectory() as NSString).appendingPathComponent(".laminar_history")
        using_history()
        _ = read_history(historyPath)
    }

    /// One line, or nil at end of input (Ctrl-D).
    func readLine(prompt: String) -> String? {
        guard let pointer = readline(prompt) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    func remember(_ statement: String) {
        add_history(statement)
        _ = write_history(historyPath)
    }
}
