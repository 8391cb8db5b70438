import Foundation
import StorefrontAPI

/// The wishlist: add, remove, move to cart.
extension Reducer {
    static func reduceWishlist(_ state: inout State, _ action: WishlistAction, _ environment: ShopEnvironment)
        -> Effect
    {
        switch action {
        case .load:
            guard state.session.claims != nil else { return .none }
            state.inFlight.insert(.wishlist)
            return call(.wishlist, environment) { api in
                .wishlist(.loaded(try await api.wishlist()))
            } failure: {
                .wishlist(.failed($0))
            }

        case .loaded(let items), .updated(let items):
            state.inFlight.remove(.wishlist)
            state.wishlist.items = items
            state.wishlist.isLoaded = true
            state.wishlist.selectedIndex = clampIndex(state.wishlist.selectedIndex, count: items.count)
            if case .updated = action { success(&state, "Wishlist updated.") }
            return .none

        case .failed(let error):
            return fail(&state, error, .wishlist, environment)

        case .add(let line):
            guard !state.wishlist.contains(line) else {
                info(&state, "Already in the wishlist.")
                return .none
            }
            state.inFlight.insert(.wishlist)
            return call(.wishlist, environment) { api in
                .wishlist(.updated(try await api.addToWishlist(line)))
            } failure: {
                .wishlist(.failed($0))
            }

        case .remove(let line):
            state.inFlight.insert(.wishlist)
            return call(.wishlist, environment) { api in
                .wishlist(.updated(try await api.removeFromWishlist(line)))
            } failure: {
                .wishlist(.failed($0))
            }

        case .removeSelected:
            guard let item = state.wishlist.selectedItem else { return .none }
            return reduceWishlist(
                &state, .remove(LineID(productId: item.productId, variantId: item.variantId)), environment)

        case .moveToCart(let line):
            guard
                let item = state.wishlist.items.first(where: {
                    $0.productId == line.productId && $0.variantId == line.variantId
                })
            else { return .none }
            guard item.stockAvailable || item.backorder else {
                error(&state, "\(item.displayName) is out of stock.")
                return .none
            }
            let quantity = max(1, state.cart.quantity(of: line) + 1)
            let preview = CartItem(
                productId: line.productId, variantId: line.variantId, productName: item.displayName,
                quantity: quantity, sellingPrice: item.pricing?.sellingPrice ?? .zero)
            return .merge(
                reduceCart(&state, .setQuantity(line, quantity, preview: preview), environment),
                reduceWishlist(&state, .remove(line), environment))

        case .moveSelectedToCart:
            guard let item = state.wishlist.selectedItem else { return .none }
            return reduceWishlist(
                &state, .moveToCart(LineID(productId: item.productId, variantId: item.variantId)), environment)
        }
    }
}

/// Coupons: applicable and not (with the reason), apply, remove.
extension Reducer {
    static func reduceCoupons(_ state: inout State, _ action: CouponsAction, _ environment: ShopEnvironment)
        -> Effect
    {
        switch action {
        case .load:
            guard let cartID = state.cart.server?.id else {
                state.coupons.applicable = []
                state.coupons.inapplicable = []
                return .none
            }
            state.inFlight.insert(.coupons)
            return call(.coupons, environment) { api in
                let evaluation = try await api.evaluateCoupons(cartID: cartID)
                return .coupons(
                    .evaluated(applicable: evaluation.applicableCoupons, inapplicable: evaluation.inapplicableCoupons))
            } failure: {
                .coupons(.failed($0))
            }

        case .evaluated(let applicable, let inapplicable):
            state.inFlight.remove(.coupons)
            state.coupons.applicable = applicable
            state.coupons.inapplicable = inapplicable
            state.coupons.selectedIndex = clampIndex(
                state.coupons.selectedIndex, count: applicable.count + inapplicable.count)
            return .none

        case .failed(let error):
            return fail(&state, error, .coupons, environment)

        case .apply(let code):
            let code = code.trimmingCharacters(in: .whitespaces).uppercased()
            guard !code.isEmpty else { return .none }
            state.coupons.rejection = nil
            return enqueue(&state, .applyCoupon(code), environment)

        case .applyTyped:
            return reduceCoupons(&state, .apply(code: state.form[.couponCode]), environment)

        case .applySelected:
            guard let coupon = state.coupons.selectedCoupon else { return .none }
            if let reason = coupon.reason, !state.coupons.applicable.contains(coupon) {
                state.coupons.rejection = reason
                error(&state, "\(coupon.code) does not apply: \(reason)")
                return .none
            }
            return reduceCoupons(&state, .apply(code: coupon.code), environment)

        case .remove:
            guard state.cart.server?.couponCode != nil || state.cart.server?.isCouponApplied == true else {
                return .none
            }
            return enqueue(&state, .removeCoupon, environment)
        }
    }
}
