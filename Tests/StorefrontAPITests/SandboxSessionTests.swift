import Foundation
import Sandbox
import Testing

@testable import StorefrontAPI

/// The client against the sandbox over real HTTP on loopback.
@Suite struct SandboxSessionTests {
    @Test func anonymousSessionThenCatalog() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sf-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await SandboxServer.start(
            SandboxConfiguration(databasePath: directory.appendingPathComponent("db.sqlite").path))
        let store = MemoryTokenStore()
        let client = StorefrontClient(
            configuration: ClientConfiguration(baseURL: server.baseURL, apiKey: "test-key"), tokenStore: store)
        let claims = try await client.session()
        #expect(claims.isAnonymous)
        #expect(!claims.userId.isEmpty)
        #expect(store.load() != nil, "tokens were not persisted")
        let page = try await client.products(ProductQuery(page: 1, limit: 10))
        #expect(page.products.count == 10)
        #expect(page.pagination?.nextPage == 2)
        #expect(page.products.allSatisfy { ($0.pricing?.sellingPrice ?? .zero) > .zero })
        await server.stop()
    }
}
