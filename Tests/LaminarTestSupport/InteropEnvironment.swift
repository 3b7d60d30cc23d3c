import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The Python reference environment that `scripts/bootstrap.sh` creates in `.venv/`: pyarrow, delta-rs,
/// pyiceberg, hudi-rs, DuckDB with its lake extensions, and moto. Tests use it to check our files against the
/// tools users trust; a missing environment is a test failure with the fix in its message, never a skip.
public enum InteropEnvironment {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The repository root: the nearest folder above this file that holds `Package.swift`.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    public static var python: URL { repositoryRoot.appendingPathComponent(".venv/bin/python") }

    /// Folder of the project's Python helpers (`laminar_interop.py`), put on `PYTHONPATH` for every snippet.
    public static var helpers: URL { repositoryRoot.appendingPathComponent("scripts/interop") }

    /// The golden tables of `../shared/golden`, written by Spark, delta-rs, pyiceberg and Hudi.
    public static var goldenTables: URL {
        repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/golden")
    }

    /// Runs a Python snippet in the interop environment and returns its standard output.
    /// Throws with the snippet's standard error when it exits non-zero.
    @discardableResult
    public static func runPython(_ code: String, arguments: [String] = [], timeout: TimeInterval = 300) throws
        -> String
    {
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Failure(description: "no interop environment at \(python.path); run scripts/bootstrap.sh")
        }
        let result = try run(python, arguments: ["-c", code] + arguments, timeout: timeout,
                             environment: ["PYTHONPATH": helpers.path, "PYTHONDONTWRITEBYTECODE": "1"])
        guard result.status == 0 else {
            throw Failure(description: "python exited with \(result.status):\n\(result.stderr)")
        }
        return result.stdout
    }

    /// Runs a program to completion, capturing both output streams.
    public static func run(_ executable: URL, arguments: [String], timeout: TimeInterval = 300,
                           environment: [String: String] = [:], input: String? = nil,
                           workingDirectory: String? = nil) throws -> (status: Int32, stdout: String, stderr: String)
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = try TemporaryFile()
        let errors = try TemporaryFile()
        process.standardOutput = output.handle
        process.standardError = errors.handle
        let inputFile = try input.map { text in
            let file = try TemporaryFile()
            try file.handle.write(contentsOf: Data(text.utf8))
            return try FileHandle(forReadingFrom: file.url)
        }
        process.standardInput = inputFile ?? FileHandle.nullDevice
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)  // SIGTERM may be blocked in the child; see LoopbackServer.
                process.waitUntilExit()
                throw Failure(description: "\(executable.lastPathComponent) timed out after \(Int(timeout)) s")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return (process.terminationStatus, try output.contents(), try errors.contents())
    }
}

/// A file that collects a child process's output; pipes would block once their buffer fills.
final class TemporaryFile {
    let url: URL
    let handle: FileHandle

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("laminar-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw InteropEnvironment.Failure(description: "cannot create \(url.path)")
        }
        handle = try FileHandle(forWritingTo: url)
    }

    func contents() throws -> String {
        try handle.synchronize()
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }
}
