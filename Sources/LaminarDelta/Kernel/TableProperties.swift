import Foundation

/// The `delta.*` table properties a writer acts on, read from `metaData.configuration` with the protocol's
/// defaults; an unparsable value is an error naming the property.
public struct TableProperties: Sendable, Hashable {
    /// `delta.checkpointInterval`: commits between checkpoints.
    public var checkpointInterval: Int64 = 10
    /// `delta.dataSkippingNumIndexedCols`: leaf columns with statistics; -1 for all.
    public var dataSkippingNumIndexedCols = 32
    /// `delta.logRetentionDuration`, in milliseconds.
    public var logRetentionMillis: Int64 = 30 * 86_400_000
    /// `delta.deletedFileRetentionDuration`, in milliseconds.
    public var deletedFileRetentionMillis: Int64 = 7 * 86_400_000
    /// `delta.enableExpiredLogCleanup`
    public var enableExpiredLogCleanup = true
    /// `delta.enableChangeDataFeed`
    public var enableChangeDataFeed = false
    /// `delta.enableDeletionVectors`
    public var enableDeletionVectors = false
    /// `delta.appendOnly`
    public var appendOnly = false
    /// `delta.targetFileSize`, in bytes, when set.
    public var targetFileSize: Int64?

    public init(_ configuration: [String: String]) throws(DeltaError) {
        for (key, value) in configuration {
            switch key {
            case "delta.checkpointInterval": checkpointInterval = try Self.integer(key, value, minimum: 1)
            case "delta.dataSkippingNumIndexedCols": dataSkippingNumIndexedCols = Int(try Self.integer(key, value, minimum: -1))
            case "delta.logRetentionDuration": logRetentionMillis = try Self.interval(key, value)
            case "delta.deletedFileRetentionDuration": deletedFileRetentionMillis = try Self.interval(key, value)
            case "delta.enableExpiredLogCleanup": enableExpiredLogCleanup = try Self.flag(key, value)
            case "delta.enableChangeDataFeed": enableChangeDataFeed = try Self.flag(key, value)
            case "delta.enableDeletionVectors": enableDeletionVectors = try Self.flag(key, value)
            case "delta.appendOnly": appendOnly = try Self.flag(key, value)
            case "delta.targetFileSize": targetFileSize = try Self.integer(key, value, minimum: 1)
            default: continue
            }
        }
    }

    static func integer(_ key: String, _ value: String, minimum: Int64) throws(DeltaError) -> Int64 {
        guard let number = Int64(value.trimmingCharacters(in: .whitespaces)), number >= minimum else {
            throw DeltaError(.invalidArgument, "table property \(key) = '\(value)': expected an integer of at least \(minimum)")
        }
        return number
    }

    static func flag(_ key: String, _ value: String) throws(DeltaError) -> Bool {
        switch value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true": return true
        case "false": return false
        default: throw DeltaError(.invalidArgument, "table property \(key) = '\(value)': expected true or false")
        }
    }

    /// A Spark calendar interval such as `interval 30 days` or `interval 1 week 12 hours`, in milliseconds.
    static func interval(_ key: String, _ value: String) throws(DeltaError) -> Int64 {
        var words = value.lowercased().split(whereSeparator: \.isWhitespace)
        if words.first == "interval" { words.removeFirst() }
        guard !words.isEmpty, words.count.isMultiple(of: 2) else {
            throw DeltaError(.invalidArgument, "table property \(key) = '\(value)': expected an interval such as 'interval 7 days'")
        }
        var total: Int64 = 0
        for pair in stride(from: 0, to: words.count, by: 2) {
            let unit = words[pair + 1].hasSuffix("s") ? words[pair + 1].dropLast() : words[pair + 1]
            let millis: Int64
            switch unit {
            case "week": millis = 7 * 86_400_000
            case "day": millis = 86_400_000
            case "hour": millis = 3_600_000
            case "minute": millis = 60_000
            case "second": millis = 1000
            case "millisecond": millis = 1
            case "microsecond":
                guard let count = Int64(words[pair]), count >= 0 else {
                    throw DeltaError(.invalidArgument, "table property \(key) = '\(value)': '\(words[pair])' is not a count")
                }
                total = total.addingReportingOverflow(count / 1000).overflow ? .max : total + count / 1000
                continue
            default:
                throw DeltaError(.invalidArgument, "table property \(key) = '\(value)': unknown interval unit '\(words[pair + 1])'")
            }
            guard let count = Int64(words[pair]), count >= 0 else {
                throw DeltaError(.invalidArgument, "table property \(key) = '\(value)': '\(words[pair])' is not a count")
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: millis)
            guard !overflow else { throw DeltaError(.invalidArgument, "table property \(key) = '\(value)': too long") }
            total = total.addingReportingOverflow(product).overflow ? .max : total + product
        }
        return total
    }
}
