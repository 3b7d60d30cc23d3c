/// Boolean logic with SQL's three-valued (Kleene) semantics, and null tests.
extension Compute {
    /// `a AND b`: false wins over null (`false AND null` is false), null wins over true.
    public static func and(_ lhs: BooleanArray, _ rhs: BooleanArray) throws(ArrowError) -> BooleanArray {
        try kleene(lhs, rhs, dominant: false)
    }

    /// `a OR b`: true wins over null (`true OR null` is true), null wins over false.
    public static func or(_ lhs: BooleanArray, _ rhs: BooleanArray) throws(ArrowError) -> BooleanArray {
        try kleene(lhs, rhs, dominant: true)
    }

    /// `a XOR b`, null when either side is null.
    public static func xor(_ lhs: BooleanArray, _ rhs: BooleanArray) throws(ArrowError) -> BooleanArray {
        try checkLengths(lhs, rhs)
        var values = BitmapBuilder(capacity: lhs.count)
        for index in 0..<lhs.count { values.append(lhs.value(at: index) != rhs.value(at: index)) }
        return BooleanArray(values: values.finish(), count: lhs.count,
                            validity: intersectValidity(lhs, rhs, broadcastRight: false))
    }

    /// `NOT a`; null stays null.
    public static func not(_ array: BooleanArray) -> BooleanArray {
        var values = BitmapBuilder(capacity: array.count)
        for index in 0..<array.count { values.append(!array.value(at: index)) }
        return BooleanArray(values: values.finish(), count: array.count, validity: array.validity)
    }

    /// True where the element is null. Never null itself.
    public static func isNull(_ array: any ArrowArray) -> BooleanArray { nullTest(array, wantNull: true) }

    /// True where the element is not null. Never null itself.
    public static func isNotNull(_ array: any ArrowArray) -> BooleanArray { nullTest(array, wantNull: false) }

    private static func nullTest(_ array: any ArrowArray, wantNull: Bool) -> BooleanArray {
        var values = BitmapBuilder(capacity: array.count)
        for index in 0..<array.count { values.append(array.isNull(index) == wantNull) }
        return BooleanArray(values: values.finish(), count: array.count)
    }

    private static func kleene(_ lhs: BooleanArray, _ rhs: BooleanArray, dominant: Bool) throws(ArrowError)
        -> BooleanArray
    {
        try checkLengths(lhs, rhs)
        if lhs.nullCount == 0, rhs.nullCount == 0 {
            var values = BitmapBuilder(capacity: lhs.count)
            for index in 0..<lhs.count {
                let (a, b) = (lhs.value(at: index), rhs.value(at: index))
                values.append(dominant ? a || b : a && b)
            }
            return BooleanArray(values: values.finish(), count: lhs.count)
        }
        let builder = BooleanBuilder(capacity: lhs.count)
        for index in 0..<lhs.count {
            let a = lhs[index]
            let b = rhs[index]
            if a == dominant || b == dominant {
                builder.append(dominant)
            } else if let a, let b {
                builder.append(dominant ? a || b : a && b)
            } else {
                builder.appendNull()
            }
        }
        return builder.finishTyped()
    }

    static func checkLengths(_ lhs: any ArrowArray, _ rhs: any ArrowArray) throws(ArrowError) {
        guard lhs.count == rhs.count else {
            throw .invalidArgument("arrays differ in length: \(lhs.count) and \(rhs.count)")
        }
    }

    /// Validity of an element-wise binary kernel: valid where both inputs are valid. With `broadcastRight` the
    /// right side is a single value applied to every row.
    static func intersectValidity(_ lhs: any ArrowArray, _ rhs: any ArrowArray, broadcastRight: Bool)
        -> ValidityBitmap
    {
        if lhs.nullCount == 0, rhs.nullCount == 0 { return .allValid }
        var bits = BitmapBuilder(capacity: lhs.count)
        for index in 0..<lhs.count {
            bits.append(lhs.isValid(index) && rhs.isValid(broadcastRight ? 0 : index))
        }
        return bits.finishValidity()
    }
}
