import Foundation
import StorefrontAPI

/// Coupons: applicable and not (with the reason), apply, remove.
extension Reducer {
    static func reduceCoupons(_ state: inout State, _ action: CouponsAction, _ environment: ShopEnvironment)
        -> Effect
    {
        switch action {
        case .view(.load):
            guard let cartID = state.cart.server?.id else {
                state.coupons.applicable = []
                state.coupons.inapplicable = []
                return .none
            }
            state.inFlight.insert(.coupons)
            return call(.coupons, environment) { api in
                let evaluation = try await api.evaluateCoupons(cartID: cartID)
                return .coupons(
                    .response(
                        .evaluated(
                            applicable: evaluation.applicableCoupons, inapplicable: evaluation.inapplicableCoupons)))
            } failure: {
                .coupons(.response(.failed($0)))
            }

        case .response(.evaluated(let applicable, let inapplicable)):
            state.inFlight.remove(.coupons)
            state.coupons.applicable = applicable
            state.coupons.inapplicable = inapplicable
            state.coupons.selectedIndex = clampIndex(
                state.coupons.selectedIndex, count: applicable.count + inapplicable.count)
            return .none

        case .response(.failed(let error)):
            return fail(&state, error, .coupons, environment)

        case .view(.apply(let code)):
            let code = code.trimmingCharacters(in: .whitespaces).uppercased()
            guard !code.isEmpty else { return .none }
            state.coupons.rejection = nil
            return enqueue(&state, .applyCoupon(code), environment)

        case .view(.applyTyped):
            return reduceCoupons(&state, .view(.apply(code: state.form[.couponCode])), environment)

        case .view(.applySelected):
            guard let coupon = state.coupons.selectedCoupon else { return .none }
            if let reason = coupon.reason, !state.coupons.applicable.contains(coupon) {
                state.coupons.rejection = reason
                showError(&state, "\(coupon.code) does not apply: \(reason)")
                return .none
            }
            return reduceCoupons(&state, .view(.apply(code: coupon.code)), environment)

        case .view(.remove):
            guard state.cart.server?.couponCode != nil || state.cart.server?.isCouponApplied == true else {
                return .none
            }
            return enqueue(&state, .removeCoupon, environment)
        }
    }
}
