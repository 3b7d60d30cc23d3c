/// Why compressing or decompressing failed. Corrupt input always ends here, never in a crash.
public enum CompressionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The library rejected the input as malformed.
    case corruptInput(codec: CompressionCodec, detail: String)
    /// The output length differs from the size the container recorded.
    case sizeMismatch(codec: CompressionCodec, expected: Int, actual: Int)
    /// The output would exceed the allowed size.
    case outputTooLarge(codec: CompressionCodec, size: Int, limit: Int)
    /// The codec needs the uncompressed size and none was given.
    case missingUncompressedSize(codec: CompressionCodec)
    /// The library failed for a reason other than the input (e.g. out of memory).
    case libraryFailure(codec: CompressionCodec, detail: String)

    public var description: String {
        switch self {
        case .corruptInput(let codec, let detail): "corrupt \(codec) input: \(detail)"
        case .sizeMismatch(let codec, let expected, let actual):
            "\(codec) output is \(actual) bytes, expected \(expected)"
        case .outputTooLarge(let codec, let size, let limit):
            "\(codec) output of \(size) bytes exceeds the limit of \(limit) bytes"
        case .missingUncompressedSize(let codec): "\(codec) decompression needs the uncompressed size"
        case .libraryFailure(let codec, let detail): "\(codec) failed: \(detail)"
        }
    }
}
