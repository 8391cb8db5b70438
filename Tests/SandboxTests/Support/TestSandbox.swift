import Foundation
import Testing

@testable import Sandbox

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A response of the sandbox, its body parsed exactly (numbers as `Decimal`).
struct TestResponse: Sendable {
    let status: Int
    let body: JSONValue
    let text: String

    var content: JSONValue { body["content"] }
    var code: String? { body["code"].string }
}

/// A started ``SandboxServer`` on a fresh SQLite file in a temporary directory, and a small HTTP client.
struct TestSandbox: Sendable {
    let server: SandboxServer
    let directory: URL
    let databasePath: String

    static func start(_ configure: (inout SandboxConfiguration) -> Void = { _ in }) async throws -> TestSandbox {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sandbox-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("sandbox.sqlite").path
        var configuration = SandboxConfiguration(databasePath: path)
        configure(&configuration)
        let server = try await SandboxServer.start(configuration)
        return TestSandbox(server: server, directory: directory, databasePath: path)
    }

    /// Runs `body` against a fresh sandbox and stops it afterwards, also when `body` throws.
    static func with(
        _ configure: (inout SandboxConfiguration) -> Void = { _ in },
        _ body: (TestSandbox) async throws -> Void
    ) async throws {
        let sandbox = try await start(configure)
        do {
            try await body(sandbox)
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    /// A server on an existing database file (left in place afterwards).
    static func withExisting(path: String, _ body: (TestSandbox) async throws -> Void) async throws {
        let server = try await SandboxServer.start(SandboxConfiguration(databasePath: path))
        let sandbox = TestSandbox(
            server: server, directory: URL(fileURLWithPath: path).deletingLastPathComponent(), databasePath: path)
        do {
            try await body(sandbox)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// `path` is relative to the API base (`/api/v1/sandbox/storefront`) unless it starts with `//`
    /// (then it is relative to the server root).
    func request(
        _ method: String, _ path: String, json: String? = nil, token: String? = nil,
        headers: [String: String] = [:]
    ) async throws -> TestResponse {
        let url: URL
        if path.hasPrefix("//") {
            url = URL(string: "http://127.0.0.1:\(server.port)/\(path.dropFirst(2))")!
        } else {
            url = URL(string: server.baseURL.absoluteString + path)!
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let body = (try? JSONValue.parse(data)) ?? .null
        return TestResponse(status: status, body: body, text: String(decoding: data, as: UTF8.self))
    }

    func get(_ path: String, token: String? = nil) async throws -> TestResponse {
        try await request("GET", path, token: token)
    }

    func post(_ path: String, _ json: String = "{}", token: String? = nil, headers: [String: String] = [:])
        async throws -> TestResponse
    {
        try await request("POST", path, json: json, token: token, headers: headers)
    }

    func delete(_ path: String, _ json: String? = nil, token: String? = nil) async throws -> TestResponse {
        try await request("DELETE", path, json: json, token: token)
    }

    /// Tokens of a new anonymous user.
    func anonymous() async throws -> (access: String, refresh: String, userId: String) {
        let response = try await post("/auth/anonymous", headers: ["X-Api-Key": "test-key"])
        #expect(response.status == 200, "\(response.text)")
        return (
            try #require(response.content["access_token"].string),
            try #require(response.content["refresh_token"].string),
            try #require(response.content["user"]["id"].string)
        )
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue {
        if case .object(let fields) = self { return fields[key] ?? .null }
        return .null
    }

    subscript(index: Int) -> JSONValue {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return .null
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var decimal: Decimal? {
        if case .number(let value) = self { return value }
        return nil
    }

    var int: Int? {
        decimal.flatMap { Int(exactly: NSDecimalNumber(decimal: $0).int64Value) }
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var array: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }

    var isNull: Bool { self == .null }
}

/// An exact rupee amount from a string literal, e.g. `rupees("1234.50")`.
func rupees(_ text: String) -> Decimal {
    Decimal(string: text)!
}

extension TestSandbox {
    /// Logs `phone` in through the OTP flow (x-debug-mode) from a fresh anonymous session, or from `session`.
    func loginWithPhone(_ phone: String = "9876543210", from session: String? = nil, register: Bool = false)
        async throws -> (access: String, refresh: String, userId: String)
    {
        let anonymousToken: String
        if let session { anonymousToken = session } else { anonymousToken = try await anonymous().access }
        let login = try await post(
            "/auth/login/phone", #"{"phone":"\#(phone)","register_if_not_exists":\#(register)}"#,
            token: anonymousToken, headers: ["x-debug-mode": "true"])
        #expect(login.status == 200, "\(login.text)")
        let otp = try #require(login.content["otp"].string)
        let otpToken = try #require(login.content["otp_token"].string)
        let action = try #require(login.content["otp_action"].string)
        let verified = try await post(
            "/auth/verify-otp", #"{"otp":"\#(otp)","otp_token":"\#(otpToken)","otp_action":"\#(action)"}"#,
            token: anonymousToken)
        #expect(verified.status == 200, "\(verified.text)")
        return (
            try #require(verified.content["access_token"].string),
            try #require(verified.content["refresh_token"].string),
            try #require(verified.content["user"]["id"].string)
        )
    }
}

extension TestSandbox {
    /// Product id (and the variant ids) of a seeded product, by slug.
    func product(_ slug: String, token: String) async throws -> (id: String, variants: [String]) {
        let response = try await get("/catalog/products/\(slug)", token: token)
        #expect(response.status == 200, "\(slug): \(response.text)")
        let product = response.content["product"]
        return (
            try #require(product["id"].string), product["variants"].array.compactMap { $0["id"].string }
        )
    }

    /// Creates the caller's cart with one line; returns the cart id.
    func createCart(productId: String, variantId: String? = nil, quantity: Int, token: String) async throws
        -> (id: String, cart: JSONValue)
    {
        let variant = variantId.map { "\"\($0)\"" } ?? "null"
        let response = try await post(
            "/carts", #"{"items":[{"product_id":"\#(productId)","variant_id":\#(variant),"quantity":\#(quantity)}]}"#,
            token: token)
        #expect(response.status == 200, "\(response.text)")
        return (try #require(response.content["cart"]["id"].string), response.content["cart"])
    }
}

extension TestSandbox {
    /// A form POST (the payment page's buttons).
    func submitForm(_ path: String, _ form: String) async throws -> (status: Int, html: String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(server.port)\(path)")!)
        request.httpMethod = "POST"
        request.httpBody = Data(form.utf8)
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// The path part of an absolute URL string.
    static func path(of link: String) -> String {
        URL(string: link)?.path ?? link
    }

    /// Demo customer with a cart of `quantity` × `slug` addressed to their default address; returns the cart id.
    func demoCheckoutCart(slug: String = "the-monsoon-library", quantity: Int = 2, token: String, userId: String)
        async throws -> String
    {
        let product = try await product(slug, token: token)
        let (cartId, _) = try await createCart(productId: product.id, quantity: quantity, token: token)
        let addresses = try await get("/customers/\(userId)/addresses", token: token)
        let addressId = try #require(addresses.content["addresses"][0]["id"].string)
        let set = try await post(
            "/carts/\(cartId)/address",
            #"{"billing_address_id":"\#(addressId)","shipping_address_id":"\#(addressId)"}"#,
            token: token)
        #expect(set.status == 200, "\(set.text)")
        return cartId
    }

    /// An order (no payment method) of the demo customer's checkout cart; returns its number.
    func demoOrder(token: String, userId: String) async throws -> String {
        let cartId = try await demoCheckoutCart(token: token, userId: userId)
        let created = try await post("/orders", #"{"cart_id":"\#(cartId)"}"#, token: token)
        #expect(created.status == 200, "\(created.text)")
        return try #require(created.content["order"]["order_number"].string)
    }

    static let hyperCheckout = #"""
        {"payment_provider_slug":"juspay","integration_type":"hyper-checkout","gateway_reference_id":"sandbox_juspay_default",
         "return_url":"https://shop.example/return","action":"paymentPage"}
        """#
}

/// One file part of a `multipart/form-data` upload.
struct UploadPart: Sendable {
    var name = "image"
    var filename = "me.png"
    var contentType = "image/png"
    var data: Data
}

extension TestSandbox {
    /// Sends `part` as a `multipart/form-data` body, as a browser or the SDK uploads a file.
    func upload(_ method: String, _ path: String, part: UploadPart, token: String) async throws -> TestResponse {
        let boundary = "sandbox-test-\(UUID().uuidString)"
        var body = Data("--\(boundary)\r\n".utf8)
        body.append(
            Data(
                ("Content-Disposition: form-data; name=\"\(part.name)\"; filename=\"\(part.filename)\"\r\n"
                    + "Content-Type: \(part.contentType)\r\n\r\n").utf8))
        body.append(part.data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var request = URLRequest(url: URL(string: server.baseURL.absoluteString + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return TestResponse(
            status: status, body: (try? JSONValue.parse(data)) ?? .null, text: String(decoding: data, as: UTF8.self))
    }

    /// The bytes and content type at an absolute URL the sandbox answered.
    func fetch(_ link: String) async throws -> (status: Int, type: String?, data: Data) {
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: link)))
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, http?.value(forHTTPHeaderField: "Content-Type"), data)
    }
}
