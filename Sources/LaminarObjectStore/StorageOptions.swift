import Foundation

/// The key/value options a user passes with a location (`storage_options` in delta-rs), read through typed
/// accessors. Names are matched ignoring case and in all the spellings users bring from other tools; values
/// from the process environment fill in only what the explicit options leave unset.
public struct StorageOptions: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, ExpressibleByDictionaryLiteral
{
    private var explicit: [StorageOptionKey: String] = [:]
    private var environment: [StorageOptionKey: String] = [:]
    /// Options under names no vendor table knows, by lowercased name: kept for backends that read options of
    /// their own, and so a caller can warn about typos.
    public private(set) var unrecognized: [String: String] = [:]

    public init(_ options: [String: String] = [:]) {
        for (name, value) in Self.inPreferenceOrder(options) { set(name, to: value) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements) { _, last in last })
    }

    /// Sets an option under any spelling; a later call for the same key replaces an earlier one.
    public mutating func set(_ name: String, to value: String) {
        if let (key, _) = StorageOptionKey.parse(name) {
            explicit[key] = value
        } else {
            unrecognized[name.lowercased()] = value
        }
    }

    /// These options with the vendor variables of `variables` (`AWS_REGION`, `GOOGLE_SERVICE_ACCOUNT`,
    /// `AZURE_STORAGE_ACCOUNT_NAME`…) underneath. Short names such as `REGION` or `TOKEN` are ignored: in an
    /// environment they belong to other programs.
    public func merging(environment variables: [String: String]) -> StorageOptions {
        var merged = self
        for (name, value) in Self.inPreferenceOrder(variables) {
            guard let (key, _) = StorageOptionKey.parse(name), key.provider != nil else { continue }
            merged.environment[key] = value
        }
        return merged
    }

    /// `merging(environment:)` with this process's environment.
    public func mergingProcessEnvironment() -> StorageOptions {
        merging(environment: ProcessInfo.processInfo.environment)
    }

    /// The value a store of `provider` uses for `setting`: an explicit vendor-specific name, then an explicit
    /// short name, then the environment.
    public func value(_ setting: StorageSetting, for provider: CloudProvider) -> String? {
        value(preferring: [setting], for: provider)
    }

    /// The first of `settings` that is set, searching each layer for all of them before the next layer, so an
    /// explicit fallback setting still wins over the environment's preferred one.
    func value(preferring settings: [StorageSetting], for provider: CloudProvider) -> String? {
        let layers: [(values: [StorageOptionKey: String], provider: CloudProvider?)] =
            [(explicit, provider), (explicit, nil), (environment, provider)]
        for layer in layers {
            for setting in settings {
                if let value = layer.values[StorageOptionKey(provider: layer.provider, setting: setting)] {
                    return value
                }
            }
        }
        return nil
    }

    /// The value under exactly this name (in any spelling of its key), explicit or from the environment, or of
    /// an unrecognized option.
    public subscript(name: String) -> String? {
        guard let (key, _) = StorageOptionKey.parse(name) else { return unrecognized[name.lowercased()] }
        return explicit[key] ?? environment[key]
    }

    public var isEmpty: Bool { explicit.isEmpty && environment.isEmpty && unrecognized.isEmpty }

    /// A boolean option: `true`/`false`, `1`/`0`, `yes`/`no` or `on`/`off`; anything else is an error, so a
    /// typo cannot silently mean `false`.
    public func flag(_ setting: StorageSetting, for provider: CloudProvider) throws -> Bool? {
        guard let text = value(setting, for: provider) else { return nil }
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw invalidValue(setting, provider, text, expected: "true or false")
        }
    }

    /// A duration option: a whole number with an optional unit `ms`, `s`, `m`/`min` or `h` (seconds without
    /// one), as `30s` or `500ms`.
    public func duration(_ setting: StorageSetting, for provider: CloudProvider) throws -> Duration? {
        guard let text = value(setting, for: provider) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        guard let amount = Int64(digits) else { throw invalidValue(setting, provider, text, expected: "a duration") }
        switch unit {
        case "ms": return .milliseconds(amount)
        case "", "s": return .seconds(amount)
        case "m", "min", "h":
            let (seconds, overflow) = amount.multipliedReportingOverflow(by: unit == "h" ? 3600 : 60)
            guard !overflow else { throw invalidValue(setting, provider, text, expected: "a shorter duration") }
            return .seconds(seconds)
        default: throw invalidValue(setting, provider, text, expected: "a duration such as 30s or 500ms")
        }
    }

    private func invalidValue(_ setting: StorageSetting, _ provider: CloudProvider, _ text: String,
                              expected: String) -> ObjectStoreError {
        let shown = setting.isSecret ? "***" : "`\(text)`"
        return ObjectStoreError(.invalidConfiguration,
                                detail: "option \(StorageOptionKey(provider: provider, setting: setting)) is \(shown), expected \(expected)")
    }

    /// Every option by preferred name, secrets as `***`. Unrecognized options are masked too: nothing says
    /// what a name nobody knows holds. URLs lose their user info and query, where proxies and endpoints
    /// carry credentials.
    public var description: String {
        func entries(_ values: [StorageOptionKey: String]) -> [String] {
            values.map { key, value in
                "\(key): " + (key.setting.isSecret ? "***" : "\"\(StoreLocation.redacted(value))\"")
            }.sorted()
        }
        var parts = entries(explicit) + unrecognized.keys.sorted().map { "\($0): ***" }
        let fromEnvironment = entries(environment)
        if !fromEnvironment.isEmpty { parts.append("environment: [" + fromEnvironment.joined(separator: ", ") + "]") }
        return "StorageOptions(" + parts.joined(separator: ", ") + ")"
    }

    public var debugDescription: String { description }

    /// Reflection (`dump`, test failure messages) shows the redacted description, never the stored values.
    public var customMirror: Mirror { Mirror(self, children: ["options": description], displayStyle: .struct) }

    /// `options` ordered so that, applied in turn, the preferred spelling of each key is applied last and wins;
    /// ties are broken by name, so the outcome never depends on dictionary order.
    private static func inPreferenceOrder(_ options: [String: String]) -> [(String, String)] {
        options.sorted { lhs, rhs in
            let left = StorageOptionKey.parse(lhs.key)?.rank ?? 0
            let right = StorageOptionKey.parse(rhs.key)?.rank ?? 0
            return left != right ? left > right : lhs.key > rhs.key
        }
    }
}
