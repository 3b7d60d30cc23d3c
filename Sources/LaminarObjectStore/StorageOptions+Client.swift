extension StorageOptions {
    /// Plain HTTP is refused unless asked for, so credentials are not sent in the clear by accident.
    public func allowHTTP(for provider: CloudProvider) throws -> Bool {
        try flag(.allowHTTP, for: provider) ?? false
    }

    public func allowInvalidCertificates(for provider: CloudProvider) throws -> Bool {
        try flag(.allowInvalidCertificates, for: provider) ?? false
    }

    /// The limit on a whole request; `nil` leaves the backend's default.
    public func timeout(for provider: CloudProvider) throws -> Duration? {
        try duration(.timeout, for: provider)
    }

    public func connectTimeout(for provider: CloudProvider) throws -> Duration? {
        try duration(.connectTimeout, for: provider)
    }

    public func userAgent(for provider: CloudProvider) -> String? { value(.userAgent, for: provider) }

    public func proxyURL(for provider: CloudProvider) -> String? { value(.proxyURL, for: provider) }
}
