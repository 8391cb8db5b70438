import Foundation

/// `GET /customers/{user_id}/loyalty` on the wire, in the newest documented shape
/// (https://docs.commercengine.io/api-reference/customers/retrieve-loyalty-details): the details under `loyalty`
/// and the balance again beside them.
struct LoyaltyContentWire: Encodable, Sendable, Equatable {
    struct Loyalty: Encodable, Sendable, Equatable {
        var membershipNumber: String
        var loyaltyTier: String
        var loyaltyPointEarned: Int
        var loyaltyPointRedeemed: Int
        var loyaltyPointBalance: Int
        var loyaltyPointRedeemable: Int
        var loyaltyPointBonusAccrued: Int
        var dateOfReset: String
        /// Rupees saved by redeemed points (1 point = ₹1).
        var totalSavings: Int
    }

    var loyalty: Loyalty
    var loyaltyPointBalance: Int

    /// From what the sandbox keeps: the balance, and the points redeemed and earned on the user's orders (earned
    /// only once paid, as the balance is credited).
    init(userId: String, balance: Int, earned: Int, redeemed: Int, joined: Date) {
        let reset = Calendar(identifier: .gregorian).date(byAdding: .year, value: 1, to: joined) ?? joined
        loyalty = Loyalty(
            membershipNumber: "LM-" + userId, loyaltyTier: "Member", loyaltyPointEarned: earned,
            loyaltyPointRedeemed: redeemed, loyaltyPointBalance: balance, loyaltyPointRedeemable: balance,
            loyaltyPointBonusAccrued: 0, dateOfReset: ISO8601DateFormatter().string(from: reset),
            totalSavings: redeemed)
        loyaltyPointBalance = balance
    }
}
