import StorefrontAPI

public struct CouponsState: Equatable, Sendable {
    public var applicable: [EvaluatedCoupon] = []
    /// Each with its `reason` (and `suggestion`).
    public var inapplicable: [EvaluatedCoupon] = []
    /// Over applicable then inapplicable.
    public var selectedIndex = 0
    /// Why the last coupon was rejected.
    public var rejection: String?
    /// The typed code the store last rejected: Enter then applies the highlighted coupon, not it again.
    public var rejectedCode: String?

    public init() {}

    public var all: [EvaluatedCoupon] { applicable + inapplicable }

    public var selectedCoupon: EvaluatedCoupon? {
        let all = all
        return all.indices.contains(selectedIndex) ? all[selectedIndex] : nil
    }
}

extension State {
    /// Enter on the coupons screen applies the typed code, unless the store refused it already and a coupon of the
    /// list is highlighted: then the highlighted one.
    public var entersTypedCoupon: Bool {
        let typed = form.trimmed(.couponCode).uppercased()
        guard !typed.isEmpty else { return false }
        return typed != coupons.rejectedCode || coupons.selectedCoupon == nil
    }

    /// The most credit this cart can take: the balance, but no more than is to be paid (before any credit).
    public var maxCreditToUse: Money? {
        guard let balance = user?.creditBalance else { return nil }
        let payable = cart.server.map { $0.toBePaid + $0.creditBalanceUsed } ?? cart.amount
        return min(balance, max(payable, .zero))
    }
}

extension Money {
    /// "150.00": what the credit field takes.
    var plainMajor: String {
        let magnitude = minorUnits.magnitude
        let fraction = magnitude % 100
        return (minorUnits < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
