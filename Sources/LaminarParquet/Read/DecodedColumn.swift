import LaminarArrow

/// The levels and non-null values of one column chunk, as decoded from its pages.
struct DecodedColumn {
    /// One per entry; empty when the column's maximum definition level is 0, and for flat columns.
    var definitions: [Int16]
    /// One per entry; empty when the column's maximum repetition level is 0.
    var repetitions: [Int16]
    var values: PhysicalValues
    var entryCount: Int
    /// For flat columns (maximum definition level 1, no repetition) the levels reduced to what they say: which
    /// entries hold a value. Keeping two bytes per entry for them would cost more memory than most values.
    var validity: ValidityBitmap?
}
