import LaminarArrow

/// Which tables this writer may write, and the protocol it gives the tables it creates.
public enum TableFeatures {
    /// Writer features whose rules this writer follows (or that ask nothing of an appending writer when they
    /// are not active, which `checkWritable` verifies).
    static let writerFeatures: Set<String> = [
        "appendOnly", "invariants", "checkConstraints", "generatedColumns", "changeDataFeed", "identityColumns",
        "timestampNtz", "deletionVectors", "domainMetadata", "v2Checkpoint", "vacuumProtocolCheck", "columnMapping",
    ]
    static let readerFeatures: Set<String> = ["timestampNtz", "deletionVectors", "v2Checkpoint", "vacuumProtocolCheck", "columnMapping"]

    /// The lowest protocol a new table needs: (1, 2) for plain tables, writer 4 for Change Data Feed, and
    /// (3, 7) with named features for `timestamp_ntz` columns and deletion vectors, which have no legacy
    /// version.
    public static func protocolForNewTable(schema: Schema, properties: TableProperties) -> ProtocolAction {
        var reader: [String] = []
        if schema.fields.contains(where: { usesTimestampNTZ($0.type) }) { reader.append("timestampNtz") }
        if properties.enableDeletionVectors { reader.append("deletionVectors") }
        guard !reader.isEmpty else {
            return ProtocolAction(minReaderVersion: 1, minWriterVersion: properties.enableChangeDataFeed ? 4 : 2)
        }
        var writer = ["appendOnly", "invariants"] + reader
        if properties.enableChangeDataFeed { writer.append("changeDataFeed") }
        return ProtocolAction(minReaderVersion: 3, minWriterVersion: 7, readerFeatures: reader, writerFeatures: writer)
    }

    /// Whether the table lets writers create deletion vectors: the property is on and the protocol lists the
    /// feature.
    public static func writesDeletionVectors(_ protocolVersions: ProtocolAction, _ properties: TableProperties) -> Bool {
        properties.enableDeletionVectors && (protocolVersions.writerFeatures ?? []).contains("deletionVectors")
    }

    /// Refuses tables whose protocol or active features this writer cannot honour, naming what is missing.
    public static func checkWritable(_ protocolVersions: ProtocolAction, _ metadata: Metadata, location: String) throws(DeltaError) {
        let reader = protocolVersions.minReaderVersion
        let writer = protocolVersions.minWriterVersion
        guard reader <= 3, writer <= 7 else {
            throw DeltaError(.unsupported, "\(location) needs reader version \(reader) and writer version \(writer); LaminarDB writes up to reader 3 and writer 7")
        }
        let unknownReader = Set(protocolVersions.readerFeatures ?? []).subtracting(readerFeatures)
        let unknownWriter = Set(protocolVersions.writerFeatures ?? []).subtracting(writerFeatures)
        guard unknownReader.isEmpty, unknownWriter.isEmpty else {
            throw DeltaError(.unsupported, "\(location) uses table features LaminarDB cannot write: \(unknownReader.union(unknownWriter).sorted().joined(separator: ", "))")
        }
        let mode = metadata.configuration["delta.columnMapping.mode"] ?? "none"
        guard mode == "none" else {
            throw DeltaError(.unsupported, "\(location) uses column mapping (mode \(mode)), which LaminarDB does not write yet")
        }
        if let constraint = metadata.configuration.keys.sorted().first(where: { $0.hasPrefix("delta.constraints.") }) {
            throw DeltaError(.unsupported, "\(location) has the CHECK constraint \(constraint), which LaminarDB does not enforce yet")
        }
        let schema = try DeltaSchema.arrowSchema(fromJSON: metadata.schemaString)
        for field in schema.fields {
            for key in field.metadata.keys where key == "delta.invariants" || key == "delta.generationExpression" || key.hasPrefix("delta.identity.") {
                throw DeltaError(.unsupported, "\(location): column \(field.name) has \(key), which LaminarDB does not enforce yet")
            }
        }
    }

    /// Reader features this reader implements.
    static let readableFeatures: Set<String> = [
        "deletionVectors", "columnMapping", "timestampNtz", "v2Checkpoint", "vacuumProtocolCheck", "typeWidening",
        "typeWidening-preview",
    ]

    /// Refuses tables this reader would read wrongly: reader versions past 3, and reader features it does not
    /// implement, by name.
    public static func checkReadable(_ protocolVersions: ProtocolAction, location: String) throws(DeltaError) {
        let reader = protocolVersions.minReaderVersion
        guard reader <= 3 else {
            throw DeltaError(.unsupported, "\(location) needs Delta reader version \(reader); LaminarDB reads versions 1 to 3")
        }
        let unknown = Set(protocolVersions.readerFeatures ?? []).subtracting(readableFeatures)
        guard unknown.isEmpty else {
            throw DeltaError(.unsupported, "\(location) uses reader features LaminarDB does not support: \(unknown.sorted().joined(separator: ", "))")
        }
    }

    static func usesTimestampNTZ(_ type: DataType) -> Bool {
        if case .timestamp(_, nil) = type { return true }
        return type.children.contains { usesTimestampNTZ($0.type) }
    }
}
