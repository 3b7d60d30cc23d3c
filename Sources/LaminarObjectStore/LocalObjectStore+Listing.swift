#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension LocalObjectStore {
    public func list(prefix: ObjectPath?, delimiter: Bool) -> ObjectListing {
        let store = self
        let prefix = prefix ?? .root
        return ObjectListing { token in try store.page(prefix: prefix, delimiter: delimiter, after: token) }
    }

    /// Each page walks the tree afresh, in key order, starting after the token: pages keep no state between
    /// calls, so a listing can be iterated again or resumed like an S3 `StartAfter`, and subtrees wholly
    /// before the token are skipped unread.
    private func page(prefix: ObjectPath, delimiter: Bool, after token: String?) throws -> (ListPage, next: String?) {
        var items: [ListingItem] = []
        if !prefix.segments.contains(where: TemporaryFile.isTemporaryName) {
            try collect(directory: directoryPath(for: prefix), keyPrefix: prefix.isRoot ? "" : prefix.rawValue + "/",
                        delimiter: delimiter, after: token, limit: pageSize + 1, into: &items)
        }
        return ListingItem.page(of: items, pageSize: pageSize)
    }

    /// Appends, in key order, the items under `directory` that come after `token`, until `limit` items are
    /// there. Entries are sorted with a `/` after directory names, which makes the depth-first walk visit keys
    /// in byte order (`a-x` before `a/b` before `a0`).
    private func collect(directory: String, keyPrefix: String, delimiter: Bool, after token: String?, limit: Int,
                         into items: inout [ListingItem]) throws {
        guard let entries = try Self.entries(of: directory) else { return }
        let sorted = entries.map { (entry: $0, sortName: $0.name + ($0.isDirectory ? "/" : "")) }
            .sorted { KeyOrder.precedes($0.sortName, $1.sortName) }
        for (entry, sortName) in sorted {
            guard items.count < limit else { return }
            let sortKey = keyPrefix + sortName
            let path = directory + "/" + entry.name
            if !entry.isDirectory {
                if let token, !KeyOrder.precedes(token, sortKey) { continue }
                // A file deleted since the directory was read is simply no longer there.
                guard let status = try POSIX.status(atPath: path), POSIX.isRegularFile(status) else { continue }
                items.append(.object(Self.meta(try ObjectPath(sortKey), status)))
            } else if delimiter {
                if let token, !KeyOrder.precedes(token, sortKey) { continue }
                // A bucket has no empty "directories": only a folder holding some object is a common prefix.
                if try Self.containsObject(path) { items.append(.commonPrefix(try ObjectPath(sortKey))) }
            } else {
                // Every key below starts with `sortKey`; a token past it that does not share it is past them all.
                if let token, KeyOrder.precedes(sortKey, token), !KeyOrder.hasPrefix(token, sortKey) { continue }
                try collect(directory: path, keyPrefix: sortKey, delimiter: false, after: token, limit: limit, into: &items)
            }
        }
    }

    private static func containsObject(_ directory: String) throws -> Bool {
        guard let entries = try entries(of: directory) else { return false }
        for entry in entries {
            if !entry.isDirectory { return true }
            if try containsObject(directory + "/" + entry.name) { return true }
        }
        return false
    }

    /// The entries of a directory that can be objects or hold them: files and real subdirectories with UTF-8
    /// names, without temporary files. Links to directories are not followed, so a link cycle cannot trap a
    /// listing. `nil` when the directory is gone, as a deleted prefix is.
    private static func entries(of directory: String) throws -> [(name: String, isDirectory: Bool)]? {
        guard let stream = opendir(directory) else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw ObjectStoreError(errno: errno, path: directory, doing: "opening directory")
        }
        defer { closedir(stream) }
        var entries: [(name: String, isDirectory: Bool)] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw ObjectStoreError(errno: errno, path: directory, doing: "reading directory") }
                return entries
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)) {
                    String(validatingCString: $0)
                }
            }
            guard let name, name != ".", name != "..", !TemporaryFile.isTemporaryName(name) else { continue }
            switch Int(entry.pointee.d_type) {
            case DT_REG:
                entries.append((name, false))
            case DT_DIR:
                entries.append((name, true))
            case DT_LNK, DT_UNKNOWN:
                let path = directory + "/" + name
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFLNK {
                    if let target = try POSIX.status(atPath: path), POSIX.isRegularFile(target) {
                        entries.append((name, false))
                    }
                } else if POSIX.isDirectory(status) || POSIX.isRegularFile(status) {
                    entries.append((name, POSIX.isDirectory(status)))
                }
            default:
                continue
            }
        }
    }
}
