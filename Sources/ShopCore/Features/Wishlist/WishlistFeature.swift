import Foundation
import StorefrontAPI

/// The wishlist: add, remove, move to cart.
extension Reducer {
    static func reduceWishlist(_ state: inout State, _ action: WishlistAction, _ environment: ShopEnvironment)
        -> Effect
    {
        switch action {
        case .view(.load):
            guard state.session.claims != nil else { return .none }
            // A save or removal on its way answers the whole wishlist; reading it now would cancel that change
            // (one effect per id) and could show the list without it.
            guard !state.inFlight.contains(.wishlist) else { return .none }
            state.inFlight.insert(.wishlist)
            return call(.wishlist, environment) { api in
                .wishlist(.response(.loaded(try await api.wishlist())))
            } failure: {
                .wishlist(.response(.failed($0)))
            }

        case .response(.loaded(let items)), .response(.updated(let items)):
            state.inFlight.remove(.wishlist)
            let before = state.wishlist.isLoaded ? state.wishlist.items : nil
            state.wishlist.items = items
            state.wishlist.isLoaded = true
            state.wishlist.selectedIndex = clampIndex(state.wishlist.selectedIndex, count: items.count)
            if case .response(.updated) = action {
                showSuccess(&state, wishlistChange(before: before, after: items, shown: state.product.line))
            }
            return .none

        case .response(.failed(let error)):
            return fail(&state, error, .wishlist, environment)

        case .view(.add(let line)):
            guard !state.wishlist.contains(line) else {
                showInfo(&state, "Already in the wishlist.")
                return .none
            }
            state.inFlight.insert(.wishlist)
            return call(.wishlist, environment) { api in
                .wishlist(.response(.updated(try await api.addToWishlist(line))))
            } failure: {
                .wishlist(.response(.failed($0)))
            }

        case .view(.remove(let line)):
            state.inFlight.insert(.wishlist)
            return call(.wishlist, environment) { api in
                .wishlist(.response(.updated(try await api.removeFromWishlist(line))))
            } failure: {
                .wishlist(.response(.failed($0)))
            }

        case .view(.removeSelected):
            guard let item = state.wishlist.selectedItem else { return .none }
            return reduceWishlist(
                &state, .view(.remove(LineID(productId: item.productId, variantId: item.variantId))), environment)

        case .view(.moveToCart(let line)):
            guard
                let item = state.wishlist.items.first(where: {
                    $0.productId == line.productId && $0.variantId == line.variantId
                })
            else { return .none }
            guard item.stockAvailable || item.backorder else {
                showError(&state, "\(item.displayName) is out of stock.")
                return .none
            }
            guard state.wishlist.movingToCart[line] == nil else { return .none }
            let current = state.cart.quantity(of: line)
            let limit = state.cart.server?.line(line)?.maxOrderQuantity ?? item.pricing?.maxOrderQuantity
            if let limit, limit > 0, current >= limit {
                showError(
                    &state,
                    "Not moved: the cart already holds \(current) of \(item.displayName), the most per order. "
                        + "It stays in the wishlist.")
                return .none
            }
            // It leaves the wishlist only once the cart holds it (``wishlistMoveSettled``).
            state.wishlist.movingToCart[line] = current
            let quantity = max(1, current + 1)
            let preview = CartItem(
                productId: line.productId, variantId: line.variantId, productName: item.displayName,
                quantity: quantity, sellingPrice: item.pricing?.sellingPrice ?? .zero)
            return tellParent(
                &state, .wishlist(.delegate(.moveToCart(line, quantity: quantity, preview: preview))), environment)

        case .view(.moveSelectedToCart):
            guard let item = state.wishlist.selectedItem else { return .none }
            return reduceWishlist(
                &state, .view(.moveToCart(LineID(productId: item.productId, variantId: item.variantId))), environment)

        case .delegate:
            return .none
        }
    }
}

extension Reducer {
    /// What a save or removal did, by name: "Saved Millet Muesli 750g to the wishlist.", "Removed … from the
    /// wishlist."; `before` nil when the wishlist had not been read (a save from the product page: `shown` is its
    /// line). "Wishlist updated." when it cannot be told.
    static func wishlistChange(before: [CatalogItem]?, after: [CatalogItem], shown: LineID?) -> String {
        func line(_ item: CatalogItem) -> LineID { LineID(productId: item.productId, variantId: item.variantId) }
        if let before {
            let was = Set(before.map(line))
            let now = Set(after.map(line))
            let added = after.filter { !was.contains(line($0)) }
            let removed = before.filter { !now.contains(line($0)) }
            if added.count == 1, removed.isEmpty { return "Saved \(added[0].displayName) to the wishlist." }
            if removed.count == 1, added.isEmpty { return "Removed \(removed[0].displayName) from the wishlist." }
        } else if let shown, let saved = after.first(where: { line($0) == shown }) {
            return "Saved \(saved.displayName) to the wishlist."
        }
        return "Wishlist updated."
    }

    /// The cart answered a change of `line`: a product being moved from the wishlist leaves it now if the cart
    /// holds more of it than before (else it stays, and the notice says why). `failure`: the change was refused.
    static func wishlistMoveSettled(
        _ state: inout State, _ line: LineID, failure: APIError? = nil, _ environment: ShopEnvironment
    ) -> Effect {
        guard let before = state.wishlist.movingToCart.removeValue(forKey: line) else { return .none }
        let name =
            state.wishlist.items.first { $0.productId == line.productId && $0.variantId == line.variantId }?
            .displayName ?? "The product"
        if let failure {
            showError(&state, "\(name) was not moved to the cart (\(failure.message)); it stays in the wishlist.")
            return .none
        }
        let now = state.cart.server?.line(line)?.quantity ?? 0
        guard now > before else {
            showError(&state, "\(name) was not added to the cart; it stays in the wishlist.")
            return .none
        }
        showSuccess(&state, "Moved \(name) to the cart.")
        state.inFlight.insert(.wishlist)
        return call(.wishlist, environment) { api in
            .wishlist(.response(.loaded(try await api.removeFromWishlist(line))))
        } failure: {
            .wishlist(.response(.failed($0)))
        }
    }
}
