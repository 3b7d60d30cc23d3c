import LaminarArrow

extension ParquetSchema {
    /// The Parquet schema a writer uses for an Arrow schema: three-level lists with `element` children, maps as
    /// `key_value` groups, field ids carried over, and logical types annotated together with the legacy
    /// converted types older readers understand.
    ///
    /// Decimals of precision up to 9 and 18 are stored as INT32 and INT64, as Spark and the Iceberg specification
    /// do, and wider ones as the smallest FIXED_LEN_BYTE_ARRAY that holds them; `decimalAsFixed` forces the latter.
    public init(arrow schema: Schema, decimalAsFixed: Bool = false) throws(ParquetError) {
        var elements = [SchemaElement(name: "schema", numChildren: Int32(schema.fields.count))]
        for field in schema.fields {
            try appendElements(for: field, repetition: field.isNullable ? .optional : .required,
                               decimalAsFixed: decimalAsFixed, to: &elements)
        }
        try self.init(elements: elements)
    }

    /// Arrow fields whose Parquet representation this writer does not produce.
    static func checkWritable(_ field: Field) throws(ParquetError) {
        if field.type == .null, !field.isNullable {
            throw .schema("field \(field.name) of type null must be nullable")
        }
    }
}

/// Extension type names Arrow uses for UUID and JSON columns, which map onto Parquet's logical types.
enum ArrowExtension {
    static let nameKey = "ARROW:extension:name"
    static let uuid = "arrow.uuid"
    static let json = "arrow.json"
}

private func appendElements(for field: Field, repetition: Repetition, decimalAsFixed: Bool,
                            to elements: inout [SchemaElement]) throws(ParquetError)
{
    try ParquetSchema.checkWritable(field)
    var element = SchemaElement(name: field.name, repetition: repetition)
    element.fieldID = field.fieldID.map { Int32(truncatingIfNeeded: $0) }
    switch field.type {
    case .list(let item):
        element.numChildren = 1
        element.logicalType = .list
        element.convertedType = .list
        elements.append(element)
        elements.append(SchemaElement(name: "list", repetition: .repeated, numChildren: 1))
        try appendElements(for: item.renamed("element"), repetition: item.isNullable ? .optional : .required,
                           decimalAsFixed: decimalAsFixed, to: &elements)
    case .map:
        guard let (key, value) = field.type.mapKeyValue else { throw .schema("map \(field.name) lacks key and value") }
        element.numChildren = 1
        element.logicalType = .map
        element.convertedType = .map
        elements.append(element)
        elements.append(SchemaElement(name: "key_value", repetition: .repeated, numChildren: 2))
        try appendElements(for: key.renamed("key"), repetition: .required, decimalAsFixed: decimalAsFixed,
                           to: &elements)
        try appendElements(for: value.renamed("value"), repetition: value.isNullable ? .optional : .required,
                           decimalAsFixed: decimalAsFixed, to: &elements)
    case .struct(let children):
        guard !children.isEmpty else { throw .schema("struct \(field.name) has no fields; Parquet cannot store it") }
        element.numChildren = Int32(children.count)
        elements.append(element)
        for child in children {
            try appendElements(for: child, repetition: child.isNullable ? .optional : .required,
                               decimalAsFixed: decimalAsFixed, to: &elements)
        }
    default:
        try annotateLeaf(&element, field: field, decimalAsFixed: decimalAsFixed)
        elements.append(element)
    }
}

private func annotateLeaf(_ element: inout SchemaElement, field: Field, decimalAsFixed: Bool) throws(ParquetError) {
    func set(_ physical: PhysicalType, _ logical: LogicalType? = nil, _ converted: ConvertedType? = nil) {
        element.type = physical
        element.logicalType = logical
        element.convertedType = converted
    }
    let extensionName = field.metadata[ArrowExtension.nameKey]
    switch field.type {
    case .null: set(.int32, .null)
    case .boolean: set(.boolean)
    case .int8: set(.int32, .integer(bitWidth: 8, isSigned: true), .int8)
    case .int16: set(.int32, .integer(bitWidth: 16, isSigned: true), .int16)
    case .int32: set(.int32)
    case .int64: set(.int64)
    case .uint8: set(.int32, .integer(bitWidth: 8, isSigned: false), .uint8)
    case .uint16: set(.int32, .integer(bitWidth: 16, isSigned: false), .uint16)
    case .uint32: set(.int32, .integer(bitWidth: 32, isSigned: false), .uint32)
    case .uint64: set(.int64, .integer(bitWidth: 64, isSigned: false), .uint64)
    case .float32: set(.float)
    case .float64: set(.double)
    case .decimal128(let precision, let scale):
        guard precision > 0, precision <= 38, scale >= 0, scale <= precision else {
            throw .schema("decimal(\(precision), \(scale)) of \(field.name) is outside Parquet's range")
        }
        let logical = LogicalType.decimal(scale: Int32(scale), precision: Int32(precision))
        if !decimalAsFixed, precision <= 9 {
            set(.int32, logical, .decimal)
        } else if !decimalAsFixed, precision <= 18 {
            set(.int64, logical, .decimal)
        } else {
            set(.fixedLenByteArray, logical, .decimal)
            element.typeLength = Int32(DecimalBytes.width(forPrecision: precision))
        }
        element.precision = Int32(precision)
        element.scale = Int32(scale)
    case .utf8:
        if extensionName == ArrowExtension.json { set(.byteArray, .json, .json) } else { set(.byteArray, .string, .utf8) }
    case .binary: set(.byteArray)
    case .fixedSizeBinary(let width):
        if width == 16, extensionName == ArrowExtension.uuid { set(.fixedLenByteArray, .uuid) } else {
            set(.fixedLenByteArray)
        }
        element.typeLength = Int32(width)
    case .date32: set(.int32, .date, .date)
    case .time64(let unit):
        switch unit {
        case .second, .millisecond: set(.int32, .time(isAdjustedToUTC: true, unit: .millisecond), .timeMillis)
        case .microsecond: set(.int64, .time(isAdjustedToUTC: true, unit: .microsecond), .timeMicros)
        case .nanosecond: set(.int64, .time(isAdjustedToUTC: true, unit: .nanosecond))
        }
    case .timestamp(let unit, let timeZone):
        let utc = timeZone != nil
        switch unit {
        case .second, .millisecond:
            set(.int64, .timestamp(isAdjustedToUTC: utc, unit: .millisecond), utc ? .timestampMillis : nil)
        case .microsecond:
            set(.int64, .timestamp(isAdjustedToUTC: utc, unit: .microsecond), utc ? .timestampMicros : nil)
        case .nanosecond: set(.int64, .timestamp(isAdjustedToUTC: utc, unit: .nanosecond))
        }
    case .list, .struct, .map:
        throw .schema("nested field \(field.name) reached the leaf writer")
    }
}
