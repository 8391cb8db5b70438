import Foundation
import Logging
import Testing

@testable import StorefrontAPI

/// Retries, timeouts and malformed answers against a scripted local server.
@Suite("Transport edges (scripted server)", .timeLimit(.minutes(5)))
struct TransportEdgeTests {
    static let products = SessionEdgeTests.products
    /// A payment method with its gateway reference, so that no payment-methods lookup comes first.
    static let hostedPage = PaymentMethodPayload(gatewayReferenceId: "gw-1", returnUrl: "https://example.com/done")
    static let session = TokenPair(accessToken: TestJWT.make(userId: "u1"), refreshToken: "r1")

    @Test("a GET answered 500 then 200 is retried and succeeds")
    func getRetriedAfterServerError() async throws {
        let server = try await ScriptedServer.start { request, count in
            request.route == "GET /catalog/products" && count == 1
                ? .error(500, code: "INTERNAL", message: "boom") : .ok(Self.products)
        }
        let client = TestClient.make(server.baseURL, tokens: Self.session)

        let page = try await client.products()

        #expect(page.products.count == 1)
        #expect(server.requests("GET /catalog/products").count == 2)
        await server.stop()
    }

    @Test("a GET that keeps failing with 5xx gives up after maxAttempts with the last error")
    func getGivesUpAfterMaxAttempts() async throws {
        let server = try await ScriptedServer.start { _, _ in
            .text(502, "<html><body><h1>502 Bad Gateway</h1></body></html>")
        }
        let client = TestClient.make(server.baseURL, tokens: Self.session, maxAttempts: 3)

        let result = await outcome { () async throws(APIError) in try await client.categories() }

        #expect(result.failure?.status == 502)
        #expect(result.failure?.code == nil)
        #expect(server.requests("GET /catalog/categories").count == 3)
        await server.stop()
    }

    @Test("4xx answers are never retried", arguments: [400, 404, 409, 422, 429])
    func clientErrorsNotRetried(status: Int) async throws {
        let server = try await ScriptedServer.start { _, _ in
            .error(status, code: "VALIDATION_ERROR", message: "quantity: Must be greater than 0")
        }
        let client = TestClient.make(server.baseURL, tokens: Self.session)

        let result = await outcome { () async throws(APIError) in try await client.product("tea") }

        #expect(result.failure?.status == status)
        #expect(result.failure?.code == "VALIDATION_ERROR")
        #expect(server.requests.count == 1)
        await server.stop()
    }

    @Test("the catalog search POST counts as idempotent and is retried after a 503")
    func searchRetried() async throws {
        let server = try await ScriptedServer.start { _, count in
            count == 1 ? .error(503, code: "UNAVAILABLE", message: "busy") : .ok(#"{"skus":[{"product_id":"p1"}]}"#)
        }
        let client = TestClient.make(server.baseURL, tokens: Self.session)

        let result = try await client.search(SearchRequest(query: "tea"))

        #expect(result.skus.map(\.productId) == ["p1"])
        #expect(server.requests("POST /catalog/products/search").count == 2)
        await server.stop()
    }

    @Test("POST /orders answered 500 is not retried")
    func orderCreationNotRetried() async throws {
        let server = try await ScriptedServer.start { _, _ in .error(500, code: "INTERNAL", message: "boom") }
        let client = TestClient.make(server.baseURL, tokens: Self.session, maxAttempts: 5)

        let result = await outcome { () async throws(APIError) in
            try await client.createOrder(
                cartID: "c1", paymentMethod: Self.hostedPage)
        }

        #expect(result.failure?.status == 500)
        #expect(server.requests.map(\.route) == ["POST /orders"])
        #expect(server.requests[0].json["cart_id"] as? String == "c1")
        await server.stop()
    }

    @Test("POST /orders whose connection dies without an answer is sent once, not again by libcurl")
    func orderOnADroppedKeptAliveConnectionIsSentOnce() async throws {
        let server = try DroppingServer(
            drop: ["POST /orders", "POST /carts/c1/items"],
            answer: #"{"message":"OK","success":true,"content":\#(Self.products)}"#)
        defer { server.stop() }
        let client = TestClient.make(server.baseURL, tokens: Self.session, maxAttempts: 5)
        // A read first, so that a kept-alive connection is there to be reused.
        _ = try await client.products()

        let order = await outcome { () async throws(APIError) in
            try await client.createOrder(
                cartID: "c1", paymentMethod: Self.hostedPage)
        }
        _ = try await client.products()
        let cart = await outcome { () async throws(APIError) in
            try await client.setItem(cartID: "c1", CartItemUpdate(productId: "p1", variantId: nil, quantity: 2))
        }

        // At once, as a network failure (before: sent again, and a timeout when the repeat's body never came).
        let network = { (error: APIError?) in if case .network = error { true } else { false } }
        #expect(network(order.failure), "\(String(describing: order.failure))")
        #expect(network(cart.failure), "\(String(describing: cart.failure))")
        #expect(
            server.requests == [
                "GET /catalog/products", "POST /orders", "GET /catalog/products", "POST /carts/c1/items",
            ])
    }

    @Test("a cart mutation answered 502 is not retried")
    func mutationNotRetried() async throws {
        let server = try await ScriptedServer.start { _, _ in .text(502, "Bad Gateway", contentType: "text/plain") }
        let client = TestClient.make(server.baseURL, tokens: Self.session)

        let result = await outcome { () async throws(APIError) in
            try await client.setItem(cartID: "c1", CartItemUpdate(productId: "p1", variantId: nil, quantity: 2))
        }

        #expect(result.failure?.status == 502)
        #expect(server.requests.count == 1)
        await server.stop()
    }

    @Test("a 200 whose body is an HTML page is a decoding error, not a crash")
    func htmlBodyIsDecodingError() async throws {
        let server = try await ScriptedServer.start { _, _ in
            .text(200, "<!DOCTYPE html><html><body>Maintenance</body></html>")
        }
        let client = TestClient.make(server.baseURL, tokens: Self.session)

        let result = await outcome { () async throws(APIError) in try await client.products() }

        guard case .decoding(let path, let message) = result.failure else {
            Issue.record("expected a decoding error, got \(result)")
            return
        }
        #expect(path == "")
        #expect(message.contains("<!DOCTYPE html>"))
        #expect(server.requests.count == 1)
        await server.stop()
    }

    @Test("truncated JSON is a decoding error")
    func truncatedJSON() async throws {
        let server = try await ScriptedServer.start { _, _ in
            .text(
                200, #"{"message":"OK","success":true,"content":{"products":[{"id":"p1","na"#,
                contentType: "application/json")
        }
        let client = TestClient.make(server.baseURL, tokens: Self.session)

        let result = await outcome { () async throws(APIError) in try await client.products() }

        guard case .decoding = result.failure else {
            Issue.record("expected a decoding error, got \(result)")
            return
        }
        await server.stop()
    }

    @Test("a field of the wrong type is a decoding error naming the wire path")
    func wrongTypeNamesPath() async throws {
        let server = try await ScriptedServer.start { _, _ in
            .ok(
                #"{"cart":{"id":"c1","cart_items":[{"product_id":"p1","quantity":1},{"product_id":"p2","quantity":"two"}]}}"#
            )
        }
        let client = TestClient.make(server.baseURL, tokens: Self.session)

        let result = await outcome { () async throws(APIError) in try await client.cart(id: "c1") }

        #expect(result.failure == .decoding(path: "content.cart.cart_items[1].quantity", message: "expected Int"))
        await server.stop()
    }

    @Test("an error status with a body that is not JSON keeps the status and a readable message")
    func errorStatusWithHTML() async throws {
        let server = try await ScriptedServer.start { _, _ in .text(403, "<html>Forbidden by WAF</html>") }
        let client = TestClient.make(server.baseURL, tokens: Self.session)

        let result = await outcome { () async throws(APIError) in try await client.product("tea") }

        #expect(result.failure == .http(status: 403, code: nil, message: "Not allowed.", details: []))
        await server.stop()
    }

    @Test("the error body's code, message and details are kept")
    func errorBodyDecoded() async throws {
        let server = try await ScriptedServer.start { _, _ in
            .text(
                400,
                #"{"message":"Invalid input","success":false,"code":"VALIDATION_ERROR","details":[{"field":"quantity","message":"Must be greater than 0"}]}"#,
                contentType: "application/json")
        }
        let client = TestClient.make(server.baseURL, tokens: Self.session)

        let result = await outcome { () async throws(APIError) in
            try await client.setItem(cartID: "c1", CartItemUpdate(productId: "p1", variantId: nil, quantity: -1))
        }

        let error = try #require(result.failure)
        #expect(
            error
                == .http(
                    status: 400, code: "VALIDATION_ERROR", message: "Invalid input",
                    details: [FieldIssue(field: "quantity", message: "Must be greater than 0")]))
        #expect(error.message == "Quantity: Must be greater than 0")
        await server.stop()
    }

    @Test("a 200 envelope with success:false is an error")
    func successFalseIsError() async throws {
        let server = try await ScriptedServer.start { _, _ in
            .text(
                200, #"{"message":"Coupon expired","success":false,"code":"INVALID_INPUT"}"#,
                contentType: "application/json")
        }
        let client = TestClient.make(server.baseURL, tokens: Self.session)

        let result = await outcome { () async throws(APIError) in
            try await client.applyCoupon(cartID: "c1", code: "OLD")
        }

        #expect(result.failure == .http(status: 200, code: "INVALID_INPUT", message: "Coupon expired", details: []))
        await server.stop()
    }

    @Test("a stalled server hits the configured timeout (1 s here; 15 s by default)")
    func stallHitsTimeout() async throws {
        let server = try await ScriptedServer.start { _, _ in .stall }
        let client = TestClient.make(server.baseURL, tokens: Self.session, timeout: .seconds(1))

        let result = await outcome { () async throws(APIError) in try await client.products() }

        #expect(result.failure == .timeout)
        // A timeout is not retried, even on a GET.
        #expect(server.requests.count == 1)
        await server.stop()
    }

    @Test("a refused connection is a network error, retried on a GET")
    func refusedConnection() async throws {
        let server = try await ScriptedServer.start { _, _ in .ok("{}") }
        let url = server.baseURL
        await server.stop()
        let client = TestClient.make(url, tokens: Self.session, maxAttempts: 2)

        let result = await outcome { () async throws(APIError) in try await client.products() }

        // Normally `.network`; when another test's server took the freed port meanwhile and never answers this
        // request, `.timeout` — either way a transient "can't reach the store", never a crash or a decoding error.
        switch result.failure {
        case .network?, .timeout?: break
        default: Issue.record("expected a network error, got \(result)")
        }
    }

    @Test("isTransient (what callers may try again) is wider than what the client retries by itself")
    func transientVersusRetried() {
        let tooMany = APIError.http(status: 429, code: nil, message: "", details: [])
        let unavailable = APIError.http(status: 503, code: nil, message: "", details: [])
        let conflict = APIError.http(status: 409, code: nil, message: "", details: [])
        #expect(APIError.timeout.isTransient && tooMany.isTransient && unavailable.isTransient)
        #expect(!conflict.isTransient && !APIError.signedOut.isTransient)
        #expect(APIError.timeout.outcomeUnknown && unavailable.outcomeUnknown && !tooMany.outcomeUnknown)
        for error in [APIError.timeout, tooMany, conflict, .decoding(path: "", message: "")] {
            #expect(!RetryPolicy.shouldRetry(error, idempotent: true, attempt: 1, maxAttempts: 3))
        }
        #expect(RetryPolicy.shouldRetry(.network("lost"), idempotent: true, attempt: 1, maxAttempts: 3))
        #expect(RetryPolicy.shouldRetry(unavailable, idempotent: true, attempt: 2, maxAttempts: 3))
        #expect(!RetryPolicy.shouldRetry(unavailable, idempotent: true, attempt: 3, maxAttempts: 3))
        #expect(!RetryPolicy.shouldRetry(unavailable, idempotent: false, attempt: 1, maxAttempts: 3))
    }

    @Test("a store this machine cannot reach at all (libcurl missing): nothing sent, nothing to retry, its own advice")
    func unavailableStore() {
        let missing = APIError.unavailable(
            "libcurl is needed to reach this store and could not be loaded (Debian: apt-get install libcurl4): x")
        #expect(!missing.isTransient && !missing.outcomeUnknown)
        #expect(!RetryPolicy.shouldRetry(missing, idempotent: true, attempt: 1, maxAttempts: 3))
        #expect(missing.message.hasSuffix("apt-get install libcurl4): x."))
        #expect(!missing.message.contains("Check the connection"))
        #expect(APIError.network("connection refused").message.contains("Check the connection"))
    }

    @Test("headers: JSON accept and content type, the customer group and debug mode when configured")
    func headers() async throws {
        let server = try await ScriptedServer.start { _, _ in .ok(#"{"skus":[]}"#) }
        let configuration = ClientConfiguration(
            baseURL: server.baseURL, apiKey: "k", debugMode: true, customerGroupID: "wholesale")
        let client = StorefrontClient(configuration: configuration, tokenStore: MemoryTokenStore(Self.session))

        _ = try await client.search(SearchRequest(query: "tea"))

        let request = try #require(server.requests.first)
        #expect(request.headers["x-customer-group-id"] == "wholesale")
        #expect(request.headers["x-debug-mode"] == "true")
        #expect(request.headers["accept"] == "application/json")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.bearer == Self.session.accessToken)
        #expect(request.json["query"] as? String == "tea")
        await server.stop()
    }

    @Test("the default timeout is 15 s")
    func defaultTimeout() {
        let configuration = ClientConfiguration(baseURL: URL(string: "http://127.0.0.1:1")!, apiKey: "k")
        #expect(configuration.timeout == .seconds(15))
    }
}
