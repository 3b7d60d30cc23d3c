#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// Objects as plain files under a root directory, so other tools read a local table as they would any
/// directory. Every write goes to a temporary file beside its destination and is fsynced before it becomes
/// visible by `rename` (replacing) or `link` (create-only), so a crash leaves the old object or the new
/// one, never a torn file, and `putIfAbsent` is decided by the kernel rather than by a check-then-write race.
public struct LocalObjectStore: ObjectStore {
    /// The absolute directory objects live under.
    public let root: String
    /// How many entries one `list` page holds.
    public let pageSize: Int

    /// Opens the store at `root`, resolved against the current directory when relative, creating it when
    /// missing.
    public init(root: String, pageSize: Int = 1000) throws {
        guard pageSize > 0 else { throw ObjectStoreError.invalidPageSize(pageSize) }
        let canonical = StoreLocation.absolutePath(root, currentDirectory: nil)
        try POSIX.makeDirectories(canonical)
        guard let status = try POSIX.status(atPath: canonical), POSIX.isDirectory(status) else {
            throw ObjectStoreError(.invalidConfiguration, path: canonical, detail: "the store root is not a directory")
        }
        self.root = canonical
        self.pageSize = pageSize
    }

    /// Opens the store a `file://` location names.
    public init(location: StoreLocation, pageSize: Int = 1000) throws {
        guard let directory = location.localDirectory else {
            throw ObjectStoreError(.invalidConfiguration, path: location.description,
                                   detail: "not a local location")
        }
        try self.init(root: directory, pageSize: pageSize)
    }

    /// The file of an object. Keys that name a temporary file are refused: listings hide such names, so an
    /// object stored under one would be unlistable.
    func filePath(for path: ObjectPath) throws(ObjectStoreError) -> String {
        guard !path.isRoot else { throw ObjectStoreError.rootIsNotAnObject }
        guard !path.segments.contains(where: TemporaryFile.isTemporaryName) else {
            throw ObjectStoreError(.invalidPath, path: path.rawValue,
                                   detail: "a segment has the form of a temporary file (`.name\(TemporaryFile.marker)…`)")
        }
        return root + "/" + path.rawValue
    }

    func directoryPath(for prefix: ObjectPath) -> String {
        prefix.isRoot ? root : root + "/" + prefix.rawValue
    }

    static func meta(_ path: ObjectPath, _ status: stat) -> ObjectMeta {
        let modified = Date(timeIntervalSince1970: Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9)
        let nanoseconds = Int64(status.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(status.st_mtim.tv_nsec)
        // Every write publishes a new inode, so inode, mtime and size together change whenever the bytes can have.
        let eTag = [UInt64(status.st_ino), UInt64(bitPattern: nanoseconds), UInt64(status.st_size)]
            .map { String($0, radix: 16) }.joined(separator: "-")
        return ObjectMeta(path: path, size: Int64(status.st_size), lastModified: modified, eTag: eTag)
    }

    /// Opens an object for reading; a missing file, a path through a file, or a directory is no object.
    private func openObject(_ path: ObjectPath) throws -> (descriptor: Int32, status: stat) {
        let file = try filePath(for: path)
        guard let descriptor = try POSIX.openExisting(file, O_RDONLY) else { throw ObjectStoreError.noSuchObject(path) }
        do {
            let status = try POSIX.status(of: descriptor, path: file)
            guard POSIX.isRegularFile(status) else { throw ObjectStoreError.noSuchObject(path) }
            return (descriptor, status)
        } catch {
            POSIX.close(descriptor)
            throw error
        }
    }

    public func get(_ path: ObjectPath, range: ByteRange?) async throws -> [UInt8] {
        let (descriptor, status) = try openObject(path)
        defer { POSIX.close(descriptor) }
        let offsets = try (range ?? .from(0)).checkedOffsets(size: Int64(status.st_size), path: path)
        return try POSIX.read(descriptor, offsets, path: root + "/" + path.rawValue)
    }

    public func head(_ path: ObjectPath) async throws -> ObjectMeta {
        guard let status = try POSIX.status(atPath: filePath(for: path)), POSIX.isRegularFile(status) else {
            throw ObjectStoreError.noSuchObject(path)
        }
        return Self.meta(path, status)
    }

    public func put(_ path: ObjectPath, _ bytes: [UInt8]) async throws {
        let file = try filePath(for: path)
        try Self.writeTemporary(bytes, besides: file).publish(as: file)
    }

    public func putIfAbsent(_ path: ObjectPath, _ bytes: [UInt8]) async throws {
        let file = try filePath(for: path)
        let temporary = try Self.writeTemporary(bytes, besides: file)
        defer { temporary.remove() }
        // `link` fails with EEXIST when anything is at the name, atomically: the kernel picks the one winner.
        guard link(temporary.path, file) == 0 else {
            let code = errno
            switch code {
            case EEXIST:
                throw ObjectStoreError.objectExists(path)
            case EPERM:
                throw ObjectStoreError(.unsupported, path: file,
                                       detail: "hard links, which create-only writes need: \(POSIX.describe(code))")
            default:
                throw ObjectStoreError(errno: code, path: file, doing: "linking \(temporary.path) into place")
            }
        }
        do {
            try POSIX.syncDirectory(POSIX.parent(of: file))
        } catch {
            // The object is visible but may not survive a crash; the caller must look before retrying.
            throw ObjectStoreError(.unknownOutcome, path: path.rawValue, detail: "created but not made durable: \(error)")
        }
    }

    /// Writes `bytes` to a fresh temporary file beside `file` and fsyncs it, removing it on any failure.
    static func writeTemporary(_ bytes: [UInt8], besides file: String) throws -> TemporaryFile {
        let temporary = try TemporaryFile.create(besides: file)
        do {
            try temporary.write(bytes, at: 0)
        } catch {
            temporary.discard()
            throw error
        }
        try temporary.finish()
        return temporary
    }

    public func delete(_ path: ObjectPath) async throws {
        let file = try filePath(for: path)
        guard try POSIX.unlink(file) else { return }
        pruneEmptyDirectories(above: file)
    }

    public func delete(_ paths: [ObjectPath]) async throws {
        var firstFailure: (any Error)?
        for path in paths {
            do {
                try await delete(path)
            } catch {
                firstFailure = firstFailure ?? error
            }
        }
        if let firstFailure { throw firstFailure }
    }

    /// Removes directories left empty by a delete or an aborted upload, up to but not including the root, so
    /// such prefixes disappear as they do in a bucket. `rmdir` refuses non-empty directories, so a
    /// concurrent writer's new file is never at risk; the writer recreates a directory pruned under it.
    func pruneEmptyDirectories(above file: String) {
        var directory = POSIX.parent(of: file)
        while directory.count > root.count, rmdir(directory) == 0 {
            directory = POSIX.parent(of: directory)
        }
    }

    public func copy(from source: ObjectPath, to destination: ObjectPath) async throws {
        let target = try filePath(for: destination)
        let (input, status) = try openObject(source)
        defer { POSIX.close(input) }
        let sourceFile = root + "/" + source.rawValue
        let temporary = try TemporaryFile.create(besides: target)
        do {
            let size = Int64(status.st_size)
            let chunk: Int64 = 1 << 20
            var offset: Int64 = 0
            while offset < size {
                let bytes = try POSIX.read(input, offset..<min(offset + chunk, size), path: sourceFile)
                try temporary.write(bytes, at: offset)
                offset += Int64(bytes.count)
            }
        } catch {
            temporary.discard()
            throw error
        }
        try temporary.finish()
        try temporary.publish(as: target)
    }

    public func upload(_ path: ObjectPath) async throws -> any MultipartUpload {
        let file = try filePath(for: path)
        return LocalMultipartUpload(store: self, path: path, file: file, temporary: try TemporaryFile.create(besides: file))
    }
}
