import Foundation
import StorefrontAPI
import Testing

@testable import storefront

/// The in-process sandbox's transport (SwiftNIO on loopback), against a real sandbox started as the shop starts it.
@Suite struct LoopbackTransportTests {
    @Test func theRequestTargetKeepsTheClientsEscapes() throws {
        let url = try #require(
            URL(
                string: "http://127.0.0.1:8080/api/v1/sandbox/storefront/catalog/products/a%2Fb?q=caf%C3%A9%20au&page=2"
            ))
        let head = LoopbackTransport.head(of: HTTPRequest(method: "get", url: url), host: "127.0.0.1", port: 8080)
        #expect(head.uri == "/api/v1/sandbox/storefront/catalog/products/a%2Fb?q=caf%C3%A9%20au&page=2")
        #expect(head.method == .GET)
        #expect(head.headers["Host"] == ["127.0.0.1:8080"])
        #expect(head.headers["Connection"] == ["close"])
        let post = LoopbackTransport.head(
            of: HTTPRequest(method: "POST", url: url, body: Data("{}".utf8)), host: "127.0.0.1", port: 8080)
        #expect(post.headers["Content-Length"] == ["2"])
    }

    @Test func aSessionAndAnAnswerWithABodyComeBackWhole() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loopback-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let launcher = SandboxLauncher(databasePath: directory.appendingPathComponent("sandbox.sqlite").path)
        launcher.start()
        let server = try await launcher.server()
        let transport = LoopbackTransport()
        let base = server.baseURL.absoluteString

        let session = try await transport.send(
            HTTPRequest(
                method: "POST", url: try #require(URL(string: base + "/auth/anonymous")),
                headers: ["x-api-key": "sandbox"], body: Data(), atMostOnce: true))
        #expect(session.status == 200)
        #expect(session.headers["content-type"]?.hasPrefix("application/json") == true)
        let content = try JSONSerialization.jsonObject(with: session.body) as? [String: Any]
        let token = try #require((content?["content"] as? [String: Any])?["access_token"] as? String)

        let page = try await transport.send(
            HTTPRequest(
                method: "GET", url: try #require(URL(string: base + "/catalog/products?page=1&limit=25")),
                headers: ["Authorization": "Bearer \(token)"]))
        #expect(page.status == 200)
        let products = try JSONSerialization.jsonObject(with: page.body) as? [String: Any]
        #expect(((products?["content"] as? [String: Any])?["products"] as? [Any])?.count == 25)

        let refused = try await transport.send(
            HTTPRequest(method: "GET", url: try #require(URL(string: base + "/catalog/products"))))
        #expect(refused.status == 401)
        await launcher.stop()

        // Nothing listens there any more.
        await #expect(throws: APIError.self) {
            _ = try await transport.send(
                HTTPRequest(method: "GET", url: try #require(URL(string: base + "/catalog/categories"))))
        }
    }
}
