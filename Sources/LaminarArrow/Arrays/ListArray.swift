/// Variable-length lists, and maps (Arrow stores a map as a list of `entries` structs, as Arrow C++'s `MapArray`
/// derives from `ListArray`): `count + 1` 32-bit offsets delimit each element's run of child values.
public struct ListArray: ArrowArray {
    public let dataType: DataType
    /// Offsets of elements `offset ... offset + count` (inclusive) into `child`.
    public let offsetBuffer: Buffer
    /// All child values; elements view runs of it.
    public let child: any ArrowArray
    public let offset: Int
    public let count: Int
    public let validity: ValidityBitmap
    public let nullCount: Int

    public init(dataType: DataType, offsets: Buffer, child: any ArrowArray, offset: Int = 0, count: Int,
                validity: ValidityBitmap = .allValid) {
        precondition(dataType.children.first?.type == child.dataType, "child type does not match \(dataType)")
        precondition(offsets.byteCount >= (offset + count + 1) * 4, "offset buffer too small")
        self.dataType = dataType
        self.offsetBuffer = offsets
        self.child = child
        self.offset = offset
        self.count = count
        self.validity = validity
        self.nullCount = validity.nullCount(count: count)
    }

    /// Where element `index` starts in the child values; `valueOffset(count)` is where the last one ends.
    @inlinable
    public func valueOffset(_ index: Int) -> Int {
        Int(offsetBuffer.baseAddress.load(fromByteOffset: (offset + index) * 4, as: Int32.self))
    }

    /// Child index range of element `index`.
    public func valueRange(at index: Int) -> Range<Int> { valueOffset(index)..<valueOffset(index + 1) }

    /// The child values of element `index`, as a slice of `child`.
    public func value(at index: Int) -> any ArrowArray {
        let range = valueRange(at: index)
        return child.slice(offset: range.lowerBound, count: range.count)
    }

    /// For maps: the entries struct; for lists: nil.
    public var entries: StructArray? { dataType.mapKeyValue == nil ? nil : child as? StructArray }

    public func slice(offset start: Int, count length: Int) -> ListArray {
        checkSlice(offset: start, count: length)
        return ListArray(
            dataType: dataType, offsets: offsetBuffer, child: child, offset: offset + start, count: length,
            validity: validity.sliced(by: start)
        )
    }

    public func scalar(at index: Int) -> ScalarValue {
        guard isValid(index) else { return .null }
        let items = value(at: index)
        if case .map = dataType, let entries = items as? StructArray, entries.children.count == 2 {
            return .map(keys: entries.children[0].scalars, values: entries.children[1].scalars, type: dataType)
        }
        return .list(items.scalars, element: dataType.children[0])
    }

    public func replacingValidity(_ validity: ValidityBitmap) -> Self {
        ListArray(dataType: dataType, offsets: offsetBuffer, child: child, offset: offset, count: count,
                  validity: validity)
    }

    public func takeUnchecked(_ indices: UnsafeBufferPointer<Int>) -> ListArray {
        let offsets = MutableBuffer(capacity: (indices.count + 1) * 4)
        var childIndices: [Int] = []
        offsets.append(Int32(0))
        for index in indices {
            childIndices.append(contentsOf: valueRange(at: index))
            offsets.append(Int32(truncatingIfNeeded: childIndices.count))
        }
        let taken = childIndices.withUnsafeBufferPointer { child.takeUnchecked($0) }
        return ListArray(
            dataType: dataType, offsets: offsets.freeze(), child: taken, count: indices.count,
            validity: takeValidity(validity, nullCount: nullCount, indices)
        )
    }

    public static func concatenateUnchecked(_ arrays: [ListArray]) -> ListArray {
        guard let first = arrays.first else { preconditionFailure("concatenate needs at least one array") }
        let total = arrays.reduce(0) { $0 + $1.count }
        let offsets = MutableBuffer(capacity: (total + 1) * 4)
        var children: [any ArrowArray] = []
        var base = 0
        offsets.append(Int32(0))
        for array in arrays where array.count > 0 {
            let start = array.valueOffset(0)
            let end = array.valueOffset(array.count)
            for index in 1...array.count {
                offsets.append(Int32(truncatingIfNeeded: array.valueOffset(index) - start + base))
            }
            children.append(array.child.slice(offset: start, count: end - start))
            base += end - start
        }
        let child = children.isEmpty ? first.child.slice(offset: 0, count: 0) : concatenateSameType(children)
        return ListArray(
            dataType: first.dataType, offsets: offsets.freeze(), child: child, count: total,
            validity: concatenateValidity(arrays)
        )
    }
}

/// Maps are lists of entries structs; see `ListArray`.
public typealias MapArray = ListArray
