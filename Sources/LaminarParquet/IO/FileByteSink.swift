#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes to a local file through POSIX calls, creating or truncating it; `close` fsyncs before closing so a
/// finished file survives a crash.
public final class FileByteSink: ByteSink {
    public let path: String
    private var descriptor: Int32

    public init(path: String) throws(ParquetError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ParquetError(.io("cannot create \(path): \(errnoDescription())")) }
    }

    deinit { if descriptor >= 0 { Glibc.close(descriptor) } }

    public func write(_ bytes: [UInt8]) async throws {
        guard descriptor >= 0 else { throw ParquetError(.io("\(path) is closed")) }
        // Typed-throwing closures passed to `rethrows` APIs crash this compiler, so the loop reports errno instead.
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw ParquetError(.io("writing \(path): \(String(cString: strerror(failure)))")) }
    }

    public func close() async throws {
        guard descriptor >= 0 else { return }
        defer { descriptor = -1 }
        guard fsync(descriptor) == 0 else {
            let message = errnoDescription()
            Glibc.close(descriptor)
            throw ParquetError(.io("syncing \(path): \(message)"))
        }
        guard Glibc.close(descriptor) == 0 else { throw ParquetError(.io("closing \(path): \(errnoDescription())")) }
    }
}

func errnoDescription() -> String { String(cString: strerror(errno)) }
