import ArgumentParser
import Foundation
import LaminarDB
import LaminarSQL

/// `laminar run FILE.sql`: runs a pipeline script until every source is exhausted, or until SIGINT/SIGTERM
/// stops it cleanly.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the statements of a SQL file and wait for its sinks to finish."
    )

    @Argument(help: "The SQL script: CREATE SOURCE / CREATE SINK / CREATE STREAM / queries.") var file: String

    @Option(help: "Directory for the database's state (checkpoints and logs).") var stateDir = ".laminar"

    @Option(help: ArgumentHelp("Format of query results printed by the script.", valueName: "table|csv|jsonl"))
    var format: OutputFormat = .table

    @Flag(inversion: .prefixedNo, help: "Show a live status line (default: when standard error is a terminal).")
    var status: Bool?

    @Option(help: ArgumentHelp("Time between checkpoints, e.g. '1s' or '500 ms' (default 10 seconds).", valueName: "duration"))
    var checkpointInterval: String?

    func run() async throws {
        try await CommandFailure.reporting {
            LogLevel.bootstrapped
            guard let data = FileManager.default.contents(atPath: file), let sql = String(data: data, encoding: .utf8) else {
                throw CommandFailure.message("cannot read \(file)")
            }
            let started = ContinuousClock.now
            let db = try await LaminarDB.open(directory: stateDir)
            if let checkpointInterval {
                try await db.setCheckpointInterval(try WithOption("checkpoint_interval", .string(checkpointInterval)).duration())
            }
            let stop = StopSignals { _ in Task { await db.shutdown() } }
            var output = StandardOutput()
            let printer = ResultPrinter(format: format)
            var sinks: [SinkHandle] = []
            for result in try await db.executeScript(sql) {
                switch result {
                case .rows(let rows): try printer.print(rows, to: &output)
                case .sink(let handle): sinks.append(handle)
                case .done: break
                }
            }
            let showStatus = status ?? Terminal.standardErrorIsTerminal
            let running = sinks
            let watcher = showStatus && !running.isEmpty ? Task {
                var line = StatusLine()
                while !Task.isCancelled {
                    line.update(running)
                    try? await Task.sleep(for: .milliseconds(500))
                }
                line.clear()
            } : nil
            defer { watcher?.cancel() }
            do {
                try await db.waitForSinks()
            } catch {
                watcher?.cancel()
                await db.shutdown()
                throw error
            }
            watcher?.cancel()
            _ = await watcher?.value
            await db.shutdown()
            withExtendedLifetime(stop) {}
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            for sink in sinks {
                let snapshot = sink.metrics.snapshot
                for warning in snapshot.warnings { StandardOutput.printError("warning: sink \(sink.name): \(warning)") }
                StandardOutput.printError("sink \(sink.name): \(snapshot.rowsIn) rows in, \(snapshot.rowsOut) rows out, last checkpoint \(snapshot.lastCheckpoint)")
            }
            if !sinks.isEmpty { StandardOutput.printError(String(format: "finished in %.2f s", seconds)) }
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
