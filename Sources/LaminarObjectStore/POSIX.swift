#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The system calls the local store is built from, with `EINTR` retried and `errno` turned into
/// `ObjectStoreError`, so each call site says only what it was doing.
enum POSIX {
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws(ObjectStoreError) -> Int32 {
        while true {
            let descriptor = Glibc.open(path, flags | O_CLOEXEC, mode)
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw ObjectStoreError(errno: errno, path: path, doing: "opening") }
        }
    }

    /// `open` that reports a missing file, or a path through a file, as `nil` rather than an error.
    static func openExisting(_ path: String, _ flags: Int32) throws(ObjectStoreError) -> Int32? {
        while true {
            let descriptor = Glibc.open(path, flags | O_CLOEXEC)
            if descriptor >= 0 { return descriptor }
            switch errno {
            case EINTR: continue
            case ENOENT, ENOTDIR: return nil
            default: throw ObjectStoreError(errno: errno, path: path, doing: "opening")
            }
        }
    }

    static func close(_ descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }

    static func status(of descriptor: Int32, path: String) throws(ObjectStoreError) -> stat {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ObjectStoreError(errno: errno, path: path, doing: "stat") }
        return status
    }

    /// `stat` following symbolic links; `nil` when nothing is there, including a path through a file.
    static func status(atPath path: String) throws(ObjectStoreError) -> stat? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw ObjectStoreError(errno: errno, path: path, doing: "stat")
        }
        return status
    }

    static func isRegularFile(_ status: stat) -> Bool { status.st_mode & S_IFMT == S_IFREG }
    static func isDirectory(_ status: stat) -> Bool { status.st_mode & S_IFMT == S_IFDIR }

    static func write(_ descriptor: Int32, _ bytes: [UInt8], at offset: Int64, path: String) throws(ObjectStoreError) {
        // Typed-throwing closures passed to `rethrows` APIs crash this compiler, so the loop reports errno instead.
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = pwrite(descriptor, buffer.baseAddress.map { $0 + done }, buffer.count - done,
                                     off_t(offset) + off_t(done))
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += written
            }
            return nil
        }
        if let failure { throw ObjectStoreError(errno: failure, path: path, doing: "writing") }
    }

    /// Exactly the bytes of `range`; a file shorter than that is an I/O error, since the store never
    /// truncates a published file.
    static func read(_ descriptor: Int32, _ range: Range<Int64>, path: String) throws(ObjectStoreError) -> [UInt8] {
        let count = Int(range.count)
        var failure: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress.map { $0 + done }, count - done,
                                off_t(range.lowerBound) + off_t(done))
                if got < 0, errno == EINTR { continue }
                guard got > 0 else {
                    failure = got < 0 ? errno : 0
                    break
                }
                done += got
            }
            initialized = done
        }
        if let failure {
            guard failure != 0 else {
                throw ObjectStoreError(.io, path: path, detail: "reading \(range): unexpected end of file")
            }
            throw ObjectStoreError(errno: failure, path: path, doing: "reading \(range)")
        }
        return bytes
    }

    static func sync(_ descriptor: Int32, path: String) throws(ObjectStoreError) {
        guard fsync(descriptor) == 0 else { throw ObjectStoreError(errno: errno, path: path, doing: "fsync") }
    }

    /// Makes a rename, link or new entry in `directory` durable: the entry lives in the directory's own data.
    static func syncDirectory(_ directory: String) throws(ObjectStoreError) {
        let descriptor = try open(directory, O_RDONLY | O_DIRECTORY)
        defer { close(descriptor) }
        try sync(descriptor, path: directory)
    }

    static func rename(_ source: String, to destination: String) throws(ObjectStoreError) {
        guard Glibc.rename(source, destination) == 0 else {
            throw ObjectStoreError(errno: errno, path: destination, doing: "renaming \(source) into place")
        }
    }

    /// Removes a file, reporting whether it was there; a directory is not a file, so it counts as absent.
    @discardableResult
    static func unlink(_ path: String) throws(ObjectStoreError) -> Bool {
        guard Glibc.unlink(path) == 0 else {
            if errno == ENOENT || errno == ENOTDIR || errno == EISDIR { return false }
            throw ObjectStoreError(errno: errno, path: path, doing: "unlink")
        }
        return true
    }

    /// Creates `directory` and its missing ancestors, syncing the parent of each one created so the new
    /// entries survive a crash together with the files later renamed into them.
    static func makeDirectories(_ directory: String) throws(ObjectStoreError) {
        var current = ""
        for segment in directory.split(separator: "/") {
            let parent = current.isEmpty ? "/" : current
            current += "/" + segment
            if mkdir(current, 0o755) == 0 {
                try syncDirectory(parent)
            } else if errno != EEXIST {
                throw ObjectStoreError(errno: errno, path: current, doing: "creating directory")
            }
        }
    }

    /// The parent directory of an absolute path.
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
