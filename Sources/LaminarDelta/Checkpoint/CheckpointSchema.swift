import LaminarArrow

/// The columns of a classic checkpoint as Spark writes them: one nullable struct per action kind, and in
/// each row exactly one of them set. Every field is nullable, as in Spark's checkpoints, so a reader never
/// meets a required column inside an absent action.
public enum CheckpointSchema {
    private static func string(_ name: String) -> Field { Field(name: name, type: .utf8) }
    private static func long(_ name: String) -> Field { Field(name: name, type: .int64) }
    private static func int(_ name: String) -> Field { Field(name: name, type: .int32) }
    private static func bool(_ name: String) -> Field { Field(name: name, type: .boolean) }
    private static func stringMap(_ name: String) -> Field { Field(name: name, type: .map(key: .utf8, value: .utf8)) }
    private static func stringList(_ name: String) -> Field { Field(name: name, type: .list(of: .utf8)) }

    static let deletionVector = Field(name: "deletionVector", type: .struct([
        string("storageType"), string("pathOrInlineDv"), int("offset"), int("sizeInBytes"), long("cardinality"),
        long("maxRowIndex"),
    ]))

    public static let schema = Schema([
        Field(name: "txn", type: .struct([string("appId"), long("version"), long("lastUpdated")])),
        Field(name: "add", type: .struct([
            string("path"), stringMap("partitionValues"), long("size"), long("modificationTime"), bool("dataChange"),
            string("stats"), stringMap("tags"), deletionVector, long("baseRowId"), long("defaultRowCommitVersion"),
            string("clusteringProvider"),
        ])),
        Field(name: "remove", type: .struct([
            string("path"), long("deletionTimestamp"), bool("dataChange"), bool("extendedFileMetadata"),
            stringMap("partitionValues"), long("size"), deletionVector, long("baseRowId"), long("defaultRowCommitVersion"),
        ])),
        Field(name: "metaData", type: .struct([
            string("id"), string("name"), string("description"),
            Field(name: "format", type: .struct([string("provider"), stringMap("options")])),
            string("schemaString"), stringList("partitionColumns"), stringMap("configuration"), long("createdTime"),
        ])),
        Field(name: "protocol", type: .struct([
            int("minReaderVersion"), int("minWriterVersion"), stringList("readerFeatures"), stringList("writerFeatures"),
        ])),
        Field(name: "domainMetadata", type: .struct([string("domain"), string("configuration"), bool("removed")])),
    ])
}
