import Foundation
import Synchronization

@testable import StorefrontAPI

/// A transport that sends every request through a real one (``CurlTransport``, the app's, by default) and keeps each
/// exchange: the request and the answer's status and body, in the order they were sent.
final class RecordingTransport: HTTPTransport {
    struct Exchange: Sendable {
        let request: HTTPRequest
        let response: HTTPResponse

        var method: String { request.method }
        /// The URL's path, without the query.
        var path: String { request.url.path }
    }

    private let inner: any HTTPTransport
    private let recorded = Mutex<[Exchange]>([])

    init(_ inner: any HTTPTransport = CurlTransport(trust: .system)) {
        self.inner = inner
    }

    func send(_ request: HTTPRequest) async throws(APIError) -> HTTPResponse {
        let response = try await inner.send(request)
        recorded.withLock { $0.append(Exchange(request: request, response: response)) }
        return response
    }

    /// Every exchange so far, oldest first.
    var exchanges: [Exchange] { recorded.withLock { $0 } }
}
