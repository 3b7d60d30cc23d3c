import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// The HTTP layer every cloud backend shares: signs each attempt, retries what is safe to retry and reports the
/// rest as `ObjectStoreError`s that never contain a credential. Backends differ only in their `RequestSigner`
/// and in how they read answers.
///
/// Retrying is where object stores lose data: a conditional create whose answer was lost may have landed, and
/// re-sending it would then fail its own precondition. So a `.conditionalCreate` request is re-sent only when
/// it provably never reached the server (the connection was never made, or its body was never read), and is
/// otherwise reported as `.unknownOutcome` for the caller to resolve.
public struct HTTPTransport: Sendable {
    public var client: HTTPClient
    public var signer: any RequestSigner
    public var retryPolicy: RetryPolicy
    /// The limit for one attempt, from sending the request to receiving the response head.
    public var attemptTimeout: Duration
    public var logger: Logger
    /// Sent with every request, so that server operators can tell who is calling.
    public var userAgent = "laminardb"

    public init(
        client: HTTPClient = HTTPTransport.sharedClient,
        signer: any RequestSigner,
        retryPolicy: RetryPolicy = .default,
        attemptTimeout: Duration = .seconds(300),
        logger: Logger = Logger(label: "laminar.objectstore.http")
    ) {
        self.client = client
        self.signer = signer
        self.retryPolicy = retryPolicy
        self.attemptTimeout = attemptTimeout
        self.logger = logger
    }

    /// Redirects are not followed (a redirected signed request fails authentication anyway, and S3 answers a
    /// wrong region with one), and the client does not retry connection establishment itself, so that
    /// `RetryPolicy` alone decides how often and how long a request is tried.
    public static var recommendedConfiguration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.decompression = .disabled
        return configuration
    }

    /// One client for the whole process; it lives as long as the process, so it is never shut down.
    public static let sharedClient = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: recommendedConfiguration
    )

    /// Sends `request`, retrying per `retryPolicy`, and returns the final answer whatever its status, so that
    /// the backend can read its error document. Throws `.alreadyExists` for a `.conditionalCreate` answered 412
    /// or 409, `.unknownOutcome` when such a request may have landed without an answer, `.unavailable` when the
    /// server could not be reached within the policy, and `CancellationError` when the task was cancelled.
    public func send(_ request: SignableRequest) async throws -> TransportResponse {
        let summary = "\(request.method) \(request.redactedURL)"
        let clock = ContinuousClock()
        let start = clock.now
        var random = SystemRandomNumberGenerator()
        var attempt = 0
        var earlierAttemptMayHaveLanded = false
        while true {
            attempt += 1
            try Task.checkCancellation()
            var signed = request
            try await signer.sign(&signed, at: Date())
            let body = TrackedRequestBody(bytes: signed.body)
            let failure: any Error
            do {
                let response = try await execute(signed, body: body, summary: summary)
                logger.debug(
                    "object store answered",
                    metadata: ["request": "\(summary)", "status": "\(response.status)", "attempt": "\(attempt)"]
                )
                if request.semantics == .conditionalCreate, response.status == 412 || response.status == 409 {
                    guard !earlierAttemptMayHaveLanded else {
                        throw ObjectStoreError(
                            .unknownOutcome,
                            detail: "\(summary): precondition failed on a retry after an earlier attempt failed on "
                                + "the server; the object may be this writer's own",
                            status: response.status
                        )
                    }
                    throw ObjectStoreError(
                        .alreadyExists, detail: "\(summary): the object already exists", status: response.status
                    )
                }
                guard Self.isRetryable(status: response.status) else { return response }
                let delay = retryPolicy.delay(forRetry: attempt, using: &random)
                guard retryPolicy.allowsRetry(attempt, elapsed: start.duration(to: clock.now), delay: delay) else {
                    return response
                }
                if request.semantics == .conditionalCreate, !Self.isThrottling(status: response.status) {
                    earlierAttemptMayHaveLanded = true
                }
                logger.info(
                    "retrying object store request",
                    metadata: [
                        "request": "\(summary)", "status": "\(response.status)", "attempt": "\(attempt)",
                        "delay": "\(delay)",
                    ]
                )
                try await Task.sleep(for: delay)
                continue
            } catch let error as ObjectStoreError {
                throw error
            } catch {
                failure = error
            }

            if failure is CancellationError || Task.isCancelled { throw CancellationError() }
            let description = Self.describe(failure)
            if request.semantics == .conditionalCreate,
                !Self.neverReachedServer(failure, bodyPulled: body.wasPulled, bodyLength: signed.body.count)
            {
                throw ObjectStoreError(
                    .unknownOutcome,
                    detail: "\(summary): the request was sent but its answer was lost (\(description)); "
                        + "whether the object was written is unknown"
                )
            }
            guard Self.isRetryable(failure) else {
                throw ObjectStoreError(.io, detail: "\(summary): \(description)")
            }
            let delay = retryPolicy.delay(forRetry: attempt, using: &random)
            guard retryPolicy.allowsRetry(attempt, elapsed: start.duration(to: clock.now), delay: delay) else {
                throw ObjectStoreError(
                    .unavailable, detail: "\(summary): \(description) (gave up after \(attempt) attempts)"
                )
            }
            logger.info(
                "retrying object store request",
                metadata: [
                    "request": "\(summary)", "error": "\(description)", "attempt": "\(attempt)", "delay": "\(delay)",
                ]
            )
            try await Task.sleep(for: delay)
        }
    }

    /// `send(_:)`, naming `path` in any error that does not name an object yet.
    public func send(_ request: SignableRequest, path: ObjectPath?) async throws -> TransportResponse {
        do {
            return try await send(request)
        } catch var error as ObjectStoreError {
            error.path = error.path ?? path?.rawValue
            throw error
        }
    }

    private func execute(
        _ request: SignableRequest, body: TrackedRequestBody, summary: String
    ) async throws -> TransportResponse {
        var http = HTTPClientRequest(url: request.url)
        http.method = HTTPMethod(rawValue: request.method)
        http.headers.add(name: "User-Agent", value: userAgent)
        for header in request.headers {
            http.headers.add(name: header.name, value: header.value)
        }
        if !request.body.isEmpty {
            http.body = .stream(body, length: .known(Int64(request.body.count)))
        }
        logger.trace("sending object store request", metadata: ["request": "\(summary)"])
        let response = try await client.execute(
            http, deadline: .now() + .nanoseconds(attemptTimeout.saturatingNanoseconds), logger: logger
        )
        let bytes = try await response.body.collect(upTo: Int.max)
        return TransportResponse(
            status: Int(response.status.code),
            headers: response.headers.map { (name: $0.name, value: $0.value) },
            body: Array(buffer: bytes),
            requestSummary: summary
        )
    }

    /// Throttling answers mean the server turned the request away before acting on it.
    static func isThrottling(status: Int) -> Bool { status == 429 || status == 503 }

    static func isRetryable(status: Int) -> Bool {
        status == 429 || ((500...599).contains(status) && status != 501 && status != 505)
    }

    /// Failures of the client itself (a malformed URL or header, a shut-down client) fail the same way again.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let error = error as? HTTPClientError else { return true }
        let permanent: [HTTPClientError] = [
            .invalidURL, .emptyHost, .emptyScheme, .alreadyShutdown, .cancelled, .traceRequestWithBody,
            .bodyLengthMismatch, .invalidRedirectConfiguration, .invalidHTTPVersionConfiguration,
            .missingSocketPath, .identityCodingIncorrectlyPresent,
        ]
        return !permanent.contains(error)
    }

    /// Whether `error` proves that the server cannot have acted on the request: the connection was never
    /// established, or the body of a request that has one was never read from (a server cannot complete a
    /// request whose declared body never arrived).
    static func neverReachedServer(_ error: any Error, bodyPulled: Bool, bodyLength: Int) -> Bool {
        if bodyLength > 0, !bodyPulled { return true }
        if error is NIOConnectionError { return true }
        if let error = error as? HTTPClientError {
            let beforeSending: [HTTPClientError] = [
                .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout, .socksHandshakeTimeout,
                .httpProxyHandshakeTimeout,
            ]
            return beforeSending.contains(error)
        }
        if let error = error as? ChannelError, case .connectTimeout = error { return true }
        if let error = error as? IOError, error.errnoCode == ECONNREFUSED { return true }
        return false
    }

    /// Transport errors describe hosts, ports and errno values, never headers, so they are safe to show.
    static func describe(_ error: any Error) -> String {
        String(describing: error)
    }
}
