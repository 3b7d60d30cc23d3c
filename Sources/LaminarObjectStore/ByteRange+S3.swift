extension ByteRange {
    /// A range that selects no bytes whatever the object's size; S3 would ignore its malformed header and send
    /// the whole object.
    var isEmptyRequest: Bool {
        switch self {
        case .bounded(let range): range.isEmpty
        case .suffix(let count): count == 0
        case .from: false
        }
    }
}
