import Glibc

/// Standard output written in large chunks: rows accumulate in `bytes` and go out with one `write` per
/// megabyte, instead of a locked, flushed `print` per value.
struct StandardOutput {
    var bytes: [UInt8] = []
    let chunkSize: Int

    init(chunkSize: Int = 1 << 20) {
        self.chunkSize = chunkSize
        bytes.reserveCapacity(chunkSize + chunkSize / 4)
    }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Writes the buffer out once it holds a chunk.
    mutating func flushIfFull() throws(CommandFailure) {
        if bytes.count >= chunkSize { try flush() }
    }

    mutating func flush() throws(CommandFailure) {
        try Self.write(bytes, to: STDOUT_FILENO)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes all of `bytes` to a descriptor, retrying short and interrupted writes.
    static func write(_ bytes: [UInt8], to descriptor: Int32) throws(CommandFailure) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += written
            }
        }
        guard failure == 0 else {
            // A reader that went away (`laminar parquet cat f | head`) is not an error worth a message.
            if failure == EPIPE { throw .closedOutput }
            throw .message("cannot write output: \(String(cString: strerror(failure)))")
        }
    }

    /// One line on standard error.
    static func printError(_ message: String) {
        try? write(Array((message + "\n").utf8), to: STDERR_FILENO)
    }
}
