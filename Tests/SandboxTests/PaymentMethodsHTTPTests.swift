import Foundation
import Testing

@testable import Sandbox

/// `GET /payments/payment-methods`: the store's Juspay method and the gateway reference id orders must send.
@Suite("Store payment methods")
struct PaymentMethodsHTTPTests {
    @Test func theListedReferenceIdIsTheOneOrdersAccept() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let listed = try await sandbox.get("/payments/payment-methods?payment_provider_slug=juspay", token: token)
            #expect(listed.status == 200, "\(listed.text)")
            let methods = listed.content["payment_methods"].array
            #expect(methods.count == 1)
            #expect(methods[0]["payment_provider_slug"].string == "juspay")
            let reference = try #require(methods[0]["supported_reference_ids"][0].string)

            let other = try await sandbox.get("/payments/payment-methods?payment_provider_slug=payu", token: token)
            #expect(other.status == 200)
            #expect(other.content["payment_methods"].array.isEmpty)
            let all = try await sandbox.get("/payments/payment-methods", token: token)
            #expect(all.content["payment_methods"].array.count == 1)
            let anonymous = try await sandbox.request("GET", "/payments/payment-methods")
            #expect(anonymous.status == 401)

            let cartId = try await sandbox.demoCheckoutCart(token: token, userId: userId)
            let placed = try await sandbox.post(
                "/orders",
                #"{"cart_id":"\#(cartId)","payment_method":{"payment_provider_slug":"juspay","integration_type":"hyper-checkout","gateway_reference_id":"\#(reference)","return_url":"https://s.example/r","action":"paymentPage"}}"#,
                token: token)
            #expect(placed.status == 200, "\(placed.text)")
            #expect(placed.content["payment_required"].bool == true)
        }
    }
}
