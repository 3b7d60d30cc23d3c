import ArgumentParser
import LaminarParquet
import LaminarSQL

/// Why a `laminar` subcommand stopped: shown as one line on standard error, never as a backtrace.
enum CommandFailure: Error {
    case message(String)
    /// Standard output was closed by its reader; the command stops quietly.
    case closedOutput

    /// Runs a command body, turning every error into a one-line message on standard error and a non-zero exit
    /// (argument-parser's own errors pass through, as it prints them with usage help).
    static func reporting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as CommandFailure {
            switch error {
            case .message(let text): throw fail(text)
            case .closedOutput: throw ExitCode.success
            }
        } catch let error as ParquetError {
            throw fail(error.description)
        } catch let error as SQLError {
            // Keep the diagnostic's lines: the caret under the offending token is the point of it.
            StandardOutput.printError(error.description)
            throw ExitCode.failure
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            throw fail(String(describing: error))
        }
    }

    /// Prints the message and returns the exit code to throw.
    private static func fail(_ message: String) -> ExitCode {
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        StandardOutput.printError("laminar: \(line)")
        return ExitCode.failure
    }
}
