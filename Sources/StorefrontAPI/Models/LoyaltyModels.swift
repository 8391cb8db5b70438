/// A customer's loyalty details (`GET /customers/{user_id}/loyalty`, "Retrieve loyalty details"), read tolerantly:
/// the reference's pages show two shapes. The newest answers `content.loyalty.loyalty_point_balance` (with
/// `loyalty_point_redeemable`) and the balance again at `content.loyalty_point_balance`; an older one answers
/// `content.loyalty.points_balance`.
public struct LoyaltyDetails: Codable, Sendable, Hashable {
    /// The points the customer holds; nil when the answer tells none.
    public var balance: Int?
    /// The points that may be redeemed now, where the store says (at most the balance).
    public var redeemable: Int?
    public var tier: String?
    public var membershipNumber: String?

    public init(balance: Int?, redeemable: Int? = nil, tier: String? = nil, membershipNumber: String? = nil) {
        self.balance = balance
        self.redeemable = redeemable
        self.tier = tier
        self.membershipNumber = membershipNumber
    }

    /// The most points a cart may take: the redeemable points where told, never more than the balance.
    public var mostToRedeem: Int? {
        guard let balance else { return redeemable }
        return min(balance, redeemable ?? balance)
    }
}

/// The `content` of the loyalty answer, both documented shapes.
struct LoyaltyContent: Decodable, Sendable {
    struct Loyalty: Decodable, Sendable {
        var membershipNumber: String?
        var loyaltyTier: String?
        var currentTier: String?
        var loyaltyPointBalance: LenientPoints?
        var loyaltyPointRedeemable: LenientPoints?
        var loyaltyPointRedeemed: LenientPoints?
        var pointsBalance: LenientPoints?
    }

    var loyalty: Loyalty?
    var loyaltyPointBalance: LenientPoints?

    var details: LoyaltyDetails {
        LoyaltyDetails(
            balance: (loyaltyPointBalance ?? loyalty?.loyaltyPointBalance ?? loyalty?.pointsBalance)?.value,
            redeemable: loyalty?.loyaltyPointRedeemable?.value,
            tier: loyalty?.loyaltyTier ?? loyalty?.currentTier, membershipNumber: loyalty?.membershipNumber)
    }
}

/// A points count the reference types as a number: a whole number, or a fraction cut to whole points.
struct LenientPoints: Decodable, Sendable {
    var value: Int

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let whole = try? container.decode(Int.self) {
            value = whole
        } else {
            let number = try container.decode(Double.self)
            guard number.isFinite, number.magnitude < Double(Int32.max) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "points out of range")
            }
            value = Int(number.rounded(.down))
        }
    }
}
