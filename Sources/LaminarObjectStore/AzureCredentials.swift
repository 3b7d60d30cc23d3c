import Foundation

/// How an `AzureObjectStore` authenticates: a Shared Key (the account key), a shared access signature, a
/// static OAuth bearer token, or nothing at all for public containers. `description`, reflection and `dump`
/// show which kind it is and never the secret.
public struct AzureCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    enum Kind: Sendable {
        case sharedKey(account: String, key: [UInt8])
        case sharedAccessSignature(AzureSASToken)
        case bearerToken(String)
        case anonymous
    }

    let kind: Kind

    /// Shared Key authorization with the account's base64 access key, as the portal shows it.
    public static func sharedKey(account: String, base64Key: String) throws -> AzureCredentials {
        guard let key = Data(base64Encoded: base64Key.trimmingCharacters(in: .whitespacesAndNewlines)),
            !key.isEmpty
        else {
            throw ObjectStoreError(
                .invalidConfiguration, detail: "the Azure account key for `\(account)` is not valid base64"
            )
        }
        return AzureCredentials(kind: .sharedKey(account: account, key: Array(key)))
    }

    /// A SAS token as the portal or `az` print it (`sv=…&sig=…`), with or without the leading `?`.
    public static func sasToken(_ token: String) throws -> AzureCredentials {
        AzureCredentials(kind: .sharedAccessSignature(try AzureSASToken(token)))
    }

    /// A static OAuth 2 access token for `https://storage.azure.com/`; it is not refreshed.
    public static func bearerToken(_ token: String) throws -> AzureCredentials {
        let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 }) else {
            throw ObjectStoreError(.invalidConfiguration, detail: "the Azure bearer token is empty or malformed")
        }
        return AzureCredentials(kind: .bearerToken(trimmed))
    }

    /// No authorization: only containers with public read access answer.
    public static let anonymous = AzureCredentials(kind: .anonymous)

    /// The Azurite / storage emulator development account and its published key.
    public static let emulator = AzureCredentials(
        kind: .sharedKey(
            account: AzureConfiguration.emulatorAccount,
            key: Array(Data(base64Encoded: AzureConfiguration.emulatorAccountKey) ?? Data())
        )
    )

    /// The signer that applies these credentials to each request.
    var signer: any RequestSigner {
        switch kind {
        case .sharedKey(let account, let key): AzureSharedKeySigner(account: account, key: key)
        case .sharedAccessSignature(let token): AzureSASSigner(token: token)
        case .bearerToken(let token): AzureBearerTokenSigner(token: token)
        case .anonymous: AzureAnonymousSigner()
        }
    }

    /// The account a Shared Key belongs to; `nil` for the other kinds, which do not name one.
    var sharedKeyAccount: String? {
        if case .sharedKey(let account, _) = kind { return account }
        return nil
    }

    /// The SAS, which must also authorize the source URL of a copy.
    var sharedAccessSignature: AzureSASToken? {
        if case .sharedAccessSignature(let token) = kind { return token }
        return nil
    }

    public var description: String {
        switch kind {
        case .sharedKey(let account, _): "AzureCredentials(shared key of account \(account))"
        case .sharedAccessSignature: "AzureCredentials(shared access signature)"
        case .bearerToken: "AzureCredentials(bearer token)"
        case .anonymous: "AzureCredentials(anonymous)"
        }
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["credentials": description], displayStyle: .struct) }
}
