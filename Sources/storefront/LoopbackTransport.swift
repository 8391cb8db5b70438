import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import StorefrontAPI

/// HTTP/1.1 to the in-process sandbox on loopback through SwiftNIO, which that sandbox's server already runs in this
/// process: a connection of its own per request (`Connection: close`), on the event loops the server uses.
///
/// Why not libcurl (``CurlTransport``, the transport for every other store): it is loaded when first used
/// (`CCurl`), and loading it (~30 libraries) holds the dynamic loader's lock, which blocks every thread being made
/// meanwhile; on a new home that is exactly when the sandbox starts its threads, and the catalog came ~5 ms later
/// whether libcurl was loaded with the first request or beside the sandbox's start (BENCHMARKS.md, run L). Nothing
/// here is made per request but the connection: no thread, no library.
///
/// The sandbox on loopback needs no TLS, proxy or redirect. A connection lost before the end of an answer is a
/// `.network` failure ("connection lost"), a refused one "connection refused"; the client's own deadline and
/// cancellation end the exchange (the connection is closed). A request is sent once: it has a new connection
/// and is never sent again here, so `atMostOnce` holds for every request.
struct LoopbackTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws(APIError) -> HTTPResponse {
        guard let host = request.url.host, let port = request.url.port else {
            throw .network("not a loopback address: \(request.url.absoluteString)")
        }
        do {
            return try await exchange(request, host: host, port: port)
        } catch let error as APIError {
            throw error
        } catch {
            if Task.isCancelled { throw .cancelled }
            throw .network(Self.describe(error))
        }
    }

    private func exchange(_ request: HTTPRequest, host: String, port: Int) async throws -> HTTPResponse {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(5))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(.head(Self.head(of: request, host: host, port: port)))
            if let body = request.body, !body.isEmpty {
                try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body))))
            }
            try await outbound.write(.end(nil))
            var status = 0
            var headers: [String: String] = [:]
            var body = Data()
            for try await part in inbound {
                switch part {
                case .head(let head):
                    status = Int(head.status.code)
                    for (name, value) in head.headers { headers[name.lowercased()] = value }
                case .body(let bytes):
                    body.append(contentsOf: bytes.readableBytesView)
                case .end:
                    return HTTPResponse(status: status, headers: headers, body: body)
                }
            }
            if Task.isCancelled { throw APIError.cancelled }
            throw APIError.network("connection lost (the sandbox closed it before the end of its answer)")
        }
    }

    static func head(of request: HTTPRequest, host: String, port: Int) -> HTTPRequestHead {
        // As the client escaped them (`URL.path` would decode an escaped `/` in a slug, or a space in a search).
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: true)
        let path = components?.percentEncodedPath ?? ""
        var target = path.isEmpty ? "/" : path
        if let query = components?.percentEncodedQuery { target += "?" + query }
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: request.verb), uri: target)
        head.headers.add(name: "Host", value: "\(host):\(port)")
        for (name, value) in request.headers { head.headers.replaceOrAdd(name: name, value: value) }
        if request.sendsBody {
            head.headers.replaceOrAdd(name: "Content-Length", value: "\(request.body?.count ?? 0)")
        }
        head.headers.replaceOrAdd(name: "Connection", value: "close")
        return head
    }

    private static func describe(_ error: any Error) -> String {
        if error is NIOConnectionError || (error as? IOError)?.errnoCode == ECONNREFUSED {
            return "connection refused (\(error))"
        }
        if let channelError = error as? ChannelError, channelError == .connectTimeout(.seconds(5)) {
            return "the sandbox did not accept the connection in 5 s"
        }
        return "connection lost (\(error))"
    }
}
