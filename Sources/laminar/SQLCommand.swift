import ArgumentParser
import Foundation
import LaminarDB
import LaminarSQL

/// `laminar sql`: statements from `-c`, from standard input, or typed at an interactive shell.
struct SQLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run SQL statements: from -c, from standard input, or in an interactive shell on a terminal."
    )

    @Option(name: .customShort("c"), help: "Statements to run, separated by ';'.") var command: String?

    @Option(help: "Directory for the database's state.") var stateDir = ".laminar"

    @Option(help: ArgumentHelp("Result format.", valueName: "table|csv|jsonl")) var format: OutputFormat = .table

    func run() async throws {
        try await CommandFailure.reporting {
            LogLevel.bootstrapped
            let db = try await LaminarDB.open(directory: stateDir)
            let stop = StopSignals { _ in Task { await db.shutdown() } }
            let printer = ResultPrinter(format: format)
            if let command {
                try await execute(command, db, printer)
            } else if Terminal.standardInputIsTerminal {
                await shell(db, printer)
            } else {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                try await execute(String(decoding: data, as: UTF8.self), db, printer)
            }
            // Sinks created by the statements run to completion (or until SIGINT/SIGTERM), as with `run`.
            try await db.waitForSinks()
            await db.shutdown()
            withExtendedLifetime(stop) {}
        }
    }

    private func execute(_ sql: String, _ db: LaminarDB, _ printer: ResultPrinter) async throws {
        var output = StandardOutput()
        for result in try await db.executeScript(sql) {
            try report(result, printer, &output)
        }
    }

    private func report(_ result: ExecutionResult, _ printer: ResultPrinter, _ output: inout StandardOutput) throws {
        switch result {
        case .rows(let rows): try printer.print(rows, to: &output)
        case .done(let message): StandardOutput.printError(message)
        case .sink(let handle): StandardOutput.printError("CREATE SINK \(handle.name): running")
        }
    }

    /// The interactive loop: errors are shown and the shell goes on; Ctrl-D ends it.
    private func shell(_ db: LaminarDB, _ printer: ResultPrinter) async {
        let editor = LineEditor()
        var splitter = StatementSplitter()
        StandardOutput.printError("LaminarDB shell. End statements with ';'. Ctrl-D exits.")
        while let line = editor.readLine(prompt: splitter.isEmpty ? "laminar> " : "     ...> ") {
            for statement in splitter.add(line) {
                editor.remember(statement.trimmingCharacters(in: .whitespacesAndNewlines))
                var output = StandardOutput()
                do {
                    for result in try await db.executeScript(statement) { try report(result, printer, &output) }
                } catch let error as SQLError {
                    StandardOutput.printError(error.description)
                } catch {
                    StandardOutput.printError("error: \(error)")
                }
            }
        }
    }
}
