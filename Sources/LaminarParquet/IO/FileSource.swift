#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A local file read with `pread`, so concurrent range reads need no shared file position.
public final class FileSource: RandomAccessSource {
    public let path: String
    private let descriptor: Int32

    public init(path: String) throws(ParquetError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ParquetError(.io("cannot open \(path): \(errnoDescription())")) }
    }

    deinit { close(descriptor) }

    public func size() async throws -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw ParquetError(.io("cannot stat \(path): \(errnoDescription())"))
        }
        return Int(status.st_size)
    }

    public func read(_ range: Range<Int>) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        try await read(range, into: &bytes)
        return bytes
    }

    public func read(_ range: Range<Int>, into buffer: inout [UInt8]) async throws {
        if buffer.count < range.count {
            buffer = [UInt8](unsafeUninitializedCapacity: range.count) { _, initialized in initialized = range.count }
        }
        let failure: Int32? = buffer.withUnsafeMutableBytes { bytes in
            var done = 0
            while done < range.count {
                let got = pread(descriptor, bytes.baseAddress.map { $0 + done }, range.count - done,
                                off_t(range.lowerBound + done))
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { return got < 0 ? errno : 0 }
                done += got
            }
            return nil
        }
        if let failure {
            let reason = failure == 0 ? "unexpected end of file" : String(cString: strerror(failure))
            throw ParquetError(.io("reading \(range) of \(path): \(reason)"))
        }
    }
}
