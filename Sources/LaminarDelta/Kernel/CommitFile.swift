import Foundation

/// A commit file of the log (`_delta_log/<version>.json`): newline-delimited JSON actions.
public enum CommitFile {
    /// The file name of `version`: twenty digits, zero-padded, so names sort by version.
    public static func name(version: Int64) -> String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits + ".json"
    }

    /// The version a commit file name stands for, or nil for other files of the log.
    public static func version(ofName name: Substring) -> Int64? {
        guard name.hasSuffix(".json"), name.count == 25 else { return nil }
        return Int64(name.dropLast(5))
    }

    /// Decodes every non-empty line; an error names the file, the line and what was wrong.
    public static func decode(_ bytes: [UInt8], name: String) throws(DeltaError) -> [DeltaAction] {
        var actions: [DeltaAction] = []
        var line = 0
        for slice in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            line += 1
            if slice.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) { continue }
            do {
                actions.append(try JSONDecoder().decode(DeltaAction.self, from: Data(slice)))
            } catch {
                throw DeltaError(.corruptLog, "\(name):\(line): not a Delta action: \(Self.describe(error))")
            }
        }
        return actions
    }

    /// Encodes actions one per line, as every Delta writer does, with a final newline.
    public static func encode(_ actions: [DeltaAction]) throws(DeltaError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        var bytes: [UInt8] = []
        for action in actions {
            do {
                bytes += try encoder.encode(action)
            } catch {
                throw DeltaError(.invalidArgument, "encoding a Delta action: \(error)")
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \(context.codingPath.map(\.stringValue).joined(separator: ".")).\(key.stringValue)"
        case DecodingError.typeMismatch(let type, let context), DecodingError.valueNotFound(let type, let context):
            return "\(context.codingPath.map(\.stringValue).joined(separator: ".")): expected \(type)"
        case DecodingError.dataCorrupted(let context):
            return context.debugDescription
        default:
            return "\(error)"
        }
    }
}
