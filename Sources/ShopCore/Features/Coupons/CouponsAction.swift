import StorefrontAPI

/// The types of ``CouponsAction``: what the user asks, what effects answer.
public enum CouponsFeature {
    /// What the user asked for.
    public enum View: Equatable, Sendable, Codable {
        case load
        case apply(code: String)
        /// Applies the `couponCode` field.
        case applyTyped
        case applySelected
        case remove
    }

    /// What an effect answered.
    public enum Response: Equatable, Sendable, Codable {
        case evaluated(applicable: [EvaluatedCoupon], inapplicable: [EvaluatedCoupon])
        case failed(APIError)
    }
}
