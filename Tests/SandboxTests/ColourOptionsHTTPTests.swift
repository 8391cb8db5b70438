import Foundation
import Testing

@testable import Sandbox

/// Colour attributes and colour variant options answer objects (`{name, hexcode}`), as the reference's examples do.
@Suite("Colour values are objects")
struct ColourOptionsHTTPTests {
    static let blue: JSONValue = .object(["name": .string("Blue"), "hexcode": .string("#0000FF")])
    static let black: JSONValue = .object(["name": .string("Black"), "hexcode": .string("#000000")])

    @Test func variantsAndProductsCarryColourObjects() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let detail = try await sandbox.get("/catalog/products/classic-cotton-t-shirt", token: token)
            let product = detail.content["product"]
            let colour = try #require(product["variant_options"].array.first { $0["key"] == .string("color") })
            #expect(colour["type"].string == "color")
            #expect(colour["value"].array == [Self.black, Self.blue])
            let size = try #require(product["variant_options"].array.first { $0["key"] == .string("size") })
            #expect(size["value"].array == [.string("S"), .string("M"), .string("L")])

            let productId = try #require(product["id"].string)
            let variants = try await sandbox.get("/catalog/products/\(productId)/variants", token: token)
            let blueM = try #require(
                variants.content["variants"].array.first {
                    $0["associated_options"]["color"]["value"] == Self.blue
                        && $0["associated_options"]["size"]["value"] == .string("M")
                })
            #expect(blueM["associated_options"]["color"]["type"].string == "color")
            #expect(blueM["associated_options"]["color"]["name"].string == "Colour")

            let saree = try await sandbox.get("/catalog/products/silk-saree", token: token)
            let attribute = try #require(
                saree.content["product"]["attributes"].array.first { $0["key"] == .string("color") })
            #expect(attribute["type"].string == "color")
            #expect(attribute["value"] == .object(["name": .string("Maroon"), "hexcode": .string("#800000")]))
            let brand = try #require(
                saree.content["product"]["attributes"].array.first { $0["key"] == .string("brand") })
            #expect(brand["value"].string != nil)
        }
    }

    @Test func searchStillFiltersAndCountsColoursByName() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let maroon = try await sandbox.post(
                "/catalog/products/search", #"{"query":"saree","filter":"color = Maroon","facets":["color"]}"#,
                token: token)
            #expect(maroon.status == 200, "\(maroon.text)")
            #expect(maroon.content["skus"].array.compactMap { $0["product_slug"].string } == ["silk-saree"])
            #expect(maroon.content["facet_distribution"]["color"]["Maroon"].int == 1)
            let shirts = try await sandbox.post(
                "/catalog/products/search", #"{"query":"t-shirt","filter":"color = Blue"}"#, token: token)
            let items = shirts.content["skus"].array
            #expect(items.count == 3)
            #expect(items.allSatisfy { $0["associated_options"]["color"]["value"] == Self.blue })
        }
    }
}
