import StorefrontAPI

/// The types of ``OrdersAction``: what the user asks, what effects answer.
public enum OrdersFeature {
    /// What the user asked for.
    public enum View: Equatable, Sendable, Codable {
        case load
        case loadMore
        case open(orderNumber: String)
        /// Pays the order shown (unpaid): the payment screen with a live link (Juspay customer and create-order, or
        /// a payment retry after a failed payment).
        case pay
        /// Asks to cancel the order shown; `confirmCancel` cancels it, `dismissCancel` (or back) keeps it.
        case requestCancel
        case confirmCancel
        case dismissCancel
    }

    /// What an effect answered.
    public enum Response: Equatable, Sendable, Codable {
        case loaded(page: Int, orders: [Order], nextPage: Int?)
        case failed(APIError)
        case detailLoaded(Order)
        case detailFailed(APIError)
        case cancelled(Order)
        case cancelFailed(APIError)
    }
}
