import LaminarSQL

/// The `WITH (...)` options of one source or sink, checked against the keys its connector accepts.
///
/// Keys compare case-insensitively. An unknown key is an error that lists the valid ones, so a typo such as
/// `rows_per_sec` fails at `CREATE` time instead of being silently ignored.
public struct ConnectorOptions: Sendable {
    public let connector: String
    private let options: [String: WithOption]

    /// `keys` are the accepted names; `prefixes` accept families such as `fields.<column>.kind`.
    public init(_ options: [WithOption], connector: String, keys: [String], prefixes: [String] = []) throws(SQLError) {
        self.connector = connector
        var table: [String: WithOption] = [:]
        let accepted = Set(keys + ["type", "connector"])
        for option in options {
            let key = option.key.name
            guard accepted.contains(key) || prefixes.contains(where: { key.hasPrefix($0) }) else {
                let valid = (keys + prefixes.map { $0 + "..." }).sorted().joined(separator: ", ")
                throw SQLError(kind: .invalidOption,
                               message: "unknown option '\(option.key.spelling)' for a \(connector) connector; valid options: \(valid)",
                               location: option.key.location, length: option.key.spelling.count)
            }
            table[key] = option
        }
        self.options = table
    }

    public subscript(key: String) -> WithOption? { options[key] }

    /// Every option whose key starts with `prefix`, by the rest of the key.
    public func family(_ prefix: String) -> [String: WithOption] {
        var result: [String: WithOption] = [:]
        for (key, option) in options where key.hasPrefix(prefix) { result[String(key.dropFirst(prefix.count))] = option }
        return result
    }

    public func string(_ key: String) throws(SQLError) -> String? { try options[key]?.string() }
    public func int(_ key: String) throws(SQLError) -> Int64? { try options[key]?.int() }
    public func double(_ key: String) throws(SQLError) -> Double? { try options[key]?.double() }
    public func bool(_ key: String) throws(SQLError) -> Bool? { try options[key]?.bool() }
    public func size(_ key: String) throws(SQLError) -> Int64? { try options[key]?.size() }
    public func duration(_ key: String) throws(SQLError) -> Duration? { try options[key]?.duration() }

    public func required(_ key: String) throws(SQLError) -> String {
        guard let value = try string(key) else {
            throw SQLError(kind: .invalidOption, message: "a \(connector) connector needs the option '\(key)'",
                           location: .unknown)
        }
        return value
    }

    /// An option value that must be one of `choices`.
    public func choice(_ key: String, _ choices: [String]) throws(SQLError) -> String? {
        guard let option = options[key] else { return nil }
        let value = try option.string().lowercased()
        guard choices.contains(value) else {
            throw SQLError(kind: .invalidOption,
                           message: "option '\(key)' must be one of \(choices.joined(separator: ", ")), found '\(value)'",
                           location: option.valueLocation)
        }
        return value
    }

    /// An error pointing at `key`'s value.
    public func invalid(_ key: String, _ message: String) -> SQLError {
        SQLError(kind: .invalidOption, message: "option '\(key)': \(message)", location: options[key]?.valueLocation ?? .unknown)
    }
}
