import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A loopback HTTP server that answers the n-th request it receives with the n-th scripted action, for
/// failures a real server will not produce on demand: 5xx answers, and connections dropped after the request
/// body arrived. It reads each request completely (head and `Content-Length` body) before acting, so a drop
/// proves the request reached the server.
final class ScriptedHTTPServer: Sendable {
    enum Action: Sendable {
        case respond(Int)
        /// Answers with a status, extra headers and a body.
        case answer(Int, headers: [String], body: String)
        /// Closes the connection without answering, after the whole request was read.
        case drop
    }

    let port: Int
    private let channel: any Channel
    private let log: Log

    final class Log: Sendable {
        let state = Mutex<(requests: [String], heads: [String], script: [Action], fallback: Action)>(
            ([], [], [], .respond(500))
        )

        func next(request line: String, head: String) -> Action {
            state.withLock { state in
                state.requests.append(line)
                state.heads.append(head)
                return state.script.isEmpty ? state.fallback : state.script.removeFirst()
            }
        }
    }

    /// Starts a server that plays `script`, then `fallback` for every further request.
    init(script: [Action], fallback: Action = .respond(500)) async throws {
        let log = Log()
        log.state.withLock { $0 = ([], [], script, fallback) }
        self.log = log
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(RequestHandler(log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        port = channel.localAddress?.port ?? 0
    }

    /// The request lines received so far, such as `PUT /bucket/key HTTP/1.1`.
    var requests: [String] { log.state.withLock { $0.requests } }

    /// The request heads received so far: the request line and the header lines, separated by CRLF.
    var heads: [String] { log.state.withLock { $0.heads } }

    var endpoint: String { "http://127.0.0.1:\(port)" }

    func shutdown() async throws { try await channel.close() }

    private final class RequestHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        let log: Log
        var received: [UInt8] = []

        init(log: Log) { self.log = log }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            received += buffer.readBytes(length: buffer.readableBytes) ?? []
            while let (line, head, length) = completeRequest() {
                received.removeFirst(length)
                switch log.next(request: line, head: head) {
                case .respond(let status):
                    let head = "HTTP/1.1 \(status) Scripted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: head))).assumeIsolated().whenComplete { _ in
                        context.close(promise: nil)
                    }
                case .answer(let status, let headers, let body):
                    let head = "HTTP/1.1 \(status) Scripted\r\n" + headers.map { $0 + "\r\n" }.joined()
                        + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
                    context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: head + body))).assumeIsolated()
                        .whenComplete { _ in context.close(promise: nil) }
                case .drop:
                    context.close(promise: nil)
                }
                return
            }
        }

        /// The request line, head and total length of the first complete request in `received`.
        private func completeRequest() -> (String, String, Int)? {
            let terminator = Array("\r\n\r\n".utf8)
            guard let end = received.indices.first(where: { received[$0...].starts(with: terminator) }) else {
                return nil
            }
            let head = String(decoding: received[..<end], as: UTF8.self)
            let lines = head.split(separator: "\r\n")
            let length = lines.dropFirst().compactMap { line -> Int? in
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                return Int(parts[1].trimmingCharacters(in: .whitespaces))
            }.first ?? 0
            let total = end + terminator.count + length
            guard received.count >= total else { return nil }
            return (lines.first.map(String.init) ?? "", head, total)
        }
    }
}
