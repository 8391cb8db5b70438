import Foundation

extension StorefrontClient {
    public func checkServiceability(cartID: String, pincode: String) async throws(APIError) -> Serviceability {
        struct Body: Encodable, Sendable {
            var deliveryPincode: String
            var cartId: String
            var fulfillmentType = "delivery"
        }
        return try await send(
            "POST", "/fulfillment/serviceability", body: Body(deliveryPincode: pincode, cartId: cartID))
    }

    public func fulfillmentOptions(cartID: String, pincode: String) async throws(APIError) -> FulfillmentOptions {
        struct Body: Encodable, Sendable {
            var deliveryPincode: String
            var cartId: String
        }
        return try await send(
            "POST", "/shipping/fulfillment-options", body: Body(deliveryPincode: pincode, cartId: cartID))
    }
}
