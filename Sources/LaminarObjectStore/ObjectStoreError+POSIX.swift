#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension ObjectStoreError {
    /// Maps the `errno` of a failed local file call, so the local store reports missing files and denied
    /// access the way the cloud backends report 404 and 403, and everything else as I/O with the system's text.
    init(errno code: Int32, path: String, doing operation: String) {
        let detail = "\(operation): \(String(cString: strerror(code)))"
        switch code {
        case ENOENT: self.init(.notFound, path: path, detail: detail)
        case EACCES, EPERM: self.init(.permissionDenied, path: path, detail: detail)
        default: self.init(.io, path: path, detail: detail)
        }
    }
}
