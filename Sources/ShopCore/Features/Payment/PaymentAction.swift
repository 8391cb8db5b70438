import StorefrontAPI

/// The types of ``PaymentAction``: what the user asks, what effects answer and what it tells its parent.
public enum PaymentFeature {
    /// What the user asked for.
    public enum View: Equatable, Sendable, Codable {
        /// Opens or closes the payment's detail view.
        case toggleDetail
        /// Stops polling (the order stays; "check again" resumes).
        case stopPolling
        case checkAgain
        /// After a failure: asks for a new payment link.
        case retry
        /// Leaves the payment screen for the order.
        case done
    }

    /// What an effect answered.
    public enum Response: Equatable, Sendable, Codable {
        case linkReady(String?)
        /// Juspay create-order answered (after the Juspay customer): its `payment_links.web` is the link.
        case juspayOrderReady(JuspayOrder)
        case setupFailed(APIError)
        case statusPolled(attempt: Int, PaymentStatus)
        case pollFailed(attempt: Int, APIError)
        case timedOut
        case retried(PaymentInfo?)
        case retryFailed(APIError)
    }

    /// What the payment tells its parent, which routes it (`DelegateRouting.swift`).
    public enum Delegate: Equatable, Sendable, Codable {
        /// The customer left the payment for the order: the orders list may have changed.
        case leftForOrder
    }
}
