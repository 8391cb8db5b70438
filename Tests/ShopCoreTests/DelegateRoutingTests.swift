import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

/// Features tell their parent (`delegate`), and the root reducer routes it to the feature that acts on it: the
/// wishlist asks for a product in the cart, the cart says the line settled, the wishlist lets it go.
@MainActor @Suite struct DelegateRoutingTests {
    nonisolated static let line = Fixtures.line("p2")
    nonisolated static let preview = CartItem(
        productId: "p2", variantId: nil, productName: "Product p2", quantity: 1, sellingPrice: Fixtures.rupees(500))

    /// The full move (the cart holds it, the wishlist lets it go) is `moveToCartAddsOptimisticallyAndRemovesFrom
    /// TheWishlist`; here the cart refuses it, and its delegate action tells the wishlist to keep it.
    @Test func theWishlistsMoveToCartIsRoutedToTheCartAndItsRefusalBack() async {
        let refusal = APIError.http(status: 400, code: "OUT_OF_STOCK", message: "Out of stock", details: [])
        let api = StubAPI {
            $0.setItem = { input throws(APIError) in
                #expect(input.1 == CartItemUpdate(productId: "p2", variantId: nil, quantity: 1))
                throw refusal
            }
        }
        var state = memberState()
        state.route = [.catalog, .wishlist]
        state.wishlist.items = [Fixtures.catalogItem("p2")]
        state.wishlist.movingToCart = [Self.line: 0]
        let store = makeStore(api, state: state)
        // What the wishlist tells its parent: the parent has the cart set the quantity.
        await store.send(.wishlist(.delegate(.moveToCart(Self.line, quantity: 1, preview: Self.preview)))) {
            $0.cart.pending[Self.line] = PendingLine(quantity: 1, preview: Self.preview)
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setQuantity(Self.line, 1))
            $0.inFlight = [.cart]
        }
        // The cart rolls the line back and tells its parent the line settled with a failure: the wishlist keeps it.
        await store.receive(.cart(.response(.mutationFailed(sequence: 1, refusal)))) {
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.wishlist.movingToCart = [:]
            $0.notice = Notice(
                .error, "Product p2 was not moved to the cart (\(refusal.message)); it stays in the wishlist.")
        }
        #expect(api.calls.count == 1)
        await store.finish()
    }

    /// The wishlist's own reducer does not touch the cart: reducing its delegate action there does nothing; the
    /// root reducer is what routes it.
    @Test func aDelegateActionIsTheParentsNotTheFeatures() {
        var state = memberState()
        state.wishlist.items = [Fixtures.catalogItem("p2")]
        let before = state
        let environment = ShopEnvironment(api: StubAPI(), clock: TestClock(), policy: .test)
        let delegate = WishlistAction.delegate(.moveToCart(Self.line, quantity: 1, preview: Self.preview))
        #expect(Reducer.reduceWishlist(&state, delegate, environment).isNone)
        #expect(state == before)
        _ = Reducer.reduce(into: &state, action: .wishlist(delegate), environment: environment)
        #expect(state.cart.pending[Self.line] == PendingLine(quantity: 1, preview: Self.preview))
        #expect(state.cart.inFlight == CartRequest(sequence: 1, command: .setQuantity(Self.line, 1)))
    }

    /// A product added from its page goes to the cart and the wishlist through the parent too.
    @Test func theProductsAddsAreRoutedToTheCartAndTheWishlist() {
        var state = memberState()
        let environment = ShopEnvironment(api: StubAPI(), clock: TestClock(), policy: .test)
        _ = Reducer.reduce(
            into: &state, action: .product(.delegate(.addToCart(Self.line, quantity: 2, preview: Self.preview))),
            environment: environment)
        #expect(state.cart.pending[Self.line] == PendingLine(quantity: 2, preview: Self.preview))
        let effect = Reducer.reduce(
            into: &state, action: .product(.delegate(.addToWishlist(Self.line))), environment: environment)
        #expect(effect.runIDs == [EffectID("wishlist")])
        #expect(state.inFlight.contains(.wishlist))
    }

    /// What features tell their parent is an answer, never a refused intent: read-only mode lets it through.
    @Test func delegateActionsAreNeitherIntentsNorRefused() {
        let delegates: [Action] = [
            .session(.delegate(.signedIn)), .session(.delegate(.restoredSignedIn)),
            .product(.delegate(.addToWishlist(Self.line))), .cart(.delegate(.couponChanged)),
            .cart(.delegate(.readyForCheckout)), .cart(.delegate(.lineSettled(Self.line, failure: nil))),
            .cart(.delegate(.addressesSet)), .cart(.delegate(.deliverySet)),
            .wishlist(.delegate(.moveToCart(Self.line, quantity: 1, preview: Self.preview))),
            .payment(.delegate(.leftForOrder)),
        ]
        var state = memberState()
        state.readOnly = ReadOnlyMode()
        for action in delegates {
            #expect(action.origin == .answer, "\(action)")
            #expect(Reducer.mutation(action, in: state) == nil, "\(action)")
            #expect(!Reducer.startsAnew(action, in: state), "\(action)")
        }
    }
}
