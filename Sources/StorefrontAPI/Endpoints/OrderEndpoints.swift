import Foundation

extension StorefrontClient {
    /// Places an order from a cart. Never retried blindly: a failure here may still have created the order,
    /// so the caller looks the order up before trying again.
    public func createOrder(cartID: String, paymentMethod: PaymentMethodPayload?) async throws(APIError)
        -> OrderCreated
    {
        try await send("POST", "/orders", body: OrderCreate(cartId: cartID, paymentMethod: paymentMethod))
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
        let content: PaymentInfoContent = try await send(
            "POST", "/orders/\(PathComponent.escape(orderNumber))/retry-payment",
            body: Body(paymentMethod: paymentMethod))
        return content.paymentInfo
    }

    public func cancelOrder(orderNumber: String, _ cancel: OrderCancel) async throws(APIError) -> Order {
        let content: OrderContent = try await send(
            "POST", "/orders/\(PathComponent.escape(orderNumber))/cancel", body: cancel)
        return content.order
    }

    // MARK: Juspay

    public func createJuspayCustomer() async throws(APIError) -> JuspayCustomer {
        struct Body: Encodable, Sendable { var userId: String }
        let id = try await userID()
        let content: DataWrapper<JuspayCustomer> = try await send(
            "POST", "/payments/juspay/customers", body: Body(userId: id))
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
