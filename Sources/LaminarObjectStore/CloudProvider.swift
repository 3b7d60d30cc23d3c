/// The vendors whose option names `StorageOptions` knows; a key prefixed with one vendor's name never
/// configures another vendor's store.
public enum CloudProvider: String, Sendable, Hashable, CaseIterable {
    case aws
    case google
    case azure
}
