extension Array where Element == WithOption {
    /// Finds an option by key, case-insensitively, as connectors look up their settings.
    public func option(_ key: String) -> WithOption? {
        let name = key.lowercased()
        return first { $0.key.name == name }
    }
}
