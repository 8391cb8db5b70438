import Foundation
import Testing

@testable import Sandbox

@Suite("Generated catalogs")
struct LargeCatalogTests {
    @Test func generatorIsDeterministicAndPricesAreSane() {
        let first = SandboxSeeder.generateLargeCatalog(count: 500)
        let second = SandboxSeeder.generateLargeCatalog(count: 500)
        #expect(first.products.count == 500)
        #expect(first.products.map(\.id) == second.products.map(\.id))
        #expect(Set(first.products.map(\.slug)).count == 500)
        #expect(first.products.allSatisfy { $0.sellingPricePaise > 0 && $0.listingPricePaise >= $0.sellingPricePaise })
        #expect(Set(first.products.map(\.taxRate)) == [5, 12, 18])
    }

    @Test func serverSeedsAGeneratedCatalog() async throws {
        try await TestSandbox.with({ $0.generatedCatalogSize = 3000 }) { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let last = try await sandbox.get("/catalog/products?page=120&limit=25", token: token)
            #expect(last.content["pagination"]["total_records"].int == 3000)
            #expect(last.content["pagination"]["total_pages"].int == 120)
            #expect(last.content["products"].array.count == 25)
            let toys = try await sandbox.get("/catalog/products?category_slug=toys&limit=5", token: token)
            #expect(toys.content["pagination"]["total_records"].int == 300)
            let search = try await sandbox.post(
                "/catalog/products/search", #"{"query":"lamp","filter":"pricing.tax_rate = 18","limit":5}"#,
                token: token)
            #expect(search.status == 200)
            #expect(search.content["skus"].array.allSatisfy { $0["pricing"]["tax_rate"].int == 18 })
            #expect(search.content["skus"].array.allSatisfy { $0["product_name"].string?.contains("Lamp") == true })
        }
    }
}
