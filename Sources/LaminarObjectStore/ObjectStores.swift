import Foundation
import Synchronization

/// Opens the store a location names, configured by delta-rs / object_store style options: the one entry
/// point the engine, the SQL `WITH (...)` options and the command-line tool go through.
public enum ObjectStores {
    /// The store for `location`, rooted at its prefix. `memory://name/...` locations with the same name share
    /// one in-memory store for the life of the process, as the engine and a test harness must see the same
    /// table. Credentials and endpoints come from `options`, then from `environment`.
    public static func open(
        _ location: StoreLocation,
        options: StorageOptions = StorageOptions(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> any ObjectStore {
        switch location.scheme {
        case .file:
            return try LocalObjectStore(location: location)
        case .memory:
            let store = try memoryStore(named: location.bucket ?? "")
            return location.prefix.isRoot ? store : PrefixedObjectStore(store, prefix: location.prefix)
        case .s3:
            return try S3ObjectStore(location: location, options: options, environment: environment)
        case .gcs:
            let merged = options.merging(environment: environment)
            guard let accessID = merged.googleHMACAccessID, let secret = merged.googleHMACSecret else {
                return try GCSObjectStore(location: location, options: options, environment: environment)
            }
            return try S3ObjectStore(
                configuration: .googleInteroperability(
                    bucket: location.bucket ?? "", prefix: location.prefix, endpoint: merged.googleEndpoint,
                    allowHTTP: try merged.allowHTTP(for: .google)
                ),
                credentials: AWSCredentials(accessKeyID: accessID, secretAccessKey: secret),
                clientOptions: HTTPClientOptions(options: merged, provider: .google), retryPolicy: .default,
                client: nil, logger: .init(label: "laminar.objectstore.gcs")
            )
        case .azure:
            return try AzureObjectStore(location: location, options: options, environment: environment)
        }
    }

    /// Parses `url` and opens its store.
    public static func open(
        _ url: String,
        options: StorageOptions = StorageOptions(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> any ObjectStore {
        try open(StoreLocation(url), options: options, environment: environment)
    }

    /// The process-wide in-memory store called `name`, created on first use.
    public static func memoryStore(named name: String) throws -> InMemoryObjectStore {
        try memoryStores.withLock { stores in
            if let store = stores[name] { return store }
            let store = try InMemoryObjectStore()
            stores[name] = store
            return store
        }
    }

    private static let memoryStores = Mutex<[String: InMemoryObjectStore]>([:])
}
