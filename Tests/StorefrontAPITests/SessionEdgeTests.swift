import Foundation
import Testing

@testable import StorefrontAPI

/// The session lifecycle against a scripted local server: refresh on 401, refresh before expiry,
/// single-flight refresh, rejected refresh, anonymous bootstrap.
@Suite("Session edges (scripted server)", .timeLimit(.minutes(5)))
struct SessionEdgeTests {
    static let products = #"{"products":[{"id":"p1","name":"Masala Chai"}],"pagination":{"total_records":1}}"#

    /// A store holding a logged-in session whose access token the client believes is good for an hour.
    /// A signed-in session as verify-otp leaves it: the tokens and the identity its `content.user` gave.
    static func signedIn(_ user: String = "u1") -> TokenPair {
        TokenPair(
            accessToken: TestJWT.make(userId: user, anonymous: false), refreshToken: "refresh-old",
            identity: SessionIdentity(userId: user, isAnonymous: false, isLoggedIn: true))
    }

    @Test("expired token: 401 → one refresh → the request is sent again and succeeds")
    func expiredTokenRefreshesAndRetries() async throws {
        let fresh = TokenPair(accessToken: TestJWT.make(userId: "u1", anonymous: false), refreshToken: "refresh-new")
        let server = try await ScriptedServer.start { request, count in
            switch request.route {
            case "GET /catalog/products":
                return request.bearer == fresh.accessToken
                    ? .ok(Self.products) : .error(401, code: "TOKEN_EXPIRED", message: "Access token expired")
            case "POST /auth/refresh-token":
                return .ok(#"{"access_token":"\#(fresh.accessToken)","refresh_token":"\#(fresh.refreshToken)"}"#)
            default:
                return .error(404, code: "NOT_FOUND", message: "no route")
            }
        }
        defer { Task { await server.stop() } }
        let stale = Self.signedIn()
        let store = MemoryTokenStore(stale)
        let client = TestClient.make(server.baseURL, store: store)

        let page = try await client.products()

        #expect(page.products.map(\.id) == ["p1"])
        #expect(
            server.requests.map(\.route) == [
                "GET /catalog/products", "POST /auth/refresh-token", "GET /catalog/products",
            ])
        #expect(server.requests[0].bearer == stale.accessToken)
        #expect(server.requests[1].json["refresh_token"] as? String == "refresh-old")
        #expect(server.requests[2].bearer == fresh.accessToken)
        // The refresh answer names no user: the stored pair keeps the identity of the session it renewed.
        #expect(
            store.load()
                == TokenPair(accessToken: fresh.accessToken, refreshToken: "refresh-new", identity: stale.identity))
        await server.stop()
    }

    @Test("a token about to expire is refreshed before the request, not after a 401")
    func refreshesShortlyBeforeExpiry() async throws {
        let fresh = TokenPair(accessToken: TestJWT.make(userId: "u1", anonymous: false), refreshToken: "refresh-new")
        let server = try await ScriptedServer.start { request, _ in
            switch request.route {
            case "POST /auth/refresh-token":
                .ok(#"{"access_token":"\#(fresh.accessToken)","refresh_token":"\#(fresh.refreshToken)"}"#)
            case "GET /catalog/products":
                request.bearer == fresh.accessToken
                    ? .ok(Self.products) : .error(401, code: "UNAUTHORIZED", message: "no")
            default: .error(404, code: "NOT_FOUND", message: "no route")
            }
        }
        // Lifetime 1 h, 20 s left: inside the 60 s margin.
        let ending = TokenPair(
            accessToken: TestJWT.make(
                userId: "u1", anonymous: false, expiresIn: 3600, now: Date().addingTimeInterval(-3580)),
            refreshToken: "refresh-old")
        let client = TestClient.make(server.baseURL, tokens: ending)

        _ = try await client.products()

        #expect(server.requests.map(\.route) == ["POST /auth/refresh-token", "GET /catalog/products"])
        #expect(await client.currentTokens() == fresh)
        await server.stop()
    }

    @Test("concurrent callers needing a refresh share one refresh")
    func concurrentCallersShareOneRefresh() async throws {
        let fresh = TokenPair(accessToken: TestJWT.make(userId: "u1", anonymous: false), refreshToken: "refresh-new")
        let server = try await ScriptedServer.start { request, _ in
            switch request.route {
            case "POST /auth/refresh-token":
                .ok(#"{"access_token":"\#(fresh.accessToken)","refresh_token":"\#(fresh.refreshToken)"}"#)
            case "GET /catalog/products":
                request.bearer == fresh.accessToken
                    ? .ok(Self.products) : .error(401, code: "TOKEN_EXPIRED", message: "expired")
            default: .error(404, code: "NOT_FOUND", message: "no route")
            }
        }
        let expired = TokenPair(
            accessToken: TestJWT.make(userId: "u1", anonymous: false, expiresIn: -10), refreshToken: "refresh-old")
        let client = TestClient.make(server.baseURL, tokens: expired)

        let pages = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try await client.products().products.count } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }

        #expect(pages == Array(repeating: 1, count: 8))
        #expect(server.requests("POST /auth/refresh-token").count == 1)
        #expect(server.requests("GET /catalog/products").allSatisfy { $0.bearer == fresh.accessToken })
        await server.stop()
    }

    @Test("two processes on one token file: the second takes the pair the first rotated instead of refreshing")
    func secondProcessTakesRotatedPair() async throws {
        let fresh = TokenPair(accessToken: TestJWT.make(userId: "u1", anonymous: false), refreshToken: "refresh-new")
        let server = try await ScriptedServer.start { request, count in
            switch request.route {
            case "POST /auth/refresh-token":
                count == 1
                    ? .ok(#"{"access_token":"\#(fresh.accessToken)","refresh_token":"\#(fresh.refreshToken)"}"#)
                    : .error(401, code: "UNAUTHORIZED", message: "Refresh token has already been used")
            case "GET /catalog/products": .ok(Self.products)
            default: .error(404, code: "NOT_FOUND", message: "no route")
            }
        }
        let directory = TestClient.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("tokens.json")
        let expiring = TokenPair(
            accessToken: TestJWT.make(userId: "u1", anonymous: false, expiresIn: -5), refreshToken: "refresh-old")
        FileTokenStore(fileURL: file).save(expiring)
        let first = TestClient.make(server.baseURL, store: FileTokenStore(fileURL: file))
        let second = TestClient.make(server.baseURL, store: FileTokenStore(fileURL: file))

        _ = try await first.products()
        _ = try await second.products()

        #expect(server.requests("POST /auth/refresh-token").count == 1)
        #expect(server.requests("GET /catalog/products").map(\.bearer) == [fresh.accessToken, fresh.accessToken])
        #expect(await second.currentTokens() == fresh)
        await server.stop()
    }

    @Test(
        "refresh rejected → a new anonymous session and a typed signed-out error; the request is not resent",
        arguments: [400, 401, 404])
    func rejectedRefreshSignsOut(status: Int) async throws {
        let server = try await ScriptedServer.start { request, _ in
            switch request.route {
            case "GET /carts/users/u1": .error(401, code: "TOKEN_EXPIRED", message: "expired")
            case "POST /auth/refresh-token": .error(status, code: "INVALID_TOKEN", message: "refresh token revoked")
            case "POST /auth/anonymous": .ok(TestJWT.authContent(userId: "guest-2"))
            default: .error(404, code: "NOT_FOUND", message: "no route")
            }
        }
        let store = MemoryTokenStore(Self.signedIn())
        let client = TestClient.make(server.baseURL, store: store)

        let result = await outcome { () async throws(APIError) in try await client.userCart(userID: "u1") }

        #expect(result.failure == .signedOut)
        #expect(
            server.requests.map(\.route) == [
                "GET /carts/users/u1", "POST /auth/refresh-token", "POST /auth/anonymous",
            ])
        #expect(server.requests[2].headers["x-api-key"] == client.configuration.apiKey)
        #expect(server.requests[2].headers["authorization"] == nil)
        #expect(store.load().flatMap { TokenClaims(pair: $0) }?.userId == "guest-2")
        #expect(await client.peekSession()?.isAnonymous == true)
        await server.stop()
    }

    @Test("a refresh that fails for want of a server keeps the session and reports that failure")
    func refreshServerErrorKeepsTokens() async throws {
        let server = try await ScriptedServer.start { request, _ in
            switch request.route {
            case "GET /catalog/products": .error(401, code: "TOKEN_EXPIRED", message: "expired")
            case "POST /auth/refresh-token": .error(503, code: "UNAVAILABLE", message: "down for maintenance")
            default: .error(404, code: "NOT_FOUND", message: "no route")
            }
        }
        let tokens = Self.signedIn()
        let client = TestClient.make(server.baseURL, tokens: tokens)

        let result = await outcome { () async throws(APIError) in try await client.products() }

        #expect(result.failure?.status == 503)
        #expect(await client.currentTokens() == tokens)
        #expect(server.requests("POST /auth/anonymous").isEmpty)
        await server.stop()
    }

    @Test("a second 401 after a successful refresh is reported, not looped on")
    func secondUnauthorizedIsReported() async throws {
        let server = try await ScriptedServer.start { request, _ in
            switch request.route {
            case "GET /orders": .error(401, code: "UNAUTHORIZED", message: "Log in to see orders")
            case "POST /auth/refresh-token":
                .ok(#"{"access_token":"\#(TestJWT.make(userId: "u1"))","refresh_token":"r2"}"#)
            default: .error(404, code: "NOT_FOUND", message: "no route")
            }
        }
        let client = TestClient.make(server.baseURL, tokens: Self.signedIn())

        let result = await outcome { () async throws(APIError) in try await client.orders() }

        #expect(result.failure?.status == 401)
        #expect(result.failure?.message == "Log in to see orders")
        #expect(server.requests.map(\.route) == ["GET /orders", "POST /auth/refresh-token", "GET /orders"])
        await server.stop()
    }

    @Test("no session yet: one anonymous bootstrap with the API key, shared by concurrent first calls")
    func anonymousOnFirstNeed() async throws {
        let server = try await ScriptedServer.start { request, _ in
            switch request.route {
            case "POST /auth/anonymous": .ok(TestJWT.authContent(userId: "guest-1"))
            case "GET /catalog/products":
                request.bearer == nil ? .error(401, code: "UNAUTHORIZED", message: "no") : .ok(Self.products)
            default: .error(404, code: "NOT_FOUND", message: "no route")
            }
        }
        let store = MemoryTokenStore()
        let client = TestClient.make(server.baseURL, store: store)

        async let first = client.products()
        async let second = client.products()
        _ = try await (first, second)

        #expect(server.requests("POST /auth/anonymous").count == 1)
        #expect(server.requests("POST /auth/anonymous").first?.headers["x-api-key"] == client.configuration.apiKey)
        #expect(server.requests("GET /catalog/products").allSatisfy { $0.headers["x-api-key"] == nil })
        #expect(try await client.session().userId == "guest-1")
        #expect(store.load() != nil)
        await server.stop()
    }

    @Test("tokens answered by verify-otp and logout are adopted and persisted")
    func verifyAndLogoutPersistTokens() async throws {
        let server = try await ScriptedServer.start { request, _ in
            switch request.route {
            case "POST /auth/anonymous": .ok(TestJWT.authContent(userId: "guest-1"))
            case "POST /auth/login/phone": .ok(#"{"otp_token":"otp-token-1","otp_action":"login","otp":"123456"}"#)
            case "POST /auth/verify-otp": .ok(TestJWT.authContent(userId: "u9", anonymous: false))
            case "POST /auth/logout": .ok(TestJWT.authContent(userId: "u9", anonymous: true))
            default: .error(404, code: "NOT_FOUND", message: "no route")
            }
        }
        let directory = TestClient.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = FileTokenStore(fileURL: directory.appendingPathComponent("tokens.json"))
        let client = TestClient.make(server.baseURL, store: store)

        let challenge = try await client.login(.phone, identifier: "9876543210")
        _ = try await client.verifyOTP(challenge.otp ?? "", challenge: challenge)
        let afterLogin = store.load().flatMap { TokenClaims(pair: $0) }
        _ = try await client.logout()
        let afterLogout = store.load().flatMap { TokenClaims(pair: $0) }

        #expect(afterLogin?.userId == "u9")
        #expect(afterLogin?.isLoggedIn == true)
        #expect(afterLogout?.userId == "u9")
        #expect(afterLogout?.isLoggedIn == false)
        #expect(server.requests("POST /auth/verify-otp").first?.json["otp"] as? String == "123456")
        // A new client on the same file picks the session up.
        let reopened = TestClient.make(server.baseURL, store: FileTokenStore(fileURL: store.fileURL))
        #expect(await reopened.peekSession()?.userId == "u9")
        await server.stop()
    }

    @Test("the user id comes from content.user: an opaque token works, and the token's own claims are not read")
    func identityComesFromTheAnswerNotTheToken() async throws {
        let server = try await ScriptedServer.start { request, _ in
            switch request.route {
            case "POST /auth/anonymous":
                // An opaque token, and a JWT-looking claim set nowhere: only `content.user` says who this is.
                .ok(
                    #"{"user":{"id":"guest-7","is_anonymous":true,"is_logged_in":false},"access_token":"opaque-1","refresh_token":"r1"}"#
                )
            case "GET /carts/users/guest-7": .ok(#"{"cart":{"id":"c1","cart_items":[]}}"#)
            default: .error(404, code: "NOT_FOUND", message: "no route")
            }
        }
        let client = TestClient.make(server.baseURL)

        let claims = try await client.session()
        let cart = try await client.userCart(userID: claims.userId)

        #expect(claims.userId == "guest-7")
        #expect(claims.isAnonymous)
        #expect(claims.expiresAt == nil)
        #expect(cart?.id == "c1")
        #expect(server.requests("GET /carts/users/guest-7").first?.headers["authorization"] == "Bearer opaque-1")
        await server.stop()
    }

    @Test("a stored pair no answer identified (an older token file) starts a new guest session, never guessing")
    func unidentifiedStoredTokensStartAGuest() async throws {
        let server = try await ScriptedServer.start { request, _ in
            switch request.route {
            case "POST /auth/anonymous": .ok(TestJWT.authContent(userId: "guest-2"))
            default: .error(404, code: "NOT_FOUND", message: "no route")
            }
        }
        let old = TokenPair(accessToken: TestJWT.make(userId: "u1", anonymous: false), refreshToken: "r-old")
        let client = TestClient.make(server.baseURL, tokens: old)

        #expect(await client.peekSession() == nil)
        let claims = try await client.session()

        #expect(claims.userId == "guest-2")
        #expect(server.requests.map(\.route) == ["POST /auth/anonymous"])
        await server.stop()
    }

    @Test("a refresh answer without a user keeps the identity of the session it renews")
    func refreshKeepsIdentity() async throws {
        let server = try await ScriptedServer.start { request, _ in
            switch request.route {
            case "POST /auth/refresh-token":
                .ok(#"{"access_token":"opaque-2","refresh_token":"r2"}"#)
            default: .error(404, code: "NOT_FOUND", message: "no route")
            }
        }
        let client = TestClient.make(server.baseURL, tokens: Self.signedIn("u5"))

        let renewed = try await client.refreshSession()

        #expect(renewed?.userId == "u5")
        #expect(renewed?.isLoggedIn == true)
        #expect(await client.currentTokens()?.accessToken == "opaque-2")
        await server.stop()
    }
}
