import Foundation
import LaminarArrow
import LaminarParquet
import LaminarTestSupport
import Testing

/// `laminar run` and `laminar sql`, run as processes the way users run them.
@Suite struct CommandLineTests {
    /// The `laminar` executable built next to this test bundle.
    static let laminar: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [beside, beside.deletingLastPathComponent(), InteropEnvironment.repositoryRoot.appendingPathComponent(".build/debug")] {
            let candidate = directory.appendingPathComponent("laminar")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return InteropEnvironment.repositoryRoot.appendingPathComponent(".build/debug/laminar")
    }()

    private func laminar(_ arguments: [String], input: String? = nil, in directory: String? = nil) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        try InteropEnvironment.run(Self.laminar, arguments: arguments, timeout: 120, input: input, workingDirectory: directory)
    }

    private func csvFile(_ directory: TemporaryDirectory) throws -> String {
        let path = directory.file("prices.csv")
        try "id,symbol,price\n1,AAPL,10.5\n2,MSFT,\n3,AAPL,12.25\n4,\"GOOG, Inc\",7\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func sqlPrintsCSVAndJSONLines() throws {
        let directory = try TemporaryDirectory()
        let path = try csvFile(directory)
        let statements = "CREATE SOURCE p WITH (type = 'file', path = '\(path)'); SELECT id, symbol, price * 2 AS doubled FROM p ORDER BY id"
        let csv = try laminar(["sql", "--state-dir", directory.file("state"), "--format", "csv", "-c", statements])
        #expect(csv.status == 0, "\(csv.stderr)")
        // RFC 4180 line ends, as `laminar parquet cat --format csv` writes them.
        #expect(csv.stdout == "id,symbol,doubled\r\n1,AAPL,21.0\r\n2,MSFT,\r\n3,AAPL,24.5\r\n4,\"GOOG, Inc\",14.0\r\n")
        let jsonl = try laminar(["sql", "--state-dir", directory.file("state"), "--format", "jsonl", "-c", statements])
        #expect(jsonl.status == 0, "\(jsonl.stderr)")
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
        #expect(second?["id"] as? Int == 2)
        #expect(second?["symbol"] as? String == "MSFT")
        #expect(second?["doubled"] is NSNull)
    }

    @Test func sqlReadsStatementsFromStandardInput() throws {
        let directory = try TemporaryDirectory()
        let path = try csvFile(directory)
        let result = try laminar(["sql", "--state-dir", directory.file("state"), "--format", "csv"], input: """
            CREATE SOURCE p WITH (type = 'file', path = '\(path)');
            SELECT symbol, count(*) AS n FROM p GROUP BY symbol ORDER BY n DESC, symbol;
            """)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "symbol,n\r\nAAPL,2\r\n\"GOOG, Inc\",1\r\nMSFT,1\r\n")
    }

    @Test func errorsPrintTheCaretAndExitNonZero() throws {
        let directory = try TemporaryDirectory()
        let syntax = try laminar(["sql", "--state-dir", directory.file("state"), "-c", "SELECT id,\nFROM x"])
        #expect(syntax.status != 0)
        #expect(syntax.stderr.contains("2:1"))
        #expect(syntax.stderr.contains("^"))
        let unknown = try laminar(["sql", "--state-dir", directory.file("state"), "-c", "SELECT * FROM nowhere"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown source or stream nowhere"))
        let missingFile = try laminar(["run", directory.file("missing.sql")])
        #expect(missingFile.status != 0)
        #expect(missingFile.stderr.contains("missing.sql"))
    }

    @Test func runExecutesAPipelineToTheEnd() async throws {
        let directory = try TemporaryDirectory()
        let script = directory.file("pipeline.sql")
        try """
            CREATE SOURCE readings (sensor INT, value DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts)
            WITH (type = 'generator', max_rows = 50000, 'fields.sensor.min' = 1, 'fields.sensor.max' = 4,
                  'fields.ts.step' = '1 second');
            CREATE SINK raw WITH (type = 'parquet', path = 'out/raw') AS SELECT sensor, value FROM readings WHERE value > 0.5;
            CREATE SINK hourly WITH (type = 'parquet', path = 'out/hourly')
            AS SELECT sensor, window_start, count(*) AS n FROM readings GROUP BY sensor, TUMBLE(ts, INTERVAL '1' HOUR);
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let result = try laminar(["run", script, "--state-dir", "state", "--no-status"], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("sink raw: 50000 rows in"))
        var hourly = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.file("out/hourly")) {
            for batch in try await ParquetFileReader(path: directory.file("out/hourly/\(name)")).read() {
                hourly += (batch.columns[2] as? Int64Array)?.values.reduce(0) { $0 + Int($1 ?? 0) } ?? 0
            }
        }
        #expect(hourly == 50000)
    }

    @Test func sigtermStopsAnUnboundedRunCleanly() async throws {
        let directory = try TemporaryDirectory()
        let script = directory.file("forever.sql")
        try """
            CREATE SOURCE ticks (id BIGINT) WITH (type = 'generator', rows_per_second = 20000, 'fields.id.kind' = 'sequence');
            CREATE SINK out WITH (type = 'parquet', path = 'out') AS SELECT id FROM ticks;
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = Self.laminar
        process.arguments = ["run", script, "--state-dir", "state", "--no-status"]
        process.currentDirectoryURL = directory.url
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try await Task.sleep(for: .seconds(1.5))
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        #expect(process.terminationStatus == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.file("out"))
        #expect(names.allSatisfy { !$0.hasPrefix(".") }, "in-progress files remain: \(names)")
        var ids: [Int64] = []
        // Files are named by epoch, so name order is commit order (a slow machine may run past one checkpoint).
        for name in names.sorted() {
            for batch in try await ParquetFileReader(path: directory.file("out/\(name)")).read() {
                ids += (batch.columns[0] as? Int64Array)?.values.compactMap { $0 } ?? []
            }
        }
        #expect(ids.count > 1000)
        #expect(ids == Array(0..<Int64(ids.count)))
    }
}
