import Foundation
import Testing

@testable import Sandbox

@Suite("Wishlist, customers, addresses and fulfillment over HTTP")
struct CustomerFulfillmentHTTPTests {
    static let address = #"""
        {"first_name":"Ravi","last_name":"K","phone":"9123456780","email":"ravi@example.com",
         "address_line1":"1 Park Street","pincode":"700001","city":"Kolkata","state":"West Bengal","country":"India"}
        """#

    @Test func wishlistAddListRemoveAndScoping() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.anonymous()
            let (other, _, _) = try await sandbox.anonymous()
            let tee = try await sandbox.product("classic-cotton-t-shirt", token: token)
            let book = try await sandbox.product("the-monsoon-library", token: token)
            let added = try await sandbox.post(
                "/wishlist/\(userId)", #"{"product_id":"\#(tee.id)","variant_id":"\#(tee.variants[2])"}"#, token: token)
            #expect(added.content["products"][0]["variant_id"].string == tee.variants[2])
            _ = try await sandbox.post(
                "/wishlist/\(userId)", #"{"product_id":"\#(book.id)","variant_id":null}"#, token: token)
            let twice = try await sandbox.post(
                "/wishlist/\(userId)", #"{"product_id":"\#(book.id)","variant_id":null}"#, token: token)
            #expect(twice.content["products"].array.count == 2)
            let spy = try await sandbox.get("/wishlist/\(userId)", token: other)
            #expect(spy.status == 403)
            #expect(spy.content.isNull)
            let removed = try await sandbox.delete(
                "/wishlist/\(userId)", #"{"product_id":"\#(book.id)","variant_id":null}"#, token: token)
            #expect(removed.content["products"].array.count == 1)
            let list = try await sandbox.get("/wishlist/\(userId)", token: token)
            #expect(list.content["products"][0]["product_id"].string == tee.id)
            let invalid = try await sandbox.post("/wishlist/\(userId)", #"{"variant_id":null}"#, token: token)
            #expect(invalid.status == 400)
            #expect(invalid.body["details"][0]["field"].string == "product_id")
        }
    }

    @Test func customerBusinessAndAddressBook() async throws {
        try await TestSandbox.with { sandbox in
            let (anonymous, _, anonymousId) = try await sandbox.anonymous()
            let refused = try await sandbox.post(
                "/customers", #"{"business":{"business_type":"retail","name":"X"}}"#, token: anonymous)
            #expect(refused.status == 401)
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let invalid = try await sandbox.post(
                "/customers",
                #"{"business":{"business_type":"retail","name":"Demo Traders","gstin":"bad"},"address":{"first_name":"D"}}"#,
                token: token)
            #expect(invalid.status == 400)
            let fields = Set(invalid.body["details"].array.compactMap { $0["field"].string })
            #expect(fields.contains("business.gstin"))
            #expect(fields.contains("address.phone"))
            #expect(fields.contains("address.pincode"))
            let created = try await sandbox.post(
                "/customers",
                #"{"business":{"business_type":"retail","name":"Demo Traders","pan_number":"ABCDE1234F","gstin":"29ABCDE1234F1Z5"},"address":\#(Self.address)}"#,
                token: token)
            #expect(created.status == 200, "\(created.text)")
            #expect(created.content["customer_detail"]["business"]["name"].string == "Demo Traders")

            let list = try await sandbox.get("/customers/\(userId)/addresses", token: token)
            #expect(list.content["addresses"].array.count == 2)
            #expect(list.content["pagination"]["total_records"].int == 2)
            let added = try await sandbox.post("/customers/\(userId)/addresses", Self.address, token: token)
            #expect(added.status == 200)
            #expect(added.content["address"]["city"].string == "Kolkata")
            let spy = try await sandbox.get("/customers/\(userId)/addresses", token: anonymous)
            #expect(spy.status == 403)
            #expect(spy.content.isNull)
            let spyCreate = try await sandbox.post("/customers/\(userId)/addresses", Self.address, token: anonymous)
            #expect(spyCreate.status == 403)
            let own = try await sandbox.get("/customers/\(anonymousId)/addresses", token: anonymous)
            #expect(own.content["addresses"].array.isEmpty)
        }
    }

    /// `GET /common/countries/{iso}/pincodes`: the seeded places by prefix (3 digits at least), paged, India
    /// only; a bearer token asked for.
    @Test func pincodePlacesByPrefix() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let exact = try await sandbox.get("/common/countries/IN/pincodes?pincode=560001", token: token)
            #expect(exact.status == 200, "\(exact.text)")
            #expect(exact.body["message"].string == "Pincodes retrieved successfully")
            #expect(exact.content["pincodes"].array.count == 1)
            #expect(exact.content["pincodes"][0]["pincode"].string == "560001")
            #expect(exact.content["pincodes"][0]["city"].string == "Bengaluru")
            #expect(exact.content["pincodes"][0]["state_name"].string == "Karnataka")
            #expect(exact.content["pagination"]["total_records"].int == 1)

            let bengaluru = try await sandbox.get("/common/countries/IN/pincodes?pincode=560", token: token)
            #expect(bengaluru.content["pincodes"].array.compactMap { $0["pincode"].string } == ["560001", "560034"])
            let paged = try await sandbox.get("/common/countries/IN/pincodes?limit=2&page=2", token: token)
            #expect(paged.content["pincodes"].array.count == 2)
            #expect(paged.content["pagination"]["previous_page"].int == 1)

            let unknown = try await sandbox.get("/common/countries/IN/pincodes?pincode=999999", token: token)
            #expect(unknown.status == 200 && unknown.content["pincodes"].array.isEmpty)
            let elsewhere = try await sandbox.get("/common/countries/US/pincodes?pincode=100", token: token)
            #expect(elsewhere.status == 200 && elsewhere.content["pincodes"].array.isEmpty)

            let short = try await sandbox.get("/common/countries/IN/pincodes?pincode=56", token: token)
            #expect(short.status == 400)
            #expect(short.body["details"][0]["field"].string == "pincode")
            let badCountry = try await sandbox.get("/common/countries/IND/pincodes", token: token)
            #expect(badCountry.status == 400)
            #expect(badCountry.body["details"][0]["field"].string == "country_iso_code")
            #expect(try await sandbox.get("/common/countries/IN/pincodes?pincode=560001").status == 401)
        }
    }

    @Test func serviceabilityOptionsAndPreference() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let book = try await sandbox.product("the-monsoon-library", token: token)
            let (cartId, _) = try await sandbox.createCart(productId: book.id, quantity: 2, token: token)
            let ok = try await sandbox.post(
                "/fulfillment/serviceability", #"{"delivery_pincode":"560001","cart_id":"\#(cartId)"}"#, token: token)
            #expect(ok.content["is_serviceable"].bool == true)
            let leh = try await sandbox.post(
                "/fulfillment/serviceability", #"{"delivery_pincode":"194101","cart_id":"\#(cartId)"}"#, token: token)
            #expect(leh.content["is_serviceable"].bool == false)
            #expect(leh.content["unserviceable_items"][0]["product_id"].string == book.id)
            let items = try await sandbox.post(
                "/fulfillment/serviceability",
                #"{"delivery_pincode":"110001","items":[{"product_id":"\#(book.id)","variant_id":null}]}"#, token: token
            )
            #expect(items.content["is_serviceable"].bool == true)
            let bad = try await sandbox.post(
                "/fulfillment/serviceability", #"{"delivery_pincode":"12","cart_id":"\#(cartId)"}"#, token: token)
            #expect(bad.status == 400)

            let options = try await sandbox.post(
                "/shipping/fulfillment-options", #"{"delivery_pincode":"560001","cart_id":"\#(cartId)"}"#, token: token)
            let methods = options.content["deliver"]["shipping_methods"].array
            #expect(methods.compactMap { $0["id"].string } == ["standard", "express"])
            #expect(methods[0]["shipping_amount"].string == "49")
            #expect(methods[1]["courier_companies"][0]["shipping_amount"].decimal == rupees("99"))
            #expect(options.content["collect"].array.count == 2)

            let address = try await sandbox.post(
                "/carts/\(cartId)/address",
                #"{"billing_address":\#(CustomerFulfillmentHTTPTests.address.replacingOccurrences(of: "700001", with: "560001"))}"#,
                token: token)
            #expect(address.status == 200, "\(address.text)")
            #expect(address.content["cart"]["shipping_address"]["pincode"].string == "560001")
            let express = try await sandbox.post(
                "/carts/\(cartId)/fulfillment-preference",
                #"{"fulfillment_type":"delivery","shipments":[{"id":"shp_\#(cartId)","shipping_provider_id":"express"}]}"#,
                token: token)
            #expect(express.status == 200, "\(express.text)")
            // ₹798 + express ₹99 + 18% (₹17.82) = ₹914.82; express is never free.
            #expect(express.content["cart"]["shipping_amount_including_tax"].decimal == rupees("116.82"))
            #expect(express.content["cart"]["grand_total"].decimal == rupees("914.82"))
            #expect(express.content["cart"]["shipping_provider_id"].string == "express")
            #expect(express.content["cart"]["estimated_delivery_days"].int == 1)
            let storeId = try #require(options.content["collect"][0]["id"].string)
            let pickup = try await sandbox.post(
                "/carts/\(cartId)/fulfillment-preference",
                #"{"fulfillment_type":"collect-in-store","pickup_location_id":"\#(storeId)"}"#, token: token)
            #expect(pickup.content["cart"]["shipping_amount_including_tax"].decimal == rupees("0"))
            #expect(pickup.content["cart"]["grand_total"].decimal == rupees("798"))
            #expect(pickup.content["cart"]["fulfillment_preference"]["pickup_location_id"].string == storeId)
            let unknown = try await sandbox.post(
                "/carts/\(cartId)/fulfillment-preference", #"{"fulfillment_type":"teleport"}"#, token: token)
            #expect(unknown.status == 400)
        }
    }
}
