/// One entry of a select list.
public enum SelectItem: Sendable, Hashable {
    /// `*`
    case wildcard
    /// `t.*`
    case qualifiedWildcard(Identifier)
    /// `expr [AS alias]`
    case expression(Expression, alias: Identifier?)
}
