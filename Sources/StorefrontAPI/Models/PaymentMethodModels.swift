/// One of the store's payment methods, as `GET /payments/payment-methods` lists them (the SDK's
/// `listPaymentMethods({payment_provider_slug})`): `supported_reference_ids` holds the gateway reference id that
/// `POST /orders` sends back in `payment_method.gateway_reference_id`.
public struct StorePaymentMethod: Codable, Sendable, Hashable {
    @LenientOptionalID public var id: String?
    public var name: String?
    public var paymentProviderSlug: String?
    public var supportedReferenceIds: [String]?

    public init(id: String?, name: String?, paymentProviderSlug: String?, supportedReferenceIds: [String]?) {
        self.id = id
        self.name = name
        self.paymentProviderSlug = paymentProviderSlug
        self.supportedReferenceIds = supportedReferenceIds
    }
}

extension StorePaymentMethod {
    /// The store's Juspay method among those `GET /payments/payment-methods?payment_provider_slug=juspay` listed
    /// (one that names no provider counts): its first `supported_reference_ids` is the gateway reference.
    public static func juspay(in methods: [StorePaymentMethod]) -> StorePaymentMethod? {
        methods.first { $0.paymentProviderSlug == nil || $0.paymentProviderSlug == "juspay" }
    }
}

public struct PaymentMethodsContent: Decodable, Sendable, Hashable {
    public var paymentMethods: [StorePaymentMethod]

    private enum CodingKeys: String, CodingKey { case paymentMethods }

    public init(from decoder: any Decoder) throws {
        paymentMethods =
            try decoder.container(keyedBy: CodingKeys.self).lossy(StorePaymentMethod.self, forKey: .paymentMethods)
            .elements
    }
}
