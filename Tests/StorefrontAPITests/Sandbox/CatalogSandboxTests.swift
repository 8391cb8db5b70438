import Foundation
import Testing

@testable import StorefrontAPI

/// The catalog endpoint group over real HTTP against the sandbox (70 seeded products, 7 categories).
@Suite("Catalog against the sandbox", .timeLimit(.minutes(5)))
struct CatalogSandboxTests {
    @Test("products page by page: no overlap, pagination as reported")
    func paging() async throws {
        try await SandboxHarness.with { harness in
            let first = try await harness.client.products(ProductQuery(page: 1, limit: 10))
            let second = try await harness.client.products(ProductQuery(page: 2, limit: 10))
            #expect(first.products.count == 10)
            #expect(second.products.count == 10)
            #expect(Set(first.products.map(\.id)).isDisjoint(with: second.products.map(\.id)))
            let pagination = try #require(first.pagination)
            #expect(pagination.totalRecords == 70)
            #expect(pagination.totalPages == 7)
            #expect(pagination.nextPage == 2)
            #expect(pagination.previousPage == nil)
            #expect(second.pagination?.previousPage == 1)
            let priced = try #require(first.products.first { $0.pricing != nil }?.pricing)
            #expect(priced.sellingPrice > .zero)
        }
    }

    @Test("categories, and products of one category")
    func categories() async throws {
        try await SandboxHarness.with { harness in
            let page = try await harness.client.categories()
            let electronics = try #require(page.categories.first { $0.slug == "electronics" })
            let searched = try await harness.client.categories(search: "electro")
            #expect(searched.categories.contains { $0.id == electronics.id })
            let products = try await harness.client.products(ProductQuery(limit: 50, categoryId: electronics.id))
            #expect(!products.products.isEmpty)
            #expect(products.products.allSatisfy { $0.categoryIds?.contains(electronics.id) ?? true })
            let bySlug = try await harness.client.products(ProductQuery(limit: 50, categorySlug: "electronics"))
            #expect(Set(bySlug.products.map(\.id)) == Set(products.products.map(\.id)))
        }
    }

    @Test("product detail by slug and by id; variants and one variant")
    func detailAndVariants() async throws {
        try await SandboxHarness.with { harness in
            let bySlug = try await harness.client.product(SandboxHarness.smartphone)
            let byID = try await harness.client.product(bySlug.id)
            #expect(byID.id == bySlug.id)
            #expect(bySlug.hasVariant)
            let variants = try await harness.client.variants(productID: bySlug.id)
            let first = try #require(variants.first)
            #expect(variants.count > 1)
            let variant = try await harness.client.variant(productID: bySlug.id, variantID: first.id)
            #expect(variant.id == first.id)
            #expect(variant.pricing?.sellingPrice == first.pricing?.sellingPrice)
            let missing = await outcome { () async throws(APIError) in try await harness.client.product("no-such-thing")
            }
            #expect(missing.failure?.status == 404)
        }
    }

    @Test("search with a filter, facets and sort")
    func search() async throws {
        try await SandboxHarness.with { harness in
            let result = try await harness.client.search(
                SearchRequest(
                    query: "wireless", limit: 20, facets: ["*"], filter: "pricing.selling_price 500 TO 5000",
                    sort: ["pricing.selling_price:asc"]))
            #expect(!result.skus.isEmpty)
            let prices = result.skus.compactMap { $0.pricing?.sellingPrice }
            #expect(prices == prices.sorted())
            #expect(prices.allSatisfy { $0 >= Money(minorUnits: 50_000) && $0 <= Money(minorUnits: 500_000) })
            #expect(!(result.facetDistribution ?? [:]).isEmpty)
        }
    }
}
