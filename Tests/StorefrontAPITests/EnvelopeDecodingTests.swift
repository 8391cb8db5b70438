import Foundation
import Testing

@testable import StorefrontAPI

/// The envelope and the documented shape variants, decoded through the one generic path.
@Suite("Envelope and shape variants")
struct EnvelopeDecodingTests {
    func decode<T: Decodable & Sendable>(_ type: T.Type, _ json: String, status: Int = 200) -> Result<T, APIError> {
        Result { () throws(APIError) -> T in
            try Coding.decodeEnvelope(T.self, from: HTTPResponse(status: status, body: Data(json.utf8)))
        }
    }

    @Test("the cart under `cart` or as the content itself (remove-gift-card's example)")
    func cartBothShapes() throws {
        let wrapped = try decode(CartContent.self, #"{"success":true,"content":{"cart":{"id":"c1"}}}"#).get()
        let bare = try decode(CartContent.self, #"{"success":true,"content":{"id":"c2","to_be_paid":10.5}}"#).get()
        #expect(wrapped.cart.id == "c1")
        #expect(bare.cart.id == "c2")
        #expect(bare.cart.toBePaid == Money(minorUnits: 1050))
    }

    @Test("`{message, success}` without content (delete user cart) decodes as empty; so does an empty 204 body")
    func noContent() throws {
        _ = try decode(EmptyContent.self, #"{"message":"All cart items are removed.","success":true}"#).get()
        _ = try decode(EmptyContent.self, "", status: 204).get()
        _ = try decode(EmptyContent.self, #"{"success":true,"content":["anything"]}"#).get()
    }

    @Test("Juspay nests one level deeper: content.data")
    func juspayData() throws {
        let customer = try decode(
            DataWrapper<JuspayCustomer>.self,
            #"{"success":true,"content":{"data":{"id":"cst_1","object":"customer","mobile_number":"9876543210"}}}"#
        ).get()
        #expect(customer.data.id == "cst_1")
        #expect(customer.data.mobileNumber == "9876543210")
    }

    @Test("fulfillment options: flat shipping_methods and the newer shipments both flatten to methods")
    func deliverShapes() throws {
        let flat = try decode(
            FulfillmentOptions.self,
            #"{"success":true,"content":{"deliver":{"is_serviceable":true,"shipping_methods":[{"id":"standard","shipping_amount":"49.00","estimated_delivery_days":"3"}]}}}"#
        ).get()
        let nested = try decode(
            FulfillmentOptions.self,
            #"{"success":true,"content":{"deliver":{"is_serviceable":true,"shipments":[{"id":"s1","shipping_methods":[{"id":7,"shipping_amount":99,"estimated_delivery_days":2}]}]}}}"#
        ).get()
        #expect(flat.deliver?.allMethods.map(\.id) == ["standard"])
        #expect(flat.deliver?.allMethods.first?.shippingAmount == Money(minorUnits: 4900))
        #expect(nested.deliver?.allMethods.map(\.id) == ["7"])
        #expect(nested.deliver?.allMethods.first?.estimatedDeliveryDays == "2")
        // Both shapes with the same methods (as the sandbox answers): each once, with its shipment's id; a flat
        // method no shipment lists is kept.
        let both = try decode(
            FulfillmentOptions.self,
            #"{"success":true,"content":{"deliver":{"is_serviceable":true,"shipping_methods":[{"id":"standard"},{"id":"express"},{"id":"drone"}],"shipments":[{"id":"s1","shipping_methods":[{"id":"standard"},{"id":"express"}]}]}}}"#
        ).get()
        #expect(both.deliver?.allMethods.map(\.id) == ["drone", "standard", "express"])
        #expect(both.deliver?.allMethods.map(\.shipmentId) == [nil, "s1", "s1"])
    }

    @Test("unknown fields are ignored; missing and null optional fields take defaults")
    func tolerant() throws {
        let page = try decode(
            ProductsPage.self,
            #"{"success":true,"brand_new":{"x":1},"content":{"products":[{"id":"p1","name":"Tea","future_field":[1,2],"pricing":null,"stock_available":null}],"pagination":null}}"#
        ).get()
        let product = try #require(page.products.first)
        #expect(product.name == "Tea")
        #expect(product.pricing == nil)
        #expect(!product.stockAvailable)
        #expect(page.pagination == nil)
    }

    @Test("money stays exact: 0.1 + 0.2 style amounts and string amounts")
    func money() throws {
        let cart = try decode(
            CartContent.self,
            #"{"success":true,"content":{"cart":{"id":"c","subtotal":0.1,"total_tax":"0.20","grand_total":1234567.89}}}"#
        ).get().cart
        #expect(cart.subtotal + cart.totalTax == Money(minorUnits: 30))
        #expect(cart.grandTotal == Money(minorUnits: 123_456_789))
    }

    @Test("a missing required field names its wire path")
    func missingRequired() {
        let result = decode(ProductContent.self, #"{"success":true,"content":{"product":{"id":"p1"}}}"#)
        #expect(result.failure == .decoding(path: "content.product.name", message: "missing"))
    }

    @Test("error bodies: details as strings or a map are kept; a JSON error body without message uses the status")
    func errorBodies() {
        let strings = decode(EmptyContent.self, #"{"success":false,"details":["Quantity too high"]}"#, status: 422)
        #expect(
            strings.failure
                == .http(
                    status: 422, code: nil, message: HTTPStatusText.text(for: 422),
                    details: [FieldIssue(field: nil, message: "Quantity too high")]))
        let map = decode(
            EmptyContent.self, #"{"message":"Invalid","details":{"phone":"Must be 10 digits"}}"#, status: 400)
        #expect(map.failure?.message == "Phone: Must be 10 digits")
        let odd = decode(EmptyContent.self, #"{"message":42,"details":"nope","code":7}"#, status: 500)
        #expect(
            odd.failure
                == .http(
                    status: 500, code: nil, message: HTTPStatusText.text(for: 500),
                    details: [
                        FieldIssue(field: nil, message: "nope")
                    ]))
    }

    @Test("facet attribute names keep their wire spelling")
    func facetKeys() throws {
        let result = try decode(
            SearchResult.self,
            #"{"success":true,"content":{"skus":[],"facet_distribution":{"category_slugs":{"grocery_items":3}},"facet_stats":{"pricing.selling_price":{"min":10,"max":99.5}}}}"#
        ).get()
        #expect(result.facetDistribution?["category_slugs"]?["grocery_items"] == 3)
        #expect(result.facetStats?["pricing.selling_price"]?.max == Decimal(string: "99.5"))
    }
}
