/// Conversion of arrays between data types, with SQL `CAST` semantics.
///
/// Supported: numeric and boolean to one another (range-checked, floats truncated toward zero, decimals rounded
/// half away from zero); anything to string; string to every scalar type by parsing; date, time and timestamp to
/// one another and timestamp unit changes; binary and string to one another; lists, maps and structs whose
/// children can be cast; `null` to anything. Integers reinterpret as temporals of the same width and back.
extension Compute {
    public static func cast(_ array: any ArrowArray, to target: DataType, options: CastOptions = .default)
        throws(ArrowError) -> any ArrowArray
    {
        let source = array.dataType
        if source == target { return array }
        if source == .null { return makeNullArray(type: target, count: array.count) }
        switch (array, target) {
        case (_, .utf8):
            if let binary = array as? BinaryArray { return try binaryToString(binary, options: options) }
            return castToString(array)
        case (let strings as StringArray, .binary):
            return BinaryArray(offsets: strings.offsetBuffer, values: strings.valueBuffer, offset: strings.offset,
                               count: strings.count, validity: strings.validity)
        case (let strings as StringArray, _):
            return try castFromString(strings, to: target, options: options)
        case (let list as ListArray, .list(let item)) where source.mapKeyValue == nil:
            return ListArray(dataType: target, offsets: list.offsetBuffer,
                             child: try cast(list.child, to: item.type, options: options),
                             offset: list.offset, count: list.count, validity: list.validity)
        case (let map as ListArray, .map(let entries, _)) where source.mapKeyValue != nil:
            return ListArray(dataType: target, offsets: map.offsetBuffer,
                             child: try cast(map.child, to: entries.type, options: options),
                             offset: map.offset, count: map.count, validity: map.validity)
        case (let structs as StructArray, .struct(let fields)) where fields.count == structs.fields.count:
            var children: [any ArrowArray] = []
            for (child, field) in zip(structs.children, fields) {
                children.append(try cast(child, to: field.type, options: options))
            }
            return StructArray(fields: fields, children: children, count: structs.count, validity: structs.validity)
        default:
            break
        }
        if target.isTemporal, source.isTemporal || source.isInteger {
            return try castToTemporal(array, to: target, options: options)
        }
        if target.isNumeric || target == .boolean, let read = numberReader(array) {
            return try castNumbers(array, to: target, options: options) { row in read(row) }
        }
        throw .unsupported("cast from \(source) to \(target)")
    }

    // MARK: Numbers

    /// Reads element `i` of a numeric, boolean or temporal array as a number.
    static func numberReader(_ array: any ArrowArray) -> ((Int) -> NumberValue)? {
        switch array {
        case let a as BooleanArray: { .signed(a.value(at: $0) ? 1 : 0) }
        case let a as Int8Array: { .signed(Int64(a.value(at: $0))) }
        case let a as Int16Array: { .signed(Int64(a.value(at: $0))) }
        case let a as Int32Array: { .signed(Int64(a.value(at: $0))) }
        case let a as Int64Array: { .signed(a.value(at: $0)) }
        case let a as UInt8Array: { .unsigned(UInt64(a.value(at: $0))) }
        case let a as UInt16Array: { .unsigned(UInt64(a.value(at: $0))) }
        case let a as UInt32Array: { .unsigned(UInt64(a.value(at: $0))) }
        case let a as UInt64Array: { .unsigned(a.value(at: $0)) }
        case let a as Float32Array: { .float(Double(a.value(at: $0))) }
        case let a as Float64Array: { .float(a.value(at: $0)) }
        case let a as Decimal128Array:
            if case .decimal128(_, let scale) = a.dataType { { .decimal(a.value(at: $0), scale: scale) } } else { nil }
        default: nil
        }
    }

    /// Builds a numeric or boolean array of `target` from numbers produced per valid row.
    static func castNumbers(
        _ array: any ArrowArray, to target: DataType, options: CastOptions,
        read: (Int) throws(ArrowError) -> NumberValue?
    ) throws(ArrowError) -> any ArrowArray {
        func integer<T: FixedWidthInteger & ArrowNativeType>(_: T.Type) throws(ArrowError) -> any ArrowArray {
            try convert(array, to: target, options: options, read: read) { (n: NumberValue) in
                n.integerPart.flatMap { T(exactly: $0) }
            }
        }
        switch target {
        case .boolean:
            let builder = BooleanBuilder(capacity: array.count)
            for row in 0..<array.count {
                guard array.isValid(row) else {
                    builder.appendNull()
                    continue
                }
                if let number = try read(row) {
                    builder.append(number.doubleValue != 0)
                } else if options.safe {
                    throw castFailure(array, row: row, target: target)
                } else {
                    builder.appendNull()
                }
            }
            return builder.finishTyped()
        case .int8: return try integer(Int8.self)
        case .int16: return try integer(Int16.self)
        case .int32: return try integer(Int32.self)
        case .int64: return try integer(Int64.self)
        case .uint8: return try integer(UInt8.self)
        case .uint16: return try integer(UInt16.self)
        case .uint32: return try integer(UInt32.self)
        case .uint64: return try integer(UInt64.self)
        case .float32:
            return try convert(array, to: target, options: options, read: read) { (n: NumberValue) in
                Float(n.doubleValue)
            }
        case .float64:
            return try convert(array, to: target, options: options, read: read) { (n: NumberValue) in n.doubleValue }
        case .decimal128(let precision, let scale):
            let bound = DecimalFormat.maxUnscaled(precision: precision)
            return try convert(array, to: target, options: options, read: read) { (n: NumberValue) -> Int128? in
                n.unscaled(scale: scale).flatMap { $0.magnitude < bound.magnitude ? $0 : nil }
            }
        default:
            throw .unsupported("cast from \(array.dataType) to \(target)")
        }
    }

    /// Numeric casts: `convert` returns nil when a value does not fit the target.
    private static func convert<T: ArrowNativeType>(
        _ array: any ArrowArray, to target: DataType, options: CastOptions,
        read: (Int) throws(ArrowError) -> NumberValue?, _ convert: (NumberValue) -> T?
    ) throws(ArrowError) -> any ArrowArray {
        try castEach(array, to: target, options: options) { row throws(ArrowError) in try read(row).flatMap(convert) }
    }

    /// The loop every primitive cast shares: nulls stay null; a valid row whose `value` is nil fails the cast
    /// (`CAST`) or becomes null (`TRY_CAST`).
    static func castEach<T: ArrowNativeType>(
        _ array: any ArrowArray, to target: DataType, options: CastOptions,
        _ value: (Int) throws(ArrowError) -> T?
    ) throws(ArrowError) -> PrimitiveArray<T> {
        let builder = PrimitiveBuilder<T>(type: target, capacity: array.count)
        for row in 0..<array.count {
            guard array.isValid(row) else {
                builder.appendNull()
                continue
            }
            if let converted = try value(row) {
                builder.append(converted)
            } else if options.safe {
                throw castFailure(array, row: row, target: target)
            } else {
                builder.appendNull()
            }
        }
        return builder.finishTyped()
    }

    static func castFailure(_ array: any ArrowArray, row: Int, target: DataType) -> ArrowError {
        let value = array.scalar(at: row)
        if case .utf8(let text) = value { return .parse(row: row, value: text, expected: target.description) }
        return .overflow("\(value) at row \(row) does not fit \(target)")
    }

    // MARK: Strings

    static func castToString(_ array: any ArrowArray) -> StringArray {
        let builder = StringBuilder(capacity: array.count)
        for row in 0..<array.count {
            let scalar = array.scalar(at: row)
            if scalar.isNull { builder.appendNull() } else { builder.append(scalar.description) }
        }
        return builder.finishTyped()
    }

    private static func binaryToString(_ array: BinaryArray, options: CastOptions) throws(ArrowError) -> StringArray {
        let builder = StringBuilder(capacity: array.count)
        for row in 0..<array.count {
            guard array.isValid(row) else {
                builder.appendNull()
                continue
            }
            if let text = array.withBytes(at: row, { String(validating: $0, as: UTF8.self) }) {
                builder.append(text)
            } else if options.safe {
                throw .parse(row: row, value: "binary of \(array.byteLength(at: row)) bytes", expected: "UTF-8")
            } else {
                builder.appendNull()
            }
        }
        return builder.finishTyped()
    }

    private static func castFromString(_ strings: StringArray, to target: DataType, options: CastOptions)
        throws(ArrowError) -> any ArrowArray
    {
        if target.isTemporal {
            return try castToTemporal(strings, to: target, options: options)
        }
        if target == .boolean {
            return try castNumbers(strings, to: target, options: options) { row in
                switch strings.value(at: row).trimmingSpaces.lowercased() {
                case "true", "t", "yes", "y", "on", "1": .signed(1)
                case "false", "f", "no", "n", "off", "0": .signed(0)
                default: nil
                }
            }
        }
        if case .decimal128(let precision, let scale) = target {
            return try castNumbers(strings, to: target, options: options) { row in
                DecimalFormat.parse(strings.value(at: row), precision: precision, scale: scale)
                    .map { .decimal($0, scale: scale) }
            }
        }
        if target.isNumeric {
            let floating = target.isFloatingPoint
            return try castNumbers(strings, to: target, options: options) { row in
                let text = strings.value(at: row).trimmingSpaces
                if !floating, let integer = Int64(text) { return .signed(integer) }
                if !floating, let integer = UInt64(text) { return .unsigned(integer) }
                if let double = Double(text), floating || double.isFinite { return .float(double) }
                return nil
            }
        }
        switch target {
        case .fixedSizeBinary(let width):
            let builder = FixedSizeBinaryBuilder(byteWidth: width, capacity: strings.count)
            for row in 0..<strings.count {
                guard strings.isValid(row) else {
                    builder.appendNull()
                    continue
                }
                do {
                    try builder.append(Array(strings.value(at: row).utf8))
                } catch {
                    if options.safe { throw castFailure(strings, row: row, target: target) }
                    builder.appendNull()
                }
            }
            return builder.finishTyped()
        default:
            throw .unsupported("cast from string to \(target)")
        }
    }
}

extension String {
    var trimmingSpaces: Substring {
        var slice = self[...]
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return slice
    }
}
