import Foundation
import _CryptoExtras

/// The JSON credentials files Google tools write: a service account key from the console, or the
/// `authorized_user` file `gcloud auth application-default login` leaves behind. Parsed up front, so that a
/// broken file is reported by name when the store is created.
public enum GoogleCredentialsFile: Sendable {
    case serviceAccount(ServiceAccount)
    case authorizedUser(AuthorizedUser)

    public struct ServiceAccount: Sendable {
        public var clientEmail: String
        public var privateKeyID: String?
        public var tokenURI: String
        let privateKey: _RSA.Signing.PrivateKey
    }

    public struct AuthorizedUser: Sendable {
        public var clientID: String
        let clientSecret: String
        let refreshToken: String
        public var tokenURI: String
    }

    /// Google's token endpoint, for files that do not name one.
    public static let defaultTokenURI = "https://oauth2.googleapis.com/token"

    private struct Fields: Decodable {
        var type: String?
        var client_email: String?
        var private_key: String?
        var private_key_id: String?
        var token_uri: String?
        var client_id: String?
        var client_secret: String?
        var refresh_token: String?
    }

    /// Parses `json`; `source` names the file (or "the service account key option") in errors, which never
    /// quote the file's contents.
    public init(json: [UInt8], source: String) throws(ObjectStoreError) {
        let fields: Fields
        do {
            fields = try JSONDecoder().decode(Fields.self, from: Data(json))
        } catch {
            throw Self.invalid(source, "it is not a JSON object of string fields")
        }
        let tokenURI = fields.token_uri ?? Self.defaultTokenURI
        switch fields.type {
        case "service_account":
            guard let email = fields.client_email, let pem = fields.private_key else {
                throw Self.invalid(source, "a service account needs `client_email` and `private_key`")
            }
            let key: _RSA.Signing.PrivateKey
            do {
                key = try _RSA.Signing.PrivateKey(pemRepresentation: pem)
            } catch {
                throw Self.invalid(source, "`private_key` is not a PEM RSA private key of at least 2048 bits")
            }
            self = .serviceAccount(
                ServiceAccount(clientEmail: email, privateKeyID: fields.private_key_id, tokenURI: tokenURI, privateKey: key)
            )
        case "authorized_user":
            guard let id = fields.client_id, let secret = fields.client_secret, let refresh = fields.refresh_token else {
                throw Self.invalid(source, "authorized user credentials need `client_id`, `client_secret` and `refresh_token`")
            }
            self = .authorizedUser(AuthorizedUser(clientID: id, clientSecret: secret, refreshToken: refresh, tokenURI: tokenURI))
        case let other:
            throw Self.invalid(
                source, "credentials of type `\(other ?? "none")` are not supported (service_account, authorized_user)"
            )
        }
    }

    /// Reads and parses the file at `path`.
    public init(contentsOf path: String) throws(ObjectStoreError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ObjectStoreError(
                .invalidConfiguration, path: path, detail: "the Google credentials file cannot be read"
            )
        }
        try self.init(json: Array(data), source: path)
    }

    public var tokenURI: String {
        switch self {
        case .serviceAccount(let account): account.tokenURI
        case .authorizedUser(let user): user.tokenURI
        }
    }

    private static func invalid(_ source: String, _ reason: String) -> ObjectStoreError {
        ObjectStoreError(.invalidConfiguration, detail: "Google credentials in \(source): \(reason)")
    }
}
