import Foundation
import _CryptoExtras

/// A JSON Web Token signed with RS256 (RFC 7519, RFC 7515): the assertion a service account presents to
/// Google's OAuth 2.0 token endpoint. Only signing is needed, since the token endpoint does the verifying.
enum JSONWebToken {
    struct Header: Encodable {
        var alg = "RS256"
        var typ = "JWT"
        var kid: String?
    }

    /// The claims of Google's JWT bearer grant: who asks (`iss`), for what (`scope`), from whom (`aud`, the
    /// token endpoint) and for how long (`iat` to `exp`, at most an hour).
    struct GrantClaims: Encodable {
        var iss: String
        var scope: String
        var aud: String
        var iat: Int64
        var exp: Int64
        var sub: String?
    }

    /// `header.claims.signature`, each part base64url-encoded.
    static func signed(
        header: Header, claims: some Encodable, key: _RSA.Signing.PrivateKey
    ) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let input = Base64URL.encode(try encoder.encode(header)) + "." + Base64URL.encode(try encoder.encode(claims))
        return input + "." + (try signature(of: input, key: key))
    }

    /// The RS256 signature of a JWS signing input: RSASSA-PKCS1-v1_5 over SHA-256, which is deterministic, so a
    /// published example signature can be reproduced exactly.
    static func signature(of signingInput: String, key: _RSA.Signing.PrivateKey) throws -> String {
        let signature = try key.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return Base64URL.encode(signature.rawRepresentation)
    }
}
