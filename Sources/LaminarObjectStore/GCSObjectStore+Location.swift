import AsyncHTTPClient
import Foundation
import Logging

extension GCSObjectStore {
    /// A store for a `gs://` location configured by object_store style options, the environment's
    /// `GOOGLE_*` variables filling in what the options leave unset. Credentials are chosen once, here, so a
    /// missing or broken key file fails now rather than on the first request:
    /// 1. `skip_signature`: no credentials (public buckets);
    /// 2. `google_service_account_key` (the JSON itself), then `google_service_account` /
    ///    `google_application_credentials` / `GOOGLE_APPLICATION_CREDENTIALS` (a file): a service account or
    ///    an authorized user;
    /// 3. `google_bearer_token`: a token obtained elsewhere;
    /// 4. `STORAGE_EMULATOR_HOST` without an explicit endpoint: an emulator, which takes anyone;
    /// 5. gcloud's application default credentials file under `$HOME/.config/gcloud`.
    public init(
        location: StoreLocation,
        options: StorageOptions,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        retryPolicy: RetryPolicy = .default,
        client: HTTPClient? = nil,
        logger: Logger = Logger(label: "laminar.objectstore.gcs")
    ) throws {
        let options = options.merging(environment: environment)
        let clientOptions = try HTTPClientOptions(options: options, provider: .google)
        let client = try client ?? clientOptions.client()
        try self.init(
            configuration: GCSConfiguration(location: location, options: options, environment: environment),
            signer: try Self.signer(options: options, environment: environment, client: client, logger: logger),
            clientOptions: clientOptions, retryPolicy: retryPolicy, client: client, logger: logger
        )
    }

    static func signer(
        options: StorageOptions, environment: [String: String], client: HTTPClient, logger: Logger
    ) throws -> any RequestSigner {
        if try options.googleSkipSignature { return UnsignedRequests() }
        func exchanging(_ file: GoogleCredentialsFile) throws -> any RequestSigner {
            let transport = HTTPTransport(client: client, signer: UnsignedRequests(), logger: logger)
            return GoogleBearerSigner(tokens: try GoogleOAuthTokens(credentials: file, transport: transport))
        }
        let file: GoogleCredentialsFile?
        if let json = options.googleServiceAccountKey {
            file = try GoogleCredentialsFile(json: Array(json.utf8), source: "the google_service_account_key option")
        } else if let path = options.googleServiceAccountPath ?? options.googleApplicationCredentials {
            file = try GoogleCredentialsFile(contentsOf: path)
        } else {
            file = nil
        }
        if let file { return try exchanging(file) }
        if let token = options.googleBearerToken { return GoogleBearerSigner(tokens: StaticGoogleToken(token)) }
        if options.googleEndpoint == nil, GCSConfiguration.emulatorEndpoint(environment) != nil {
            return UnsignedRequests()
        }
        if let home = environment["HOME"] {
            let path = home + "/.config/gcloud/application_default_credentials.json"
            if FileManager.default.fileExists(atPath: path) { return try exchanging(GoogleCredentialsFile(contentsOf: path)) }
        }
        throw ObjectStoreError(
            .invalidConfiguration,
            detail: "no Google credentials found: set google_service_account (a key file), "
                + "google_service_account_key, GOOGLE_APPLICATION_CREDENTIALS, google_bearer_token or skip_signature"
        )
    }
}
