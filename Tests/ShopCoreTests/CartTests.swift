import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

@MainActor @Suite struct CartTests {
    /// The notice says how many points the cart took: a store takes no more than is left to pay, fewer than asked
    /// (the sandbox took 371 of 510 for a ₹371.92 cart).
    @Test func redeemedPointsAreWhatTheCartTook() async {
        var capped = Fixtures.cart([Fixtures.item("p1", quantity: 1)])
        capped.loyaltyPointsRedeemed = 371
        var whole = capped
        whole.loyaltyPointsRedeemed = 50
        let (cappedCart, wholeCart) = (capped, whole)
        let api = StubAPI { $0.redeemLoyaltyPoints = { input in input.1 == 510 ? cappedCart : wholeCart } }
        let store = makeStore(api, state: memberState())
        for (sequence, points, cart, notice) in [
            (1, 510, capped, "371 loyalty points redeemed, the most this cart can take (510 asked)."),
            (2, 50, whole, "50 loyalty points redeemed."),
        ] {
            await store.send(.setField(.loyaltyPoints, String(points))) { $0.form[.loyaltyPoints] = String(points) }
            await store.send(.cart(.view(.redeemLoyaltyPoints))) {
                $0.notice = nil
                $0.cart.sequence = sequence
                $0.cart.inFlight = CartRequest(sequence: sequence, command: .redeemLoyaltyPoints(points))
                $0.inFlight = [.cart]
            }
            await store.receive(.cart(.response(.mutationSucceeded(sequence: sequence, cart)))) {
                $0.cart.server = cart
                $0.cart.inFlight = nil
                $0.inFlight = []
                $0.form[.loyaltyPoints] = ""
                $0.notice = Notice(.success, notice)
            }
        }
        await store.finish()
    }

    @Test func addingFromTheProductPageShowsAtOnceAndCreatesTheCart() async {
        let created = Fixtures.cart([Fixtures.item("p1", quantity: 2)])
        let api = StubAPI {
            $0.createCart = { items in
                #expect(items == [CartItemUpdate(productId: "p1", variantId: nil, quantity: 2)])
                return created
            }
        }
        var state = guestState()
        state.cart.isLoaded = true
        state.route = [.catalog, .product(id: "p1")]
        state.product.id = "p1"
        state.product.product = Fixtures.product("p1")
        let store = makeStore(api, state: state)
        await store.send(.product(.view(.changeQuantity(by: 1)))) { $0.product.quantity = 2 }
        let preview = CartItem(
            productId: "p1", variantId: nil, productName: "Product p1", quantity: 2, sellingPrice: Fixtures.rupees(500))
        await store.send(.select) {
            $0.notice = Notice(.success, "Added Product p1 to the cart.")
            $0.cart.pending[Fixtures.line("p1")] = PendingLine(quantity: 2, preview: preview)
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setQuantity(Fixtures.line("p1"), 2))
            $0.inFlight = [.cart]
        }
        #expect(store.state.cartCount == 2)
        #expect(store.state.cartAmount == Fixtures.rupees(1000))
        #expect(store.state.cart.isEstimate)
        #expect(store.state.cart.lines.map(\.isPending) == [true])
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 1, created)))) {
            $0.cart.server = created
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.inFlight = []
        }
        #expect(store.state.cartCount == 2)
        #expect(!store.state.cart.isEstimate)
        await store.finish()
    }

    @Test func mutationsAreSerializedAndTheNewestIntentWins() async {
        let gate = Gate()
        let api = StubAPI {
            $0.setItem = { input in
                await gate.wait()
                return Fixtures.cart([Fixtures.item("p1", quantity: input.1.quantity)])
            }
        }
        var state = memberState()
        state.route = [.catalog, .cart]
        let store = makeStore(api, state: state)
        let p1 = Fixtures.line("p1")
        await store.send(.cart(.view(.incrementSelected))) {
            $0.cart.pending[p1] = PendingLine(quantity: 2, preview: nil)
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setQuantity(p1, 2))
            $0.inFlight = [.cart]
        }
        await store.send(.cart(.view(.incrementSelected))) {
            $0.cart.pending[p1] = PendingLine(quantity: 3, preview: nil)
        }
        await store.send(.cart(.view(.incrementSelected))) {
            $0.cart.pending[p1] = PendingLine(quantity: 4, preview: nil)
        }
        #expect(api.count("setItem") == 1)
        #expect(store.state.cartCount == 4)
        #expect(store.state.cartAmount == Fixtures.rupees(2000))
        // A cart reload while a mutation is in flight is ignored: the mutation will answer a newer cart.
        await store.send(.cart(.response(.loaded(Fixtures.cart([])))))
        gate.open()
        await store.receive(
            .cart(.response(.mutationSucceeded(sequence: 1, Fixtures.cart([Fixtures.item("p1", quantity: 2)]))))
        ) {
            $0.cart.server = Fixtures.cart([Fixtures.item("p1", quantity: 2)])
            $0.cart.sequence = 2
            $0.cart.inFlight = CartRequest(sequence: 2, command: .setQuantity(p1, 4))
        }
        await store.receive(
            .cart(.response(.mutationSucceeded(sequence: 2, Fixtures.cart([Fixtures.item("p1", quantity: 4)]))))
        ) {
            $0.cart.server = Fixtures.cart([Fixtures.item("p1", quantity: 4)])
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.inFlight = []
        }
        #expect(api.calls.filter { $0.hasPrefix("setItem") }.count == 2)
        await store.finish()
    }

    @Test func outOfStockRollsTheLineBack() async {
        let outOfStock = APIError.http(
            status: 400, code: "VALIDATION_ERROR", message: "Only 2 left in stock", details: [])
        let api = StubAPI { $0.setItem = { _ throws(APIError) in throw outOfStock } }
        let store = makeStore(api, state: memberState())
        let p1 = Fixtures.line("p1")
        await store.send(.cart(.view(.setQuantity(p1, 5, preview: nil)))) {
            $0.cart.pending[p1] = PendingLine(quantity: 5, preview: nil)
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setQuantity(p1, 5))
            $0.inFlight = [.cart]
        }
        #expect(store.state.cartCount == 5)
        await store.receive(.cart(.response(.mutationFailed(sequence: 1, outOfStock)))) {
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.notice = Notice(.error, "Could not update Product p1: Only 2 left in stock")
        }
        #expect(store.state.cartCount == 1)
        await store.finish()
    }

    @Test func outOfDateAnswersAreIgnored() async {
        var state = memberState()
        state.cart.sequence = 3
        state.cart.inFlight = CartRequest(sequence: 3, command: .removeCoupon)
        let store = makeStore(StubAPI(), state: state)
        await store.send(.cart(.response(.mutationSucceeded(sequence: 2, Fixtures.cart([])))))
        await store.send(.cart(.response(.mutationFailed(sequence: 1, .timeout))))
        await store.finish()
    }

    @Test func removeAndDecrementToZeroAndSetTheSameQuantity() async {
        let api = StubAPI {
            $0.setItem = { input in
                #expect(input.1.quantity == 0)
                return Fixtures.cart([Fixtures.item("p2", quantity: 1)])
            }
        }
        var state = memberState(
            cart: Fixtures.cart([Fixtures.item("p1", quantity: 1), Fixtures.item("p2", quantity: 1)]))
        state.route = [.catalog, .cart]
        let store = makeStore(api, state: state)
        // Setting what the server already has sends nothing.
        await store.send(.cart(.view(.setQuantity(Fixtures.line("p1"), 1, preview: nil))))
        await store.send(.cart(.view(.decrementSelected))) {
            $0.cart.lastRemoved = RemovedLine(item: Fixtures.item("p1", quantity: 1), quantity: 1)
            $0.notice = Notice(.info, "Removed Product p1. u undo")
            $0.cart.pending[Fixtures.line("p1")] = PendingLine(quantity: 0, preview: nil)
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setQuantity(Fixtures.line("p1"), 0))
            $0.inFlight = [.cart]
        }
        #expect(store.state.cart.lines.map(\.item.productId) == ["p2"])
        await store.receive(
            .cart(.response(.mutationSucceeded(sequence: 1, Fixtures.cart([Fixtures.item("p2", quantity: 1)]))))
        ) {
            $0.cart.server = Fixtures.cart([Fixtures.item("p2", quantity: 1)])
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.inFlight = []
        }
        await store.send(.cart(.view(.removeSelected))) {
            $0.cart.lastRemoved = RemovedLine(item: Fixtures.item("p2", quantity: 1), quantity: 1)
            $0.notice = Notice(.info, "Removed Product p2. u undo")
            $0.cart.pending[Fixtures.line("p2")] = PendingLine(quantity: 0, preview: nil)
            $0.cart.sequence = 2
            $0.cart.inFlight = CartRequest(sequence: 2, command: .setQuantity(Fixtures.line("p2"), 0))
            $0.inFlight = [.cart]
        }
        await store.receive(
            .cart(.response(.mutationSucceeded(sequence: 2, Fixtures.cart([Fixtures.item("p2", quantity: 1)]))))
        ) {
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.inFlight = []
        }
        await store.finish()
    }

    @Test func incrementStopsAtTheOrderLimit() async {
        var item = Fixtures.item("p1", quantity: 2)
        item.maxOrderQuantity = 2
        var state = memberState(cart: Fixtures.cart([item]))
        state.route = [.catalog, .cart]
        let store = makeStore(StubAPI(), state: state)
        await store.send(.cart(.view(.incrementSelected))) { $0.notice = Notice(.info, "Only 2 can be ordered.") }
        await store.finish()
    }

    @Test func moveToWishlistAddsThereThenRemovesFromTheCart() async {
        let wished = [Fixtures.catalogItem("p2")]
        let after = Fixtures.cart([Fixtures.item("p1", quantity: 1)])
        let api = StubAPI {
            $0.addToWishlist = { line in
                #expect(line == Fixtures.line("p2"))
                return wished
            }
            $0.setItem = { _ in after }
        }
        var state = memberState(
            cart: Fixtures.cart([Fixtures.item("p1", quantity: 1), Fixtures.item("p2", quantity: 3)]))
        state.route = [.catalog, .cart]
        let store = makeStore(api, state: state)
        await store.send(.moveSelection(by: 1)) { $0.cart.selectedIndex = 1 }
        await store.send(.cart(.view(.moveSelectedToWishlist))) { $0.inFlight = [.wishlist] }
        await store.receive(.cart(.response(.movedToWishlist(Fixtures.line("p2"), wished)))) {
            $0.wishlist.items = wished
            $0.wishlist.isLoaded = true
            $0.notice = Notice(.success, "Moved to the wishlist.")
            $0.cart.pending[Fixtures.line("p2")] = PendingLine(quantity: 0, preview: nil)
            $0.cart.selectedIndex = 0
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setQuantity(Fixtures.line("p2"), 0))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 1, after)))) {
            $0.cart.server = after
            $0.cart.pending = [:]
            $0.cart.inFlight = nil
            $0.inFlight = []
        }
        await store.send(.cart(.response(.moveToWishlistFailed(Fixtures.line("p1"), .timeout)))) {
            $0.notice = Notice(.error, APIError.timeout.message)
        }
        await store.finish()
    }

    @Test func giftCardLoyaltyPointsAndCreditBalance() async {
        var withGift = Fixtures.cart([Fixtures.item("p1", quantity: 1)])
        withGift.giftCardCode = "GIFT100"
        withGift.giftCardAmount = Fixtures.rupees(100)
        var withCredit = withGift
        withCredit.creditBalanceUsed = Money(minorUnits: 15050)
        let plain = Fixtures.cart([Fixtures.item("p1", quantity: 1)])
        let (gift, credit) = (withGift, withCredit)
        let api = StubAPI {
            $0.redeemGiftCard = { input in
                #expect(input == ("c1", "GIFT100"))
                return gift
            }
            $0.removeGiftCard = { _ in plain }
            $0.redeemLoyaltyPoints = { input throws(APIError) in
                #expect(input.1 == 50)
                throw .http(status: 400, code: nil, message: "Not enough points", details: [])
            }
            $0.removeLoyaltyPoints = { _ in plain }
            $0.redeemCreditBalance = { input in
                #expect(input.1 == Money(minorUnits: 15050))
                return credit
            }
            $0.removeCreditBalance = { _ in plain }
        }
        let store = makeStore(api, state: memberState())
        await store.send(.cart(.view(.applyGiftCard))) { $0.notice = Notice(.error, "Enter a gift card code.") }
        await store.send(.setField(.giftCardCode, "GIFT100")) { $0.form[.giftCardCode] = "GIFT100" }
        await store.send(.cart(.view(.applyGiftCard))) {
            $0.notice = nil
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .applyGiftCard("GIFT100"))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 1, withGift)))) {
            $0.cart.server = withGift
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.form[.giftCardCode] = ""
            $0.notice = Notice(.success, "Gift card applied: ₹100.00.")
        }
        await store.send(.cart(.view(.removeGiftCard))) {
            $0.notice = nil
            $0.cart.sequence = 2
            $0.cart.inFlight = CartRequest(sequence: 2, command: .removeGiftCard)
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 2, plain)))) {
            $0.cart.server = plain
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.notice = Notice(.info, "Gift card removed.")
        }
        await store.send(.cart(.view(.redeemLoyaltyPoints))) {
            $0.notice = Notice(.error, "Enter the number of points to redeem.")
        }
        await store.send(.edit(.loyaltyPoints, .insert("5x0"))) { $0.form[.loyaltyPoints] = "50" }
        await store.send(.cart(.view(.redeemLoyaltyPoints))) {
            $0.notice = nil
            $0.cart.sequence = 3
            $0.cart.inFlight = CartRequest(sequence: 3, command: .redeemLoyaltyPoints(50))
            $0.inFlight = [.cart]
        }
        let noPoints = APIError.http(status: 400, code: nil, message: "Not enough points", details: [])
        await store.receive(.cart(.response(.mutationFailed(sequence: 3, noPoints)))) {
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.notice = Notice(.error, "Points not redeemed: Not enough points")
        }
        await store.send(.cart(.view(.removeLoyaltyPoints))) {
            $0.notice = nil
            $0.cart.sequence = 4
            $0.cart.inFlight = CartRequest(sequence: 4, command: .removeLoyaltyPoints)
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 4, plain)))) {
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.notice = Notice(.info, "Loyalty points removed.")
        }
        await store.send(.cart(.view(.redeemCreditBalance))) {
            $0.notice = Notice(.error, "Enter an amount such as 150.00.")
        }
        await store.send(.setField(.creditAmount, "150.50")) { $0.form[.creditAmount] = "150.50" }
        await store.send(.cart(.view(.redeemCreditBalance))) {
            $0.notice = nil
            $0.cart.sequence = 5
            $0.cart.inFlight = CartRequest(sequence: 5, command: .redeemCreditBalance(Money(minorUnits: 15050)))
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 5, withCredit)))) {
            $0.cart.server = withCredit
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.form[.creditAmount] = ""
            $0.notice = Notice(.success, "Credit balance used: ₹150.50.")
        }
        await store.send(.cart(.view(.removeCreditBalance))) {
            $0.notice = nil
            $0.cart.sequence = 6
            $0.cart.inFlight = CartRequest(sequence: 6, command: .removeCreditBalance)
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 6, plain)))) {
            $0.cart.server = plain
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.notice = Notice(.info, "Credit balance removed.")
        }
        await store.finish()
    }

    @Test func cartLoadAndLoadFailure() async {
        let cart = Fixtures.cart([Fixtures.item("p1", quantity: 1)])
        let api = StubAPI { $0.userCart = { _ in cart } }
        let store = makeStore(api, state: guestState())
        await store.send(.navigate(.cart)) {
            $0.route = [.catalog, .cart]
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.loaded(cart)))) {
            $0.cart.server = cart
            $0.cart.isLoaded = true
            $0.inFlight = []
        }
        await store.send(.cart(.response(.loadFailed(.network("down"))))) {
            $0.notice = Notice(.error, APIError.network("down").message)
            $0.cart.isStale = true
        }
        // Without a cart, a coupon command is refused.
        await store.send(.cart(.view(.load))) {
            $0.notice = nil
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.loaded(cart)))) {
            $0.inFlight = []
            $0.cart.isStale = false
        }
        await store.finish()
    }

    @Test func commandsWithoutACartAreRefused() async {
        let store = makeStore(StubAPI(), state: guestState())
        await store.send(.cart(.view(.removeGiftCard))) { $0.notice = Notice(.error, "Your cart is empty.") }
        await store.send(.cart(.view(.setQuantity(Fixtures.line("p9"), 0, preview: nil)))) { $0.notice = nil }
        await store.finish()
    }
}
