import LaminarArrow

/// Rebuilds Arrow arrays from decoded leaf columns along an `ArrowNode`: the inverse of `LevelShredder`.
///
/// Each node owns, in every leaf below it, a set of "slots": the level positions where one of its values starts.
/// A top-level field's slots are the positions with repetition level 0; a struct passes its slots to its
/// children; a list's element slots are the positions with definition level at least `elementDefinition` and
/// repetition level at most `repetition`. A node is null at a slot whose definition level is below its own.
enum RecordAssembler {
    static func assemble(_ node: ArrowNode, columns: [Int: DecodedColumn], descriptors: [ColumnDescriptor])
        throws(ParquetError) -> any ArrowArray
    {
        if case .primitive(let field, let column, let level) = node, let decoded = columns[column],
           decoded.repetitions.isEmpty
        {
            // A column outside any list: every entry is a row, so no slot positions are needed.
            let validity = validity(of: decoded, slots: 0..<decoded.entryCount, level: level)
            return try leaf(field: field, decoded: decoded, descriptor: descriptors[column],
                            count: decoded.entryCount, validity: validity)
        }
        var slots: [Int: [Int]] = [:]
        for column in node.columns {
            guard let decoded = columns[column] else { throw .schema("column \(column) was not decoded") }
            if decoded.repetitions.isEmpty {
                slots[column] = Array(0..<decoded.entryCount)
            } else {
                slots[column] = decoded.repetitions.indices.filter { decoded.repetitions[$0] == 0 }
            }
        }
        return try assemble(node, slots: slots, columns: columns, descriptors: descriptors)
    }

    private static func assemble(_ node: ArrowNode, slots: [Int: [Int]], columns: [Int: DecodedColumn],
                                 descriptors: [ColumnDescriptor]) throws(ParquetError) -> any ArrowArray
    {
        guard let first = node.firstColumn, let decoded = columns[first], let own = slots[first] else {
            throw .schema("field \(node.field.name) has no leaf column")
        }
        let validity = validity(of: decoded, slots: own, level: node.definition)
        switch node {
        case .primitive(let field, let column, _):
            return try leaf(field: field, decoded: decoded, descriptor: descriptors[column], count: own.count,
                            validity: validity)
        case .structure(let field, let children, _):
            var arrays: [any ArrowArray] = []
            for child in children {
                arrays.append(try assemble(child, slots: slots, columns: columns, descriptors: descriptors))
            }
            guard case .struct(let fields) = field.type, arrays.allSatisfy({ $0.count == own.count }) else {
                throw .corruptPage("struct \(field.name) children disagree in length")
            }
            return StructArray(fields: fields, children: arrays, count: own.count, validity: validity)
        case .list(let field, let element, _, let elementDefinition, let repetition):
            let minimumDefinition = Int16(elementDefinition)
            let maximumRepetition = Int16(repetition)
            func isElement(_ levels: DecodedColumn, _ position: Int) -> Bool {
                levels.definitions[position] >= minimumDefinition && levels.repetitions[position] <= maximumRepetition
            }
            let offsets = MutableBuffer(capacity: (own.count + 1) * 4)
            var total: Int32 = 0
            offsets.append(total)
            for (index, start) in own.enumerated() {
                let end = index + 1 < own.count ? own[index + 1] : decoded.entryCount
                for position in start..<end where isElement(decoded, position) { total += 1 }
                offsets.append(total)
            }
            var elementSlots: [Int: [Int]] = [:]
            for column in element.columns {
                guard let levels = columns[column] else { throw .schema("column \(column) was not decoded") }
                elementSlots[column] = (0..<levels.entryCount).filter { isElement(levels, $0) }
            }
            let child = try assemble(element, slots: elementSlots, columns: columns, descriptors: descriptors)
            guard child.count == Int(total), field.type.children.first?.type == child.dataType else {
                throw .corruptPage("list \(field.name) has \(total) elements but its leaves hold \(child.count)")
            }
            return ListArray(dataType: field.type, offsets: offsets.freeze(), child: child, count: own.count,
                             validity: validity)
        }
    }

    /// Validity of a node at its slots: valid where the definition level reaches the node's own. A flat column's
    /// slots are all its entries and its only level is 1, so its decoded bitmap answers for any node above it.
    private static func validity(of decoded: DecodedColumn, slots: some Collection<Int>, level: Int)
        -> ValidityBitmap
    {
        if let flat = decoded.validity { return level > 0 ? flat : .allValid }
        return validityBitmap(definitions: decoded.definitions, slots: slots, level: level)
    }

    private static func validityBitmap(definitions: [Int16], slots: some Collection<Int>, level: Int)
        -> ValidityBitmap
    {
        guard !definitions.isEmpty, level > 0 else { return .allValid }
        let threshold = Int16(level)
        // Optional fields without nulls are common; one comparison pass spares building a bitmap of ones.
        guard slots.contains(where: { definitions[$0] < threshold }) else { return .allValid }
        var builder = BitmapBuilder(capacity: slots.count)
        for position in slots { builder.append(definitions[position] >= threshold) }
        return builder.finishValidity()
    }

    /// A leaf's values spread over its slots: present values in order, nulls where the level falls short.
    private static func leaf(field: Field, decoded: DecodedColumn, descriptor: ColumnDescriptor, count: Int,
                             validity: ValidityBitmap) throws(ParquetError) -> any ArrowArray
    {
        if field.type == .null { return NullArray(count: count) }
        let dense = try decoded.values.arrow(as: field.type, column: descriptor)
        if dense.count == count, validity.buffer == nil { return dense }
        guard dense.count > 0 else { return makeNullArray(type: field.type, count: count) }
        if let primitive = dense as? any PrimitiveArrayProtocol {
            return try spread(primitive, count: count, validity: validity)
        }
        var indices = [Int](repeating: 0, count: count)
        var next = 0
        for index in 0..<count where validity.isValid(index) {
            guard next < dense.count else { throw .corruptPage("\(field.name) has fewer values than its levels") }
            indices[index] = next
            next += 1
        }
        let spread = indices.withUnsafeBufferPointer { dense.takeUnchecked($0) }
        return spread.replacingValidity(validity)
    }

    /// Fixed-width values moved to their slots in one pass; null slots are zeroed.
    private static func spread<P: PrimitiveArrayProtocol>(_ dense: P, count: Int, validity: ValidityBitmap)
        throws(ParquetError) -> any ArrowArray
    {
        let values = dense.asPrimitive
        let stride = MemoryLayout<P.Native>.stride
        let output = MutableBuffer(capacity: count * stride)
        var used = 0
        output.append(uninitialized: count * stride) { (raw: UnsafeMutableRawBufferPointer) -> Int in
            raw.initializeMemory(as: UInt8.self, repeating: 0)
            let target = raw.bindMemory(to: P.Native.self)
            values.withUnsafeValues { source in
                for index in 0..<count where validity.isValid(index) && used < source.count {
                    target[index] = source[used]
                    used += 1
                }
            }
            return count * stride
        }
        guard used == values.count, count - used == validity.nullCount(count: count) else {
            throw .corruptPage("\(values.count) values do not fill the \(count - validity.nullCount(count: count)) present slots")
        }
        return PrimitiveArray<P.Native>(dataType: values.dataType, values: output.freeze(), count: count,
                                        validity: validity)
    }
}
