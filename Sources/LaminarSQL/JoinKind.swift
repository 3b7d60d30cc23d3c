/// The join flavours the grammar accepts; which ones execute on streams is decided by the planner.
public enum JoinKind: Sendable, Hashable, CaseIterable {
    case inner
    case left
    case right
    case full
    case cross

    public var sql: String {
        switch self {
        case .inner: return "JOIN"
        case .left: return "LEFT JOIN"
        case .right: return "RIGHT JOIN"
        case .full: return "FULL JOIN"
        case .cross: return "CROSS JOIN"
        }
    }
}
