import Foundation
import Testing

@testable import Sandbox

@Suite("Product search: filter language and HTTP")
struct SearchTests {
    let document: SearchFilter.Document = [
        "pricing.selling_price": ["599"], "brand": ["Aurora"], "tags": ["fashion", "bestseller"], "size": ["M"],
    ]

    @Test(arguments: [
        ("pricing.selling_price > 500", true),
        ("pricing.selling_price >= 600", false),
        ("pricing.selling_price 100 TO 599", true),
        ("pricing.selling_price 600 TO 900", false),
        ("brand = aurora", true),
        ("brand != Aurora", false),
        ("tags IN [books, bestseller]", true),
        ("tags NOT IN [books, toys]", true),
        ("size EXISTS AND color NOT EXISTS", true),
        ("color IS NULL", true),
        ("brand IS NOT EMPTY", true),
        ("brand = Ghats OR (size = M AND NOT tags = toys)", true),
        ("NOT (brand = Aurora)", false),
        ("brand = 'Aurora'", true),
    ])
    func filterExpressions(_ expression: String, _ expected: Bool) throws {
        let filter = try #require(try SearchFilter.parse(expression))
        #expect(filter.matches(document) == expected)
    }

    @Test func arraysAreAndAndNestedArraysAreOr() throws {
        let json = JSONValue.array([.string("brand = Aurora"), .array([.string("size = S"), .string("size = M")])])
        let filter = try #require(try SearchFilter.parse(json: json))
        #expect(filter.matches(document))
        let other = JSONValue.array([.string("brand = Aurora"), .array([.string("size = S"), .string("size = L")])])
        #expect(try SearchFilter.parse(json: other)?.matches(document) == false)
    }

    @Test(arguments: ["brand =", "brand IN [a", "(brand = a", "brand ~ a", "price 1 TO"])
    func malformedFiltersAreRejected(_ expression: String) {
        #expect(throws: SearchFilter.ParseError.self) { try SearchFilter.parse(expression) }
    }

    @Test func searchOverHTTP() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let shirts = try await sandbox.post(
                "/catalog/products/search",
                #"{"query":"t-shirt","filter":"size = M","facets":["*"],"sort":["pricing.selling_price:asc"]}"#,
                token: token)
            #expect(shirts.status == 200, "\(shirts.text)")
            let skus = shirts.content["skus"].array
            #expect(skus.count == 2)
            #expect(skus.allSatisfy { $0["associated_options"]["size"]["value"].string == "M" })
            #expect(shirts.content["facet_distribution"]["color"]["Black"].int == 1)
            #expect(shirts.content["facet_stats"]["pricing.selling_price"]["min"].decimal == rupees("599"))

            let cheapBooks = try await sandbox.post(
                "/catalog/products/search",
                #"{"query":"","filter":["categories.slug = books","pricing.selling_price < 400"],"sort":["pricing.selling_price:desc"],"limit":3}"#,
                token: token)
            let prices = cheapBooks.content["skus"].array.compactMap { $0["pricing"]["selling_price"].decimal }
            #expect(prices == [rupees("399"), rupees("349"), rupees("299")])
            #expect(cheapBooks.content["pagination"]["total_records"].int == 4)
            #expect(cheapBooks.content["pagination"]["next_page"].int == 2)

            let bad = try await sandbox.post(
                "/catalog/products/search", #"{"query":"x","filter":"price >"}"#, token: token)
            #expect(bad.status == 400)
            #expect(bad.body["details"][0]["field"].string == "filter")
            let missing = try await sandbox.post("/catalog/products/search", #"{"limit":5}"#, token: token)
            #expect(missing.status == 400)
            #expect(missing.body["details"][0]["field"].string == "query")
        }
    }

    @Test func sqlPagingAndFullScanAgree() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            for sort in ["pricing.selling_price:asc", "pricing.selling_price:desc", "name:asc"] {
                // Without facets the sandbox pages in SQL; with facets it scans every item: same answer.
                let fast = try await sandbox.post(
                    "/catalog/products/search", #"{"query":"a","sort":["\#(sort)"],"page":2,"limit":7}"#, token: token)
                let scan = try await sandbox.post(
                    "/catalog/products/search",
                    #"{"query":"a","sort":["\#(sort)"],"page":2,"limit":7,"facets":["tags"]}"#,
                    token: token)
                #expect(fast.status == 200)
                #expect(fast.content["pagination"] == scan.content["pagination"], "\(sort)")
                let fastKeys = fast.content["skus"].array.map { [$0["product_id"], $0["variant_id"]] }
                let scanKeys = scan.content["skus"].array.map { [$0["product_id"], $0["variant_id"]] }
                #expect(fastKeys.count == 7)
                #expect(fastKeys == scanKeys, "\(sort)")
                #expect(fast.content["facet_distribution"] == .object([:]))
            }
            let all = try await sandbox.post("/catalog/products/search", #"{"query":""}"#, token: token)
            // 70 products, of which those with variants count once per variant: 51 variants over 18 products.
            #expect(all.content["pagination"]["total_records"].int == 70 - 18 + 51)
        }
    }
}
