import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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

/// The small door the client talks through: URLSession in the app, anything in tests.
///
/// A transport reports failures to connect or to read as `.network`, an expired deadline as `.timeout` and
/// cancellation as `.cancelled`; any HTTP status, error or not, is a response.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(APIError) -> HTTPResponse
}

/// An HTTPS proxy taken from the environment (`HTTPS_PROXY`, else `https_proxy`).
public struct ProxySettings: Sendable, Hashable {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `HTTPS_PROXY` wins over `https_proxy`; a missing scheme means `http://`; a missing port means 80 for an
    /// `http://` proxy and 443 for an `https://` one. Nil when unset, empty or unreadable.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> ProxySettings?
    {
        guard
            let raw = [environment["HTTPS_PROXY"], environment["https_proxy"]].compactMap({ $0 }).first(where: {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty
            })
        else { return nil }
        let text = raw.trimmingCharacters(in: .whitespaces)
        let withScheme = text.contains("://") ? text : "http://" + text
        guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty else {
            return nil
        }
        let port = components.port ?? (components.scheme == "https" ? 443 : 80)
        return ProxySettings(host: host, port: port)
    }

    /// The `connectionProxyDictionary` form (the string values of `kCFNetworkProxiesHTTPS*`).
    public var connectionProxyDictionary: [AnyHashable: Any] {
        ["HTTPSEnable": 1, "HTTPSProxy": host, "HTTPSPort": port]
    }
}

/// Foundation's URLSession (libcurl on Linux).
///
/// Proxy: on Darwin, `HTTPS_PROXY`/`https_proxy` is applied through `connectionProxyDictionary`. On Linux,
/// swift-corelibs-foundation stores `connectionProxyDictionary` but never hands it to libcurl (its EasyHandle
/// has only a "TODO: Proxy setting"), so there it does nothing; instead libcurl itself reads the environment
/// because no `CURLOPT_PROXY` is set: `https_proxy`/`HTTPS_PROXY` for https URLs, `http_proxy` (lower case
/// only) for http URLs, `ALL_PROXY`, and `NO_PROXY` to bypass. Checked on this machine (Swift 6.3.1, Linux):
/// with `http_proxy` and `HTTPS_PROXY` pointing at a local listener, a request to an `http://` URL arrived
/// there as a proxied `GET` and one to an `https://` URL as a `CONNECT`. So the variable is honoured on both
/// platforms, by different layers.
///
/// Timeout: libcurl's timer takes whole seconds (`Int(timeoutInterval) * 1000`), so the request carries the
/// timeout rounded up; ``StorefrontClient`` enforces the exact deadline itself.
///
/// At most once: libcurl sends a request again, on a new connection, when the kept-alive connection it reused
/// dies before any answer — a POST included (checked on this machine: a server that read `POST /orders` and
/// closed the connection got it twice). A lost answer to `POST /orders` may still have placed the order, so a
/// request marked `atMostOnce` goes over a connection of its own (a one-off session), which libcurl never
/// retries; the failure reaches the caller, who looks before trying again. It costs a new connection per
/// cart change or order; reads keep reusing theirs.
///
/// The session is made at the first request, not with the transport: making one (its configuration) is a few ms
/// of the app's start, before its first frame, and no request is sent before that frame.
public final class URLSessionTransport: HTTPTransport {
    private let made: Mutex<URLSession?>
    private let proxy: ProxySettings?

    public init(session: URLSession? = nil, proxy: ProxySettings? = ProxySettings.fromEnvironment()) {
        made = Mutex(session)
        self.proxy = proxy
    }

    /// Whether the session is made yet (tests).
    var sessionIsMade: Bool { made.withLock { $0 != nil } }

    private var session: URLSession {
        made.withLock { made in
            if let made { return made }
            let configuration = URLSessionConfiguration.ephemeral
            configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
            configuration.urlCache = nil
            configuration.httpCookieStorage = nil
            if let proxy { configuration.connectionProxyDictionary = proxy.connectionProxyDictionary }
            let session = URLSession(configuration: configuration)
            made = session
            return session
        }
    }

    public func send(_ request: HTTPRequest) async throws(APIError) -> HTTPResponse {
        let session = session
        guard request.atMostOnce else { return try await send(request, over: session) }
        let once = URLSession(configuration: session.configuration)
        defer { once.finishTasksAndInvalidate() }
        return try await send(request, over: once)
    }

    private func send(_ request: HTTPRequest, over session: URLSession) async throws(APIError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        urlRequest.timeoutInterval = max(1, request.timeout.seconds.rounded(.up))
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        do {
            let (data, response) = try await session.data(for: urlRequest)
            guard let http = response as? HTTPURLResponse else { throw APIError.network("not an HTTP answer") }
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: data)
        } catch let error as APIError {
            throw error
        } catch let error as URLError {
            switch error.code {
            case .timedOut: throw .timeout
            case .cancelled: throw .cancelled
            default: throw .network(Self.describe(error))
            }
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw .network(error.localizedDescription)
        }
    }

    private static func describe(_ error: URLError) -> String {
        switch error.code {
        case .cannotConnectToHost: "connection refused"
        case .cannotFindHost, .dnsLookupFailed: "host not found"
        case .networkConnectionLost: "connection lost"
        case .notConnectedToInternet: "no network"
        case .badServerResponse: "bad answer from the server"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            "secure connection failed"
        default: error.localizedDescription
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
