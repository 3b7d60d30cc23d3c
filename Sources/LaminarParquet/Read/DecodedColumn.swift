/// The levels and non-null values of one column chunk, as decoded from its pages.
struct DecodedColumn {
    /// One per entry; empty when the column's maximum definition level is 0.
    var definitions: [Int16]
    /// One per entry; empty when the column's maximum repetition level is 0.
    var repetitions: [Int16]
    var values: PhysicalValues
    var entryCount: Int
}
