import Foundation
import Testing

@testable import Sandbox

@Suite("Catalog and anonymous auth over HTTP")
struct CatalogHTTPTests {
    @Test func anonymousTokenNeedsAnAPIKeyAndIsAJWT() async throws {
        try await TestSandbox.with { sandbox in
            let refused = try await sandbox.post("/auth/anonymous")
            #expect(refused.status == 401)
            #expect(refused.body["success"].bool == false)
            #expect(refused.code == "UNAUTHORIZED")

            let response = try await sandbox.post("/auth/anonymous", headers: ["X-Api-Key": "anything"])
            #expect(response.status == 200)
            #expect(response.body["success"].bool == true)
            #expect(response.content["user"]["is_anonymous"].bool == true)
            #expect(response.content["user"]["is_logged_in"].bool == false)
            let token = try #require(response.content["access_token"].string)
            let parts = token.split(separator: ".")
            #expect(parts.count == 3)
            var payload = String(parts[1]).replacingOccurrences(of: "-", with: "+")
                .replacingOccurrences(of: "_", with: "/")
            while payload.count % 4 != 0 { payload += "=" }
            let claims = try JSONValue.parse(try #require(Data(base64Encoded: payload)))
            #expect(claims["user_id"].string == response.content["user"]["id"].string)
            #expect(claims["is_anonymous"].bool == true)
            #expect(claims["is_logged_in"].bool == false)
            #expect(claims["exp"].int != nil)
        }
    }

    @Test func configuredAPIKeyIsEnforced() async throws {
        try await TestSandbox.with({ $0.apiKey = "secret" }) { sandbox in
            let wrong = try await sandbox.post("/auth/anonymous", headers: ["X-Api-Key": "other"])
            #expect(wrong.status == 401)
            let right = try await sandbox.post("/auth/anonymous", headers: ["X-Api-Key": "secret"])
            #expect(right.status == 200)
        }
    }

    @Test func productsArePagedAndFilteredByCategory() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let page1 = try await sandbox.get("/catalog/products?page=1&limit=25", token: token)
            #expect(page1.status == 200)
            #expect(page1.content["products"].array.count == 25)
            let pagination = page1.content["pagination"]
            #expect(pagination["total_records"].int == 70)
            #expect(pagination["total_pages"].int == 3)
            #expect(pagination["next_page"].int == 2)
            #expect(pagination["previous_page"].isNull)
            let page3 = try await sandbox.get("/catalog/products?page=3&limit=25", token: token)
            #expect(page3.content["products"].array.count == 20)
            #expect(page3.content["pagination"]["next_page"].isNull)

            let categories = try await sandbox.get("/catalog/categories", token: token)
            #expect(categories.status == 200)
            let books = try #require(
                categories.content["categories"].array.first { $0["slug"].string == "books" })
            #expect(books["product_count"].int == 10)
            let bookId = try #require(books["id"].string)

            let byId = try await sandbox.get("/catalog/products?category_id=\(bookId)&limit=100", token: token)
            #expect(byId.content["products"].array.count == 10)
            #expect(byId.content["products"].array.allSatisfy { $0["category_ids"][0].string == bookId })
            let bySlug = try await sandbox.get("/catalog/products?category_slug=books", token: token)
            #expect(bySlug.content["pagination"]["total_records"].int == 10)

            let cheapest = try await sandbox.get(
                "/catalog/products?limit=3&sort_by=%7B%22selling_price%22%3A%22asc%22%7D", token: token)
            #expect(
                cheapest.content["products"].array.compactMap { $0["pricing"]["selling_price"].decimal }
                    == [rupees("119"), rupees("149"), rupees("149")])
            let badSort = try await sandbox.get("/catalog/products?sort_by=price", token: token)
            #expect(badSort.body["details"][0]["field"].string == "sort_by")

            let bad = try await sandbox.get("/catalog/products?limit=0", token: token)
            #expect(bad.status == 400)
            #expect(bad.code == "VALIDATION_ERROR")
            #expect(bad.body["details"][0]["field"].string == "limit")
        }
    }

    @Test func productDetailBySlugHasVariantsAndExactGSTPricing() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let tee = try await sandbox.get("/catalog/products/classic-cotton-t-shirt", token: token)
            #expect(tee.status == 200)
            let product = tee.content["product"]
            #expect(product["has_variant"].bool == true)
            #expect(product["variants"].array.count == 6)
            // GST-inclusive at 12%: ₹599 incl. → ₹534.82 excl. (599 × 100 / 112 = 534.821…)
            #expect(product["pricing"]["selling_price"].decimal == rupees("599"))
            #expect(product["pricing"]["price_including_tax"].bool == true)
            #expect(product["pricing"]["selling_price_including_tax"].decimal == rupees("599"))
            #expect(product["pricing"]["selling_price_excluding_tax"].decimal == rupees("534.82"))
            #expect(product["pricing"]["tax_rate"].int == 12)

            // GST-exclusive at 18%: ₹1,499 + 18% = ₹1,768.82
            let skillet = try await sandbox.get("/catalog/products/cast-iron-skillet-26cm", token: token)
            #expect(skillet.content["product"]["pricing"]["price_including_tax"].bool == false)
            #expect(skillet.content["product"]["pricing"]["selling_price_including_tax"].decimal == rupees("1768.82"))
            let id = try #require(skillet.content["product"]["id"].string)
            let byId = try await sandbox.get("/catalog/products/\(id)", token: token)
            #expect(byId.content["product"]["slug"].string == "cast-iron-skillet-26cm")

            let missing = try await sandbox.get("/catalog/products/no-such-product", token: token)
            #expect(missing.status == 404)
            #expect(missing.code == "NOT_FOUND")
            #expect(missing.body["success"].bool == false)

            let variants = try await sandbox.get("/catalog/products/classic-cotton-t-shirt/variants", token: token)
            #expect(variants.content["variants"].array.count == 6)
            #expect(variants.content["variants"][0]["associated_options"]["size"]["value"].string == "S")
        }
    }

    @Test func catalogNeedsATokenOrAnAPIKey() async throws {
        try await TestSandbox.with { sandbox in
            let none = try await sandbox.get("/catalog/products")
            #expect(none.status == 401)
            let withKey = try await sandbox.request("GET", "/catalog/products", headers: ["X-Api-Key": "k"])
            #expect(withKey.status == 200)
            let badToken = try await sandbox.get("/catalog/products", token: "not.a.jwt")
            #expect(badToken.status == 401)
        }
    }
}
