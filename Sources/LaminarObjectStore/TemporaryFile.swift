#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// A file being written next to the object it will become. Writing beside the destination keeps the final
/// `rename` or `link` within one directory, hence one filesystem, where both are atomic.
struct TemporaryFile: Sendable {
    /// What marks a temporary file's name; listings skip such names and keys may not contain them.
    static let marker = ".laminar-tmp-"

    let path: String
    let descriptor: Int32

    /// Whether a file name is one of ours, in progress or abandoned by a crash.
    static func isTemporaryName<S: StringProtocol>(_ name: S) -> Bool {
        name.hasPrefix(".") && name.contains(marker)
    }

    /// Creates an empty file beside `destination`, creating missing directories. The name keeps a short
    /// prefix of the destination's so a stray file says where it was headed, and stays under `NAME_MAX`.
    static func create(besides destination: String) throws(ObjectStoreError) -> TemporaryFile {
        let directory = POSIX.parent(of: destination)
        let filename = destination.split(separator: "/").last ?? ""
        var attempts = 0
        while true {
            let path = directory + "/" + temporaryName(for: filename)
            let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 { return TemporaryFile(path: path, descriptor: descriptor) }
            let code = errno
            if code == EINTR { continue }
            guard code == ENOENT, attempts < 8 else { throw ObjectStoreError(errno: code, path: path, doing: "creating") }
            // The directory is missing, or a concurrent delete pruned it just after it was created: create it.
            attempts += 1
            try POSIX.makeDirectories(directory)
        }
    }

    private static func temporaryName(for filename: Substring) -> String {
        var stem = ""
        for character in filename {
            if stem.utf8.count + character.utf8.count > 64 { break }
            stem.append(character)
        }
        return "." + stem + marker + UUID().uuidString.lowercased()
    }

    func write(_ bytes: [UInt8], at offset: Int64) throws(ObjectStoreError) {
        try POSIX.write(descriptor, bytes, at: offset, path: path)
    }

    /// Flushes and closes the file, so that what is published is on disk. On failure the file is removed;
    /// on success only `publish`, `link` or `remove` may follow.
    func finish() throws(ObjectStoreError) {
        defer { POSIX.close(descriptor) }
        do {
            try POSIX.sync(descriptor, path: path)
        } catch {
            remove()
            throw error
        }
    }

    /// Closes and removes a file that will not be finished; every failure path ends here or in `finish`, so
    /// no stray file remains.
    func discard() {
        POSIX.close(descriptor)
        remove()
    }

    /// Removes the name of a finished file, or of one whose contents were linked into place.
    func remove() {
        _ = try? POSIX.unlink(path)
    }

    /// Atomically replaces `destination` with this finished file and makes the rename durable.
    func publish(as destination: String) throws(ObjectStoreError) {
        do {
            try POSIX.rename(path, to: destination)
        } catch {
            remove()
            throw error
        }
        try POSIX.syncDirectory(POSIX.parent(of: destination))
    }
}
