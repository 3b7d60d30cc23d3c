import LaminarSQL

/// The names a query can read, as the planner sees them.
public protocol PlanningCatalog: Sendable {
    /// The source or stream called `name` (matched case-insensitively), or nil.
    func relation(named name: String) -> CatalogRelation?
}

public enum CatalogRelation: Sendable {
    case source(SourceDescriptor)
    /// A named query (`CREATE STREAM s AS SELECT ...`), planned in place wherever it is read.
    case stream(Query)
}
