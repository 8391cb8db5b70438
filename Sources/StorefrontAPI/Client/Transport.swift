import Foundation

/// One HTTP exchange, free of any networking library.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?
    public var timeout: Duration
    /// Not idempotent (`POST /orders`, a cart change): the transport must not send it twice on its own.
    public var atMostOnce: Bool

    public init(
        method: String, url: URL, headers: [String: String] = [:], body: Data? = nil,
        timeout: Duration = .seconds(15), atMostOnce: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.atMostOnce = atMostOnce
    }

    /// The method in upper case (`get` is `GET`).
    public var verb: String { method.uppercased() }

    /// Whether a body goes with the request: one was given, or the method carries one (an empty one then).
    public var sendsBody: Bool { body != nil || ["POST", "PUT", "PATCH"].contains(verb) }
}

public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// The small door the client talks through: libcurl in the app (``CurlTransport``), anything in tests.
///
/// A transport reports failures to connect or to read as `.network`, an expired deadline as `.timeout` and
/// cancellation as `.cancelled`; any HTTP status, error or not, is a response.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(APIError) -> HTTPResponse
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
