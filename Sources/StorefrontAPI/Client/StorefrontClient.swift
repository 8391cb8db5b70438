import Foundation
import Logging

/// The typed client of the storefront API, with the session lifecycle of the official SDK's automatic mode:
/// an anonymous token on first need, refresh shortly before expiry and once on a 401 (then the request is
/// retried once), and a new anonymous session plus `APIError.signedOut` when refresh fails.
public actor StorefrontClient {
    public nonisolated let configuration: ClientConfiguration
    let transport: any HTTPTransport
    let tokenStore: any TokenStore
    let logger: Logger
    let now: @Sendable () -> Date
    var tokens: TokenPair?
    /// A refresh or anonymous bootstrap in flight, shared by concurrent callers.
    var pendingSession: Task<TokenPair, any Error>?

    public init(
        configuration: ClientConfiguration, transport: any HTTPTransport = URLSessionTransport(),
        tokenStore: any TokenStore = MemoryTokenStore(), logger: Logger = Logger(label: "storefront.api"),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.configuration = configuration
        self.transport = transport
        self.tokenStore = tokenStore
        self.logger = logger
        self.now = now
        self.tokens = tokenStore.load()
    }

    // MARK: Session

    /// Who the current token says we are, creating an anonymous session if there is none.
    public func session() async throws(APIError) -> TokenClaims {
        let access = try await validAccessToken()
        guard let claims = TokenClaims(jwt: access) else {
            throw .decoding(path: "access_token", message: "not a JWT")
        }
        return claims
    }

    /// The claims of the stored token, without any request.
    public func peekSession() -> TokenClaims? {
        tokens.flatMap { TokenClaims(jwt: $0.accessToken) }
    }

    /// Replaces the tokens (after verify-otp, logout) and persists them.
    func adopt(_ pair: TokenPair) {
        tokens = pair
        tokenStore.save(pair)
    }

    /// Forgets the session entirely; the next call starts a new anonymous one.
    public func clearSession() {
        tokens = nil
        tokenStore.save(nil)
    }

    func validAccessToken() async throws(APIError) -> String {
        if let tokens, let claims = TokenClaims(jwt: tokens.accessToken),
            !claims.expires(within: configuration.refreshMargin, of: now())
        {
            return tokens.accessToken
        }
        if let tokens, TokenClaims(jwt: tokens.accessToken) == nil {
            // An opaque token: trust it until the server says 401.
            return tokens.accessToken
        }
        if tokens != nil {
            do {
                return try await refreshSession().accessToken
            } catch {
                // Refresh failed before the call: start anew as a guest.
                return try await startAnonymousSession().accessToken
            }
        }
        return try await startAnonymousSession().accessToken
    }

    func startAnonymousSession() async throws(APIError) -> TokenPair {
        let content: AuthContent = try await perform(
            method: "POST", path: "/auth/anonymous", body: Optional<EmptyContent>.none, auth: .apiKey, retryable: false)
        adopt(content.tokens)
        return content.tokens
    }

    /// Rotates the token pair with the refresh token.
    func refreshSession() async throws(APIError) -> TokenPair {
        guard let refresh = tokens?.refreshToken else { throw .signedOut }
        struct Body: Encodable { var refreshToken: String }
        let content: TokenPair = try await perform(
            method: "POST", path: "/auth/refresh-token", body: Body(refreshToken: refresh), auth: .none,
            retryable: false)
        adopt(content)
        return content
    }

    // MARK: Requests

    enum Auth { case bearer, apiKey, none }

    /// Sends a request with the session's token; on a 401 refreshes once and retries once.
    func send<Body: Encodable & Sendable, Content: Decodable & Sendable>(
        _ method: String, _ path: String, query: [URLQueryItem] = [], body: Body?, as: Content.Type = Content.self
    ) async throws(APIError) -> Content {
        let retryable = method == "GET"
        do {
            return try await perform(
                method: method, path: path, query: query, body: body, auth: .bearer,
                retryable: retryable)
        } catch .http(status: 401, _, _, _) {
            do {
                _ = try await refreshSession()
            } catch {
                _ = try? await startAnonymousSession()
                throw .signedOut
            }
            return try await perform(
                method: method, path: path, query: query, body: body, auth: .bearer,
                retryable: retryable)
        }
    }

    func get<Content: Decodable & Sendable>(_ path: String, query: [URLQueryItem] = [], as: Content.Type = Content.self)
        async throws(APIError) -> Content
    {
        try await send("GET", path, query: query, body: Optional<EmptyContent>.none)
    }

    func perform<Body: Encodable & Sendable, Content: Decodable & Sendable>(
        method: String, path: String, query: [URLQueryItem] = [], body: Body?, auth: Auth, retryable: Bool
    ) async throws(APIError) -> Content {
        var components = URLComponents(
            url: configuration.baseURL.appendingPathComponent(path),
            resolvingAgainstBaseURL: false)!
        if !query.isEmpty { components.queryItems = query }
        var headers = ["Accept": "application/json"]
        if configuration.debugMode { headers["x-debug-mode"] = "true" }
        switch auth {
        case .bearer: headers["Authorization"] = "Bearer \(try await validAccessToken())"
        case .apiKey: headers["X-Api-Key"] = configuration.apiKey
        case .none: break
        }
        var data: Data?
        if let body {
            headers["Content-Type"] = "application/json"
            do { data = try Coding.encoder.encode(body) } catch {
                throw .decoding(path: "request body", message: "\(error)")
            }
        }
        let request = HTTPRequest(
            method: method, url: components.url!, headers: headers, body: data,
            timeout: configuration.timeout)
        let attempts = retryable ? max(1, configuration.maxAttempts) : 1
        var attempt = 0
        while true {
            attempt += 1
            let started = ContinuousClock.now
            do {
                let response = try await transport.send(request)
                log(method: method, path: path, status: response.status, since: started)
                if response.status >= 500, attempt < attempts {
                    try await backoff(attempt)
                    continue
                }
                return try Coding.decodeEnvelope(Content.self, from: response)
            } catch let error where error.isTransient && attempt < attempts && error.status == nil {
                log(method: method, path: path, status: nil, since: started)
                try await backoff(attempt)
            } catch {
                throw error
            }
        }
    }

    private func backoff(_ attempt: Int) async throws(APIError) {
        do {
            try await Task.sleep(for: .milliseconds(100 * (1 << min(attempt, 5))))
        } catch {
            throw .cancelled
        }
    }

    private func log(method: String, path: String, status: Int?, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let ms = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        logger.debug(
            "\(method) \(Redaction.path(path)) \(status.map(String.init) ?? "no answer") \(ms)ms")
    }

    /// The user id of the session, for the paths that name it.
    func userID() async throws(APIError) -> String {
        try await session().userId
    }
}

/// Keeps secrets out of logs: ids in auth paths are kept, tokens and OTPs never reach a log line.
public enum Redaction {
    public static func path(_ path: String) -> String { path }

    /// Replaces the values of secret-bearing keys in a JSON or header dump.
    public static func redact(_ text: String) -> String {
        var result = text
        for key in ["access_token", "refresh_token", "otp", "otp_token", "Authorization", "X-Api-Key", "password"] {
            let pattern = "(\"?\(key)\"?\\s*[:=]\\s*\"?)([^\",}\\s]+)"
            if let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) {
                result = regex.stringByReplacingMatches(
                    in: result, range: NSRange(result.startIndex..., in: result), withTemplate: "$1[redacted]")
            }
        }
        return result
    }
}
