import Foundation
import Testing

@testable import StorefrontAPI

/// The samples the shop decodes while it waits for its store (``DecodingWarmUp``) still decode, and reach the types
/// a start's first answers hold (a warm-up that decodes nothing would pass unnoticed otherwise).
@Suite struct DecodingWarmUpTests {
    @Test func everySampleDecodes() {
        #expect(DecodingWarmUp.run() == DecodingWarmUp.samples.count)
    }

    @Test func theProductSampleReachesItsNestedTypes() throws {
        let page = try Coding.decodeEnvelope(
            ProductsPage.self, from: HTTPResponse(status: 200, body: Data(DecodingWarmUp.products.utf8)))
        let product = try #require(page.products.first)
        #expect(product.pricing?.currency?.code == "INR")
        #expect(product.pricing?.sellingPriceExcludingTax != nil)
        #expect(product.images?.first?.urlStandard != nil)
        #expect(product.attributes?.first?.key == "brand")
        #expect(product.categories?.first?.slug == "sample")
        #expect(page.pagination?.nextPage == 2)
        let session = try Coding.decodeEnvelope(
            AuthContent.self, from: HTTPResponse(status: 200, body: Data(DecodingWarmUp.session.utf8)))
        #expect(session.user?.isAnonymous == true)
    }
}
