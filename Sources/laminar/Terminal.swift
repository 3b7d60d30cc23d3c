import Glibc

/// What the process is attached to, so interactive features (line editing, a live status line) appear only
/// on a terminal and scripts get plain output.
enum Terminal {
    static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Writes to standard error without a newline, for the status line's carriage-return updates.
    static func printErrorRaw(_ text: String) {
        try? StandardOutput.write(Array(text.utf8), to: STDERR_FILENO)
    }
}
