import Foundation
import Logging

/// The typed client of the storefront API, with the session lifecycle of the official SDK's automatic mode:
///
/// - an anonymous session (`POST /auth/anonymous` with the API key) on first need;
/// - tokens from anonymous, verify-otp, password login, refresh and logout adopted and persisted at once;
/// - a refresh shortly before `exp` and once on a 401, then the request sent once more;
/// - concurrent callers that need a new session share one refresh (or one anonymous bootstrap);
/// - when the refresh is rejected, a new anonymous session and ``APIError/signedOut``.
///
/// Idempotent requests are retried on transient failures (``RetryPolicy``); every attempt has a deadline
/// (``ClientConfiguration/timeout``) and is logged (method, path, status, ms) with secrets redacted.
public actor StorefrontClient {
    public nonisolated let configuration: ClientConfiguration
    let transport: any HTTPTransport
    let tokenStore: any TokenStore
    let logger: Logger
    let now: @Sendable () -> Date
    var tokens: TokenPair?
    /// A refresh or anonymous bootstrap in flight, shared by concurrent callers (single flight).
    var pendingSession: Task<Result<TokenPair, APIError>, Never>?
    /// The store's Juspay gateway reference id, read once (``juspayGatewayReference()``).
    var gatewayReference: String?
    /// Juspay customers made by this client, by user id (made once per user).
    var juspayCustomers: [String: JuspayCustomer] = [:]
    /// A support client: the one token it was given, never refreshed, never replaced by an anonymous session.
    let fixedSession: Bool
    /// A support client's way to a new support token when its own expires (nil: it fails with 401 instead).
    let renewSupportToken: (@Sendable () async throws(APIError) -> String)?
    /// A support token renewal in flight, shared by concurrent callers.
    var pendingRenewal: Task<Result<String, APIError>, Never>?
    /// The store said it is a sandbox (`x-storefront-sandbox: true` on an answer): only then are OTPs asked for
    /// in answers (`x-debug-mode`), unless the configuration asks for them itself.
    public private(set) var storeSaysSandbox = false
    /// The last answer of each cart read that carried an `ETag`, by URL: the next read of it sends `If-None-Match`,
    /// and a `304 Not Modified` is answered from here (a cart re-read every few seconds then moves bytes only when it
    /// changed). Only cart reads: they are few, and re-read on a timer.
    var conditionalAnswers: [String: ConditionalAnswer] = [:]

    public init(
        configuration: ClientConfiguration, transport: any HTTPTransport = StandardTransport.make(),
        tokenStore: any TokenStore = MemoryTokenStore(), logger: Logger = Logger(label: "storefront.api"),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.configuration = configuration
        self.transport = transport
        self.tokenStore = tokenStore
        self.logger = logger
        self.now = now
        self.tokens = tokenStore.load()
        self.fixedSession = false
        self.renewSupportToken = nil
    }

    /// A read-only support client on `supportToken` (``supportSignIn(configuration:supportKey:transport:)`` or an
    /// operator-issued token). The token is kept in memory only (never in a customer's token file); it is not
    /// refreshed, and when it expires calls fail with 401 instead of starting a guest session, unless `renew`
    /// is given: then an expired (or refused) token is replaced by what `renew` answers (a support key at hand
    /// mints a new one), once for all the callers waiting on it.
    public init(
        configuration: ClientConfiguration, supportToken: String,
        transport: any HTTPTransport = StandardTransport.make(),
        logger: Logger = Logger(label: "storefront.api"), now: @escaping @Sendable () -> Date = Date.init,
        renew: (@Sendable () async throws(APIError) -> String)? = nil
    ) {
        self.configuration = configuration
        self.transport = transport
        self.tokenStore = MemoryTokenStore()
        self.logger = logger
        self.now = now
        self.tokens = TokenPair(accessToken: supportToken, refreshToken: "")
        self.fixedSession = true
        self.renewSupportToken = renew
    }

    // MARK: Session

    /// Who the session is (as the auth answers said), creating an anonymous session if there is none.
    ///
    /// Tokens no answer identified (a token file written by an older version) are dropped for a new guest
    /// session: the user id is never guessed from the token.
    public func session() async throws(APIError) -> TokenClaims {
        let access = try await validAccessToken()
        if fixedSession { return TokenClaims(supportToken: access) }
        if let held = tokens, let claims = TokenClaims(pair: held) { return claims }
        logger.notice("the stored session has no user identity; starting a new guest session")
        clearSession()
        let pair = try await sharedSessionChange(refresh: false)
        guard let claims = TokenClaims(pair: pair) else {
            throw .decoding(path: "content.user.id", message: "missing from the anonymous session's answer")
        }
        return claims
    }

    /// The session of the stored tokens, without any request (nil when there are none, or no identity).
    public func peekSession() -> TokenClaims? {
        if fixedSession { return tokens.map { TokenClaims(supportToken: $0.accessToken) } }
        return tokens.flatMap { TokenClaims(pair: $0) }
    }

    /// The tokens held now (for diagnostics and tests; never log them).
    public func currentTokens() -> TokenPair? { tokens }

    /// Replaces the tokens (after verify-otp, password login, logout, refresh) and persists them. A pair whose
    /// answer named no user (refresh, change password) keeps the identity of the session it replaces.
    func adopt(_ pair: TokenPair) {
        var pair = pair
        if pair.identity == nil { pair.identity = tokens?.identity }
        tokens = pair
        tokenStore.save(pair)
    }

    /// Rotates the token pair now (`POST /auth/refresh-token`), shared with any refresh already in flight.
    /// Throws ``APIError/signedOut`` (after starting a guest session) when the server rejects the refresh token.
    @discardableResult
    public func refreshSession() async throws(APIError) -> TokenClaims? {
        let pair = try await sharedSessionChange(refresh: tokens != nil)
        return TokenClaims(pair: pair)
    }

    /// Forgets the session entirely; the next call starts a new anonymous one.
    public func clearSession() {
        tokens = nil
        tokenStore.save(nil)
    }

    /// An access token good for a request: the held one, a refreshed one when it expires within the margin,
    /// or a new anonymous session's when there is none.
    func validAccessToken() async throws(APIError) -> String {
        if fixedSession { return try await fixedAccessToken() }
        if let pendingSession {
            return try await pendingSession.value.get().accessToken
        }
        guard let held = tokens else {
            return try await sharedSessionChange(refresh: false).accessToken
        }
        // An opaque token has no `exp`: it is trusted until the server says 401.
        let times = TokenTimes(held.accessToken)
        let margin = SessionPolicy.margin(configured: configuration.refreshMargin, times: times)
        guard times.expires(within: margin, of: now()) else { return held.accessToken }
        do {
            return try await sharedSessionChange(refresh: true).accessToken
        } catch .signedOut {
            throw .signedOut
        } catch {
            // The refresh could not be made (no connection...): a token that has not expired yet still works.
            if !times.expires(within: 0, of: now()) { return held.accessToken }
            throw error
        }
    }

    /// After a 401 with `rejected`: the tokens someone else already rotated, else one shared refresh.
    func renewedSession(after rejected: String) async throws(APIError) -> TokenPair {
        if fixedSession {
            if let tokens, tokens.accessToken != rejected { return tokens }
            return TokenPair(accessToken: try await renewedSupportToken(), refreshToken: "")
        }
        if let pendingSession {
            return try await pendingSession.value.get()
        }
        if let tokens, tokens.accessToken != rejected { return tokens }
        return try await sharedSessionChange(refresh: tokens != nil)
    }

    /// The header by which a sandbox announces itself (names are lower case in ``HTTPResponse/headers``).
    static let sandboxHeader = "x-storefront-sandbox"

    static let supportTokenExpired = APIError.http(
        status: 401, code: "TOKEN_EXPIRED", message: "The support token was refused or has expired: get a new one.",
        details: [])

    /// The support token, unless it has expired (then a renewed one, when the client can renew it).
    private func fixedAccessToken() async throws(APIError) -> String {
        if let pendingRenewal { return try await pendingRenewal.value.get() }
        guard let held = tokens, !TokenTimes(held.accessToken).expires(within: 0, of: now()) else {
            return try await renewedSupportToken()
        }
        return held.accessToken
    }

    /// A new support token from ``renewSupportToken`` (one renewal for all the callers meanwhile), kept in memory.
    private func renewedSupportToken() async throws(APIError) -> String {
        guard let renewSupportToken else { throw Self.supportTokenExpired }
        if let pendingRenewal { return try await pendingRenewal.value.get() }
        let task = Task { () async -> Result<String, APIError> in
            do throws(APIError) {
                return .success(try await renewSupportToken())
            } catch {
                return .failure(error)
            }
        }
        pendingRenewal = task
        let result = await task.value
        if pendingRenewal == task { pendingRenewal = nil }
        let token = try result.get()
        tokens = TokenPair(accessToken: token, refreshToken: "")
        logger.notice("the support token expired; a new one was minted with the support key")
        return token
    }

    /// Runs a refresh (or anonymous bootstrap) once for all the callers that need it meanwhile.
    private func sharedSessionChange(refresh: Bool) async throws(APIError) -> TokenPair {
        if let pendingSession {
            return try await pendingSession.value.get()
        }
        let task = Task { refresh ? await self.refreshNow() : await self.startAnonymousNow() }
        pendingSession = task
        let result = await task.value
        if pendingSession == task { pendingSession = nil }
        return try result.get()
    }

    /// `POST /auth/anonymous` with the API key; adopts the answer unless another session arrived meanwhile.
    private func startAnonymousNow() async -> Result<TokenPair, APIError> {
        do {
            let content: AuthContent = try await perform(
                method: "POST", path: "/auth/anonymous", body: Optional<EmptyContent>.none,
                auth: .apiKey, idempotent: false)
            if let tokens { return .success(tokens) }  // a login landed while we waited
            adopt(content.tokens)
            return .success(content.tokens)
        } catch .http(let status, let code, _, let details) where status == 401 || status == 403 {
            return .failure(
                .http(
                    status: status, code: code,
                    message: "The store did not accept this app's API key. Check the store settings (X-Api-Key).",
                    details: details))
        } catch {
            return .failure(error)
        }
    }

    /// `POST /auth/refresh-token`. Rejected → signed out: tokens dropped, a new anonymous session started
    /// (best effort) and `.signedOut`. Any other failure keeps the tokens.
    private func refreshNow() async -> Result<TokenPair, APIError> {
        guard var held = tokens else { return await startAnonymousNow() }
        // Another process on the same token file (a second window) may have rotated the pair already; our
        // refresh token is then spent. Take theirs, and refresh only if it is about to expire too.
        if let stored = tokenStore.load(), stored != held {
            tokens = stored
            held = stored
            let times = TokenTimes(stored.accessToken)
            let margin = SessionPolicy.margin(configured: configuration.refreshMargin, times: times)
            if !times.expires(within: margin, of: now()) { return .success(stored) }
        }
        struct Body: Encodable, Sendable { var refreshToken: String }
        do {
            var pair: TokenPair = try await perform(
                method: "POST", path: "/auth/refresh-token", body: Body(refreshToken: held.refreshToken),
                auth: SessionPolicy.refreshSendsAccessToken ? .bearer(held.accessToken) : .none,
                idempotent: false)
            // Only if nobody replaced the tokens meanwhile (a verify-otp must not be undone by a late refresh).
            guard tokens == held else { return .success(tokens ?? pair) }
            if pair.identity == nil { pair.identity = held.identity }
            adopt(pair)
            return .success(pair)
        } catch let error where SessionPolicy.refreshRejected(error) {
            guard tokens == held else { return tokens.map { .success($0) } ?? .failure(.signedOut) }
            logger.notice(
                "session refresh rejected; starting a new anonymous session",
                metadata: ["status": "\(error.status ?? 0)"])
            clearSession()
            _ = await startAnonymousNow()
            return .failure(.signedOut)
        } catch {
            return .failure(error)
        }
    }

    // MARK: Requests

    enum Auth {
        case session
        case bearer(String)
        case apiKey
        case none
    }

    /// Sends a request with the session's token; on a 401 renews the session once and sends it once more.
    ///
    /// `idempotent` defaults to "is a GET"; idempotent requests are retried on transient failures.
    func send<Body: Encodable & Sendable, Content: Decodable & Sendable>(
        _ method: String, _ path: String, query: [URLQueryItem] = [], body: Body?, idempotent: Bool? = nil,
        as: Content.Type = Content.self
    ) async throws(APIError) -> Content {
        let idempotent = idempotent ?? (method == "GET")
        let token = try await validAccessToken()
        do {
            return try await perform(
                method: method, path: path, query: query, body: body, auth: .bearer(token), idempotent: idempotent)
        } catch .http(status: 401, _, _, _) {
            let renewed = try await renewedSession(after: token)
            logger.debug("401: session renewed, sending once more", metadata: ["path": "\(path)"])
            return try await perform(
                method: method, path: path, query: query, body: body, auth: .bearer(renewed.accessToken),
                idempotent: idempotent)
        }
    }

    /// Sends a `multipart/form-data` body (a file upload), with the session's token like ``send(_:_:query:body:idempotent:as:)``.
    func sendForm<Content: Decodable & Sendable>(_ method: String, _ path: String, form: MultipartForm)
        async throws(APIError) -> Content
    {
        try await send(method, path, body: form, idempotent: false)
    }

    func get<Content: Decodable & Sendable>(_ path: String, query: [URLQueryItem] = [], as: Content.Type = Content.self)
        async throws(APIError) -> Content
    {
        try await send("GET", path, query: query, body: Optional<EmptyContent>.none)
    }

    /// One request: attempts (with retries when idempotent), each with the deadline, each logged.
    func perform<Body: Encodable & Sendable, Content: Decodable & Sendable>(
        method: String, path: String, query: [URLQueryItem] = [], body: Body?, auth: Auth, idempotent: Bool,
        headers extraHeaders: [String: String] = [:]
    ) async throws(APIError) -> Content {
        var request = try await makeRequest(method: method, path: path, query: query, body: body, auth: auth)
        request.headers.merge(extraHeaders) { _, extra in extra }
        let conditionalKey = method == "GET" && path.hasPrefix("/carts/") ? request.url.absoluteString : nil
        if let conditionalKey, let known = conditionalAnswers[conditionalKey] {
            request.headers["If-None-Match"] = known.tag
        }
        request.timeout = configuration.timeout
        request.atMostOnce = !idempotent
        let maxAttempts = max(1, configuration.maxAttempts)
        var attempt = 0
        while true {
            attempt += 1
            let started = ContinuousClock.now
            let outcome: Result<Content, APIError>
            var status: Int?
            do {
                var response = try await sendWithDeadline(request)
                status = response.status
                if let conditionalKey { response = remember(response, for: conditionalKey) }
                if response.headers[Self.sandboxHeader] == "true" { storeSaysSandbox = true }
                logTrace(request: request, response: response)
                let drops = DecodingDrops()
                outcome = Result { () throws(APIError) -> Content in
                    try Coding.decodeEnvelope(Content.self, from: response, drops: drops)
                }
                logDrops(drops.all, method: method, path: path)
            } catch {
                outcome = .failure(error)
            }
            log(method: method, path: path, status: status, outcome: outcome, attempt: attempt, since: started)
            switch outcome {
            case .success(let content):
                return content
            case .failure(let error):
                guard
                    RetryPolicy.shouldRetry(
                        error, idempotent: idempotent, attempt: attempt, maxAttempts: maxAttempts)
                else { throw error }
                do {
                    try await Task.sleep(
                        for: RetryPolicy.delay(afterAttempt: attempt, base: configuration.retryBaseDelay))
                } catch {
                    throw .cancelled
                }
            }
        }
    }

    private func makeRequest<Body: Encodable & Sendable>(
        method: String, path: String, query: [URLQueryItem], body: Body?, auth: Auth
    ) async throws(APIError) -> HTTPRequest {
        let base =
            configuration.baseURL.absoluteString.hasSuffix("/")
            ? String(configuration.baseURL.absoluteString.dropLast()) : configuration.baseURL.absoluteString
        guard var components = URLComponents(string: base + path) else {
            throw .network("invalid URL for \(path)")
        }
        if !query.isEmpty { components.queryItems = query }
        guard let url = components.url else { throw .network("invalid URL for \(path)") }
        var headers = ["Accept": "application/json"]
        if configuration.debugMode || storeSaysSandbox { headers["x-debug-mode"] = "true" }
        if let group = configuration.customerGroupID, !group.isEmpty { headers["x-customer-group-id"] = group }
        switch auth {
        case .session: headers["Authorization"] = "Bearer \(try await validAccessToken())"
        case .bearer(let token): headers["Authorization"] = "Bearer \(token)"
        case .apiKey: headers["X-Api-Key"] = configuration.apiKey
        case .none: break
        }
        var data: Data?
        if let raw = body as? any RawRequestBody {
            headers["Content-Type"] = raw.contentType
            data = raw.data
        } else if let body {
            headers["Content-Type"] = "application/json"
            do { data = try Coding.encoder.encode(body) } catch {
                throw .decoding(path: "request body", message: "\(error)")
            }
        }
        return HTTPRequest(method: method, url: url, headers: headers, body: data, timeout: configuration.timeout)
    }

    /// The transport's answer, or `.timeout` when the configured deadline passes first (whatever the transport
    /// does with its own timeout; the losing transport call is cancelled).
    private func sendWithDeadline(_ request: HTTPRequest) async throws(APIError) -> HTTPResponse {
        let transport = self.transport
        let deadline = request.timeout
        let result = await withTaskGroup(of: Result<HTTPResponse, APIError>?.self) { group in
            group.addTask {
                do throws(APIError) {
                    return .success(try await transport.send(request))
                } catch {
                    return .failure(error)
                }
            }
            group.addTask {
                do {
                    try await Task.sleep(for: deadline)
                } catch {
                    return nil
                }
                return .failure(.timeout)
            }
            var outcome: Result<HTTPResponse, APIError> = .failure(.cancelled)
            while let next = await group.next() {
                if let next {
                    outcome = next
                    break
                }
            }
            group.cancelAll()
            return outcome
        }
        if Task.isCancelled, case .failure = result { throw .cancelled }
        return try result.get()
    }

    // MARK: Logging

    private func log<Content>(
        method: String, path: String, status: Int?, outcome: Result<Content, APIError>, attempt: Int,
        since started: ContinuousClock.Instant
    ) {
        let elapsed = ContinuousClock.now - started
        let ms = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        var metadata: Logger.Metadata = [
            "method": "\(method)", "path": "\(Redaction.path(path))", "status": "\(status.map(String.init) ?? "-")",
            "ms": "\(ms)",
        ]
        if attempt > 1 { metadata["attempt"] = "\(attempt)" }
        let line: Logger.Message = "\(method) \(Redaction.path(path)) \(status.map(String.init) ?? "-") \(ms)ms"
        switch outcome {
        case .success:
            logger.info(line, metadata: metadata)
        case .failure(let error):
            metadata["error"] = "\(Redaction.redact(error.message))"
            // The message names fields in words; the log keeps the store's code and field as sent.
            if case .http(_, let code, _, let details) = error {
                if let code { metadata["code"] = "\(code)" }
                if let field = details.first?.field { metadata["field"] = "\(field)" }
            }
            logger.warning(line, metadata: metadata)
        }
    }

    /// Each list element an answer carried that could not be read: the endpoint, its id and JSON path.
    private func logDrops(_ drops: [DroppedElement], method: String, path: String) {
        for drop in drops {
            logger.warning(
                "\(method) \(Redaction.path(path)): left out an element that could not be read",
                metadata: [
                    "endpoint": "\(method) \(Redaction.path(path))", "id": "\(drop.id ?? "-")",
                    "json_path": "\(drop.path)", "reason": "\(drop.reason)",
                ])
        }
    }

    private func logTrace(request: HTTPRequest, response: HTTPResponse) {
        guard logger.logLevel <= .trace else { return }
        logger.trace(
            "request",
            metadata: [
                "url": "\(request.url.path)", "headers": "\(Redaction.headers(request.headers))",
                "body": "\(Redaction.body(request.body))",
            ])
        logger.trace(
            "response",
            metadata: [
                "status": "\(response.status)", "headers": "\(Redaction.headers(response.headers))",
                "body": "\(Redaction.body(response.body))",
            ])
    }

    /// The user id of the session, for the paths that name it.
    func userID() async throws(APIError) -> String {
        try await session().userId
    }
}

extension Redaction {
    /// Paths carry ids (user, cart, order), which are kept; nothing secret travels in a path.
    public static func path(_ path: String) -> String { path }
}
