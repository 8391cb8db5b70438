import Foundation
import Testing

@testable import StorefrontAPI

/// Models are tolerant: unknown fields are ignored, missing optional ones take defaults.
@Suite struct ModelDecodingTests {
    @Test func productDecodesWithDefaults() throws {
        let product = try Coding.decoder.decode(Product.self, from: Data(#"{"id":"x","name":"Kurta","extra":1}"#.utf8))
        #expect(product.name == "Kurta")
        #expect(!product.stockAvailable)
        #expect(product.pricing == nil)
    }

    @Test func productReadsPricingAndFlags() throws {
        let json = #"""
            {"id":"p1","name":"Muesli","has_variant":false,"stock_available":true,
             "pricing":{"currency":"INR","listing_price":399,"selling_price":349,"price_including_tax":349,
                        "selling_price_excluding_tax":332.38,"tax_rate":5,"max_order_quantity":6}}
            """#
        let product = try Coding.decoder.decode(Product.self, from: Data(json.utf8))
        #expect(product.isPurchasable)
        #expect(product.pricing?.sellingPrice == Money(minorUnits: 34_900))
        #expect(product.pricing?.sellingPriceExcludingTax == Money(minorUnits: 33_238))
        #expect(product.pricing?.isDiscounted == true)
        #expect(product.pricing?.currency?.symbol == "₹")
    }

    @Test func otherModelsDecodeFromSparseBodies() throws {
        #expect(try Coding.decoder.decode(Variant.self, from: Data(#"{"id":"v"}"#.utf8)).id == "v")
        #expect(try Coding.decoder.decode(CartItem.self, from: Data(#"{"product_id":"p"}"#.utf8)).quantity == 0)
        #expect(try Coding.decoder.decode(Order.self, from: Data(#"{"order_number":"O1"}"#.utf8)).toBePaid == .zero)
        #expect(try Coding.decoder.decode(User.self, from: Data(#"{"id":"u"}"#.utf8)).displayName == "guest")
    }

    /// The vendor's pages name a PIN code's state `state_name` (its guide) and `state` (an SDK example): either
    /// is read; a number for the code is read as its digits; a page without `pincodes` is an empty list.
    @Test func pincodePlacesReadEitherStateNameAndTheirRecordingsKeepIt() throws {
        let json = #"""
            {"pincodes":[{"pincode":"560001","city":"Bengaluru","state_name":"Karnataka","district":"Bangalore"},
                         {"pincode":110001,"city":"New Delhi","state":"Delhi","area":"Connaught Place"}]}
            """#
        let page = try Coding.decoder.decode(PincodesPage.self, from: Data(json.utf8))
        #expect(
            page.pincodes == [
                PincodeInfo(pincode: "560001", city: "Bengaluru", stateName: "Karnataka"),
                PincodeInfo(pincode: "110001", city: "New Delhi", stateName: "Delhi"),
            ])
        #expect(try Coding.decoder.decode(PincodesPage.self, from: Data("{}".utf8)).pincodes.isEmpty)
        let again = try Coding.decoder.decode(PincodeInfo.self, from: try Coding.encoder.encode(page.pincodes[1]))
        #expect(again == page.pincodes[1])
    }

    @Test func removeGiftCardAnswerMayBeTheCartItself() throws {
        let wrapped = try Coding.decoder.decode(CartContent.self, from: Data(#"{"cart":{"id":"c1"}}"#.utf8))
        let bare = try Coding.decoder.decode(CartContent.self, from: Data(#"{"id":"c2"}"#.utf8))
        #expect(wrapped.cart.id == "c1")
        #expect(bare.cart.id == "c2")
    }

    @Test func errorStatusBecomesTypedErrorWithDetails() {
        let body = Data(
            #"{"message":"Bad","success":false,"code":"VALIDATION_ERROR","details":[{"field":"phone","message":"must be 10 digits"}]}"#
                .utf8)
        #expect(
            throws: APIError.http(
                status: 400, code: "VALIDATION_ERROR", message: "Bad",
                details: [FieldIssue(field: "phone", message: "must be 10 digits")])
        ) {
            _ = try Coding.decodeEnvelope(EmptyContent.self, from: HTTPResponse(status: 400, body: body))
        }
    }

    @Test func nonJSONBodiesBecomeDecodingOrHTTPErrors() {
        let html = Data("<html>Bad gateway</html>".utf8)
        #expect(throws: APIError.self) {
            _ = try Coding.decodeEnvelope(ProductsPage.self, from: HTTPResponse(status: 200, body: html))
        }
        do {
            _ = try Coding.decodeEnvelope(ProductsPage.self, from: HTTPResponse(status: 502, body: html))
            Issue.record("no error")
        } catch {
            #expect(error.status == 502)
        }
    }
}
