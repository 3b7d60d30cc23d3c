/// `protocol`: the reader and writer versions, and from versions 3 and 7 on the named table features, a
/// client must support to read or write the table.
public struct ProtocolAction: Codable, Hashable, Sendable {
    public var minReaderVersion: Int
    public var minWriterVersion: Int
    public var readerFeatures: [String]?
    public var writerFeatures: [String]?

    public init(minReaderVersion: Int, minWriterVersion: Int, readerFeatures: [String]? = nil, writerFeatures: [String]? = nil) {
        self.minReaderVersion = minReaderVersion
        self.minWriterVersion = minWriterVersion
        self.readerFeatures = readerFeatures
        self.writerFeatures = writerFeatures
    }
}
