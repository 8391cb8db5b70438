import StorefrontAPI

/// The customer's loyalty points: read from the store (`GET /customers/{user_id}/loyalty`) once each time a
/// signed-in customer opens Account or Coupons; shown there and prefilled as the most to redeem.
extension Reducer {
    /// One read of the loyalty details, not for a guest. A failure shows no balance and no notice: nothing waits
    /// on it.
    static func loadLoyalty(_ state: inout State, _ environment: ShopEnvironment) -> Effect {
        guard state.isSignedIn else {
            state.account.loyalty = nil
            return .none
        }
        return call(.loyalty, environment) { api in
            .account(.response(.loyaltyLoaded(try await api.loyalty())))
        } failure: { _ in
            .account(.response(.loyaltyLoaded(nil)))
        }
    }

    static func loyaltyLoaded(_ state: inout State, _ details: LoyaltyDetails?) {
        state.account.loyalty = state.isSignedIn ? details : nil
        if state.currentRoute == .coupons { prefillPoints(&state) }
    }

    /// The points field starts at the most that may be redeemed (the redeemable points where the store says,
    /// else the balance), unless something is typed there already.
    static func prefillPoints(_ state: inout State) {
        if state.form[.loyaltyPoints].isEmpty, let points = state.account.loyalty?.mostToRedeem, points > 0 {
            state.form.set(.loyaltyPoints, String(points))
        }
    }
}
