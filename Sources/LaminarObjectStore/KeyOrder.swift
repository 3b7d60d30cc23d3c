/// Key comparisons by UTF-8 bytes, the order S3, GCS and Azure list in; `String`'s own `<` and `hasPrefix`
/// compare canonically equivalent Unicode as equal, which would make the local stores disagree with the cloud.
enum KeyOrder {
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    static func hasPrefix(_ key: String, _ prefix: String) -> Bool {
        key.utf8.starts(with: prefix.utf8)
    }
}
