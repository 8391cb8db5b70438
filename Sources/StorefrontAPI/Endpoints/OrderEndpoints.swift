import Foundation

extension StorefrontClient {
    /// Places an order from a cart. Never retried blindly: a failure here may still have created the order,
    /// so the caller looks the order up before trying again.
    ///
    /// A Juspay payment method without a `gateway_reference_id` gets the store's (``juspayGatewayReference()``).
    public func createOrder(cartID: String, paymentMethod: PaymentMethodPayload?) async throws(APIError)
        -> OrderCreated
    {
        let method = try await withGatewayReference(paymentMethod)
        return try await send("POST", "/orders", body: OrderCreate(cartId: cartID, paymentMethod: method))
    }

    /// The store's payment methods (`GET /payments/payment-methods`), those of one provider when `provider`
    /// is given.
    public func paymentMethods(provider: String? = "juspay") async throws(APIError) -> [StorePaymentMethod] {
        let query = provider.map { [URLQueryItem(name: "payment_provider_slug", value: $0)] } ?? []
        let content: PaymentMethodsContent = try await get("/payments/payment-methods", query: query)
        return content.paymentMethods
    }

    /// The gateway reference id of the store's Juspay method, read once per client (session) and kept.
    public func juspayGatewayReference() async throws(APIError) -> String {
        if let gatewayReference { return gatewayReference }
        let methods = try await paymentMethods(provider: "juspay")
        guard let reference = StorePaymentMethod.juspay(in: methods)?.supportedReferenceIds?.first else {
            throw .http(
                status: 404, code: "NO_PAYMENT_METHOD",
                message: "This store has no Juspay payment method with a gateway reference, so it cannot take orders.",
                details: [])
        }
        gatewayReference = reference
        return reference
    }

    private func withGatewayReference(_ method: PaymentMethodPayload?) async throws(APIError) -> PaymentMethodPayload? {
        guard var method, method.paymentProviderSlug == "juspay", method.gatewayReferenceId == nil else {
            return method
        }
        method.gatewayReferenceId = try await juspayGatewayReference()
        return method
    }

    public func order(_ number: String) async throws(APIError) -> Order {
        let content: OrderContent = try await get("/orders/\(PathComponent.escape(number))")
        return content.order
    }

    public func orders(page: Int = 1, limit: Int = 20) async throws(APIError) -> OrdersPage {
        let id = try await userID()
        return try await get(
            "/orders",
            query: [
                URLQueryItem(name: "user_id", value: id), URLQueryItem(name: "page", value: String(page)),
                URLQueryItem(name: "limit", value: String(limit)),
            ])
    }

    public func paymentStatus(orderNumber: String) async throws(APIError) -> PaymentStatus {
        try await get("/orders/\(PathComponent.escape(orderNumber))/payment-status")
    }

    /// Every payment attempt of the order, oldest first.
    public func orderPayments(orderNumber: String) async throws(APIError) -> [OrderPayment] {
        let content: OrderPaymentsContent = try await get("/orders/\(PathComponent.escape(orderNumber))/payments")
        return content.payments
    }

    public func retryPayment(orderNumber: String, paymentMethod: PaymentMethodPayload?) async throws(APIError)
        -> PaymentInfo?
    {
        struct Body: Encodable, Sendable { var paymentMethod: PaymentMethodPayload? }
        let method = try await withGatewayReference(paymentMethod)
        let content: PaymentInfoContent = try await send(
            "POST", "/orders/\(PathComponent.escape(orderNumber))/retry-payment",
            body: Body(paymentMethod: method))
        return content.paymentInfo
    }

    public func cancelOrder(orderNumber: String, _ cancel: OrderCancel) async throws(APIError) -> Order {
        let content: OrderContent = try await send(
            "POST", "/orders/\(PathComponent.escape(orderNumber))/cancel", body: cancel)
        return content.order
    }

    // MARK: Juspay

    /// The user's Juspay customer: created once per user (`POST /payments/juspay/customers`), then remembered.
    public func createJuspayCustomer() async throws(APIError) -> JuspayCustomer {
        struct Body: Encodable, Sendable { var userId: String }
        let id = try await userID()
        if let known = juspayCustomers[id] { return known }
        let content: DataWrapper<JuspayCustomer> = try await send(
            "POST", "/payments/juspay/customers", body: Body(userId: id))
        juspayCustomers[id] = content.data
        return content.data
    }

    public func createJuspayOrder(orderNumber: String, returnURL: String) async throws(APIError) -> JuspayOrder {
        struct Body: Encodable, Sendable {
            var orderNumber: String
            var returnUrl: String
        }
        let content: DataWrapper<JuspayOrder> = try await send(
            "POST", "/payments/juspay/create-order", body: Body(orderNumber: orderNumber, returnUrl: returnURL))
        return content.data
    }
}
