import Foundation
import Hummingbird

/// The store's payment methods: Juspay only, with the gateway reference id `POST /orders` must send back in
/// `payment_method.gateway_reference_id`. `GET /payments/payment-methods?payment_provider_slug=juspay` lists them.
struct StorePaymentMethods {
    struct MethodWire: Encodable, Sendable {
        var id: String
        var name: String
        var paymentProviderSlug: String
        var integrationTypes: [String]
        var paymentMethodTypes: [String]
        var supportedReferenceIds: [String]
    }

    static let juspay = MethodWire(
        id: "pm_sandbox_juspay", name: "Juspay (sandbox)", paymentProviderSlug: "juspay",
        integrationTypes: ["hyper-checkout", "express-checkout"], paymentMethodTypes: ["CARD", "UPI", "NB", "WALLET"],
        supportedReferenceIds: ["sandbox_juspay_default"])

    static let all = [juspay]

    /// Every reference id a payment method accepts.
    static var gatewayReferenceIds: [String] { all.flatMap(\.supportedReferenceIds) }

    func register(on api: RouteGroups) {
        api.customer.get("payments/payment-methods") { request, _ in try await list(request) }
    }

    func list(_ request: Request) async throws -> Response {
        let slug = Query(request: request).string("payment_provider_slug")
        let methods = Self.all.filter { slug == nil || $0.paymentProviderSlug == slug }
        return try Reply.ok(["payment_methods": methods], message: "Payment methods retrieved")
    }
}
