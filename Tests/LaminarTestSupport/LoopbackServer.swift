import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A test server from the interop environment (moto, fake-gcs-server) running as a child process on a free
/// loopback port. Stop it with `stop()`; it is also stopped when released.
public final class LoopbackServer: @unchecked Sendable {
    public let port: Int
    private let process: Process

    /// `http://127.0.0.1:<port>`.
    public var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Starts `executable` with the arguments for a free port and waits until it accepts connections, at most
    /// `timeout` seconds.
    public init(
        name: String, executable: URL, timeout: TimeInterval = 30, arguments: (_ port: Int) -> [String]
    ) throws {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw InteropEnvironment.Failure(description: "no \(name) at \(executable.path); run scripts/bootstrap.sh")
        }
        port = try Self.freePort()
        process = Process()
        process.executableURL = executable
        process.arguments = arguments(port)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while !Self.answers(port: port) {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw InteropEnvironment.Failure(description: "\(name) did not start on port \(port)")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Kills the server. SIGKILL, because a child spawned from a dispatch worker thread inherits that thread's
    /// blocked signal mask, so the server might never see a SIGTERM.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }

    /// A port the kernel reports free on 127.0.0.1 (bind to port 0, read it back, close).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw InteropEnvironment.Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw InteropEnvironment.Failure(description: "cannot bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on the port.
    public static func answers(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
