import Foundation
import ShopTestSupport
import StorefrontAPI
import Synchronization
import Testing

@testable import ShopCore

let standard: ShippingMethod = ShippingMethod(
    id: "std", name: "Standard", shippingAmount: Fixtures.rupees(50), estimatedDeliveryDays: "3")

func fulfillmentOptions() throws -> FulfillmentOptions {
    try Fixtures.decode(
        #"{"deliver":{"is_serviceable":true,"shipping_methods":[{"id":"std","name":"Standard","shipping_amount":"50","estimated_delivery_days":3}]}}"#
    )
}

func orderCreated(_ number: String = "ORD-1", paymentRequired: Bool = true) throws -> OrderCreated {
    try Fixtures.decode(
        #"{"order":{"order_number":"\#(number)","status":"pending","payment_status":"pending","grand_total":1000,"to_be_paid":1000},"payment_required":\#(paymentRequired),"payment_info":{"payment_links":{"web":"https://pay.example/hc"}}}"#
    )
}

func juspayOrder(link: String = "https://pay.example/\u{6A}1") throws -> JuspayOrder {
    try Fixtures.decode(#"{"id":"jo1","order_id":"ORD-1","status":"NEW","payment_links":{"web":"\#(link)"}}"#)
}

func juspayCustomer() throws -> JuspayCustomer { try Fixtures.decode(#"{"id":"cus_1"}"#) }

/// A member at the review step: address and delivery chosen.
func reviewState() -> State {
    var state = memberState(cart: Fixtures.cart([Fixtures.item("p1", quantity: 2)]))
    state.route = [
        .catalog, .cart, .checkout(.address), .checkout(.business), .checkout(.delivery), .checkout(.review),
    ]
    state.checkout.cartID = "c1"
    state.checkout.addresses = [Fixtures.address()]
    state.checkout.address = Fixtures.address()
    state.checkout.businessSkipped = true
    state.checkout.serviceability = Serviceability(isServiceable: true)
    state.checkout.deliveryMethods = [standard]
    state.checkout.deliveryMethodID = "std"
    return state
}

@MainActor @Suite struct CheckoutTests {
    @Test func fromCartToPaidOrder() async throws {
        let clock = TestClock()
        let cart = Fixtures.cart([Fixtures.item("p1", quantity: 2)])
        let options = try fulfillmentOptions()
        let created = try orderCreated()
        let customer = try juspayCustomer()
        let juspay = try juspayOrder()
        let polls = Mutex(0)
        let gate = Gate()
        let api = StubAPI {
            $0.addresses = { _ in [Fixtures.address()] }
            $0.setAddress = { input in
                guard case .saved(let billing, let shipping) = input.1 else {
                    Issue.record("expected saved addresses")
                    return cart
                }
                #expect(billing == "a1" && shipping == "a1")
                return cart
            }
            $0.checkServiceability = { input in
                #expect(input == ("c1", "560001"))
                return Serviceability(isServiceable: true)
            }
            $0.fulfillmentOptions = { _ in options }
            $0.setFulfillmentPreference = { input in
                #expect(input.1 == .delivery(methodID: "std", courierID: nil))
                return cart
            }
            $0.createOrder = { input in
                await gate.wait()
                #expect(input.0 == "c1")
                #expect(input.1?.integrationType == "hyper-checkout")
                return created
            }
            $0.createJuspayCustomer = { _ in customer }
            $0.createJuspayOrder = { input in
                #expect(input.0 == "ORD-1")
                return juspay
            }
            $0.paymentStatus = { _ in
                let count = polls.withLock { count -> Int in
                    count += 1
                    return count
                }
                return PaymentStatus(status: count < 2 ? .pending : .success)
            }
        }
        var state = memberState(cart: cart)
        state.route = [.catalog, .cart]
        let store = makeStore(api, clock: clock, state: state)

        // Address.
        await store.send(.select) {
            $0.checkout.cartID = "c1"
            $0.route = [.catalog, .cart, .checkout(.address)]
            $0.inFlight = [.addresses]
        }
        #expect(store.state.breadcrumbs.map(\.isCurrent) == [true, false, false, false])
        await store.receive(.checkout(.response(.addressesLoaded([Fixtures.address()])))) {
            $0.checkout.addresses = [Fixtures.address()]
            // Each saved address's PIN code is checked as it is listed.
            $0.checkout.pincodeChecks["560001"] = .checking
            $0.inFlight = []
        }
        await store.receive(.checkout(.response(.pincodeChecked(pincode: "560001", .deliverable)))) {
            $0.checkout.pincodeChecks["560001"] = .deliverable
        }
        await store.send(.select) {
            $0.checkout.address = Fixtures.address()
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setAddresses(billingID: "a1", shippingID: "a1"))
            $0.inFlight = [.addresses, .cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 1, cart)))) {
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.route.append(.checkout(.business))
        }
        // Business details are optional.
        await store.send(.checkout(.view(.skipBusiness))) {
            $0.checkout.businessSkipped = true
            $0.route.append(.checkout(.delivery))
            $0.inFlight = [.delivery]
        }
        await store.receive(
            .checkout(
                .response(
                    .serviceabilityChecked(Serviceability(isServiceable: true), methods: options.deliver!.allMethods)))
        ) {
            $0.checkout.serviceability = Serviceability(isServiceable: true)
            $0.checkout.deliveryMethods = options.deliver!.allMethods
            $0.inFlight = []
        }
        #expect(store.state.checkout.deliveryMethods.first?.shippingAmount == Fixtures.rupees(50))
        await store.send(.select) {
            $0.checkout.deliveryMethodID = "std"
            $0.cart.sequence = 2
            $0.cart.inFlight = CartRequest(sequence: 2, command: .setDelivery(methodID: "std", courierID: nil))
            $0.inFlight = [.delivery, .cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 2, cart)))) {
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.route.append(.checkout(.review))
        }
        #expect(store.state.breadcrumbs.map(\.isDone) == [true, true, true, false])
        #expect(store.state.breadcrumbs.last?.isCurrent == true)

        // Place the order; pressing again while it is placing does nothing.
        await store.send(.select) {
            $0.checkout.placement = .placing
            $0.inFlight = [.placeOrder]
        }
        await store.send(.checkout(.view(.placeOrder)))
        await store.send(.checkout(.view(.start)))
        gate.open()
        await store.receive(
            .checkout(.response(.orderPlaced(created.order, paymentRequired: true, paymentInfo: created.paymentInfo)))
        ) {
            $0.checkout.placement = .placed
            $0.checkout.order = created.order
            $0.cart = CartState()
            $0.cart.isLoaded = true
            $0.payment.orderNumber = "ORD-1"
            // As the seeds specify, Juspay customer and create-order follow; the order's own link is kept aside.
            // No read of the emptied cart.
            $0.payment.orderAnswerLink = "https://pay.example/hc"
            $0.payment.phase = .settingUp
            $0.payment.message = "Preparing the payment…"
            $0.route = [.catalog, .payment(orderNumber: "ORD-1")]
            $0.notice = Notice(.info, "Order ORD-1 placed; preparing the payment.")
            $0.inFlight = [.paymentSetup]
        }
        await store.receive(.payment(.response(.juspayOrderReady(juspay)))) {
            $0.payment.juspayOrder = juspay
            $0.payment.link = "https://pay.example/j1"
            $0.payment.linkSource = .juspayOrder
            $0.payment.phase = .awaiting
            $0.payment.message = "Open the link (or scan the QR code) to pay."
            $0.inFlight = [.paymentPolling]
        }
        // Polled every 3 s on the test clock.
        await store.advance(clock, by: .seconds(2))
        await store.expectNoReceived()
        await store.advance(clock, by: .seconds(1))
        await store.receive(.payment(.response(.statusPolled(attempt: 1, PaymentStatus(status: .pending))))) {
            $0.payment.polls = 1
            $0.payment.status = PaymentStatus(status: .pending)
            $0.payment.message = "Waiting for the payment…"
        }
        await store.advance(clock, by: .seconds(3))
        await store.receive(.payment(.response(.statusPolled(attempt: 2, PaymentStatus(status: .success))))) {
            $0.payment.polls = 2
            $0.payment.status = PaymentStatus(status: .success)
            $0.payment.phase = .paid
            $0.payment.message = nil
            $0.inFlight = []
            $0.notice = Notice(.success, "Payment received. Thank you!")
        }
        // Whatever is pressed now, the order is not created again.
        await store.send(.checkout(.view(.placeOrder))) { $0.notice = nil }
        await store.send(.checkout(.view(.start)))
        #expect(api.count("createOrder") == 1)
        #expect(api.count("userCart") == 0)
        await store.finish()
    }

    @Test func networkDownWhilePlacingThenTheOrderIsFoundNotCreatedAgain() async throws {
        _ = try orderCreated()
        let api = StubAPI {
            $0.createOrder = { _ throws(APIError) in throw .network("connection reset") }
        }
        let store = makeStore(api, state: reviewState())
        await store.send(.checkout(.view(.placeOrder))) {
            $0.checkout.placement = .placing
            $0.inFlight = [.placeOrder]
        }
        await store.receive(.checkout(.response(.orderFailed(.network("connection reset"))))) {
            $0.checkout.placement = .uncertain
            $0.inFlight = []
            $0.notice = Notice(
                .error,
                "We couldn't confirm the order (\(APIError.network("connection reset").message)) Press Place order again: we check first, so it is never placed twice."
            )
        }
        // It did go through: the cart is gone and the newest order is it.
        let ordersPage: OrdersPage = try Fixtures.decode(
            #"{"orders":[{"order_number":"ORD-1","to_be_paid":1000}],"pagination":{"next_page":null}}"#)
        api.set {
            $0.userCart = { _ in nil }
            $0.orders = { input in
                #expect(input == (1, 1))
                return ordersPage
            }
            $0.createOrder = unexpected("createOrder again")
            $0.createJuspayCustomer = { _ throws(APIError) in throw .network("still flaky") }
        }
        await store.send(.checkout(.view(.placeOrder))) {
            $0.notice = nil
            $0.checkout.placement = .placing
            $0.inFlight = [.placeOrder]
        }
        let found = ordersPage.orders[0]
        await store.receive(.checkout(.response(.orderPlaced(found, paymentRequired: true, paymentInfo: nil)))) {
            $0.checkout.placement = .placed
            $0.checkout.order = found
            $0.cart = CartState()
            $0.cart.isLoaded = true
            $0.payment.orderNumber = "ORD-1"
            $0.payment.phase = .settingUp
            $0.payment.message = "Preparing the payment…"
            $0.route = [.catalog, .payment(orderNumber: "ORD-1")]
            $0.notice = Notice(.info, "Order ORD-1 placed; preparing the payment.")
            $0.inFlight = [.paymentSetup]
        }
        // The payment setup fails too: the order is kept, retry sets up again.
        await store.receive(.payment(.response(.setupFailed(.network("still flaky"))))) {
            $0.payment.phase = .setupFailed
            $0.payment.message =
                "Could not prepare the payment: \(APIError.network("still flaky").message) The order is saved; retry."
            $0.inFlight = []
            $0.notice = Notice(.error, APIError.network("still flaky").message)
        }
        #expect(store.state.payment.isRetryAvailable)
        let customer = try juspayCustomer()
        let juspay = try juspayOrder()
        api.set {
            $0.createJuspayCustomer = { _ in customer }
            $0.createJuspayOrder = { _ in juspay }
        }
        await store.send(.select) {
            $0.notice = nil
            $0.payment.phase = .settingUp
            $0.payment.message = "Preparing the payment…"
            $0.inFlight = [.paymentSetup]
        }
        await store.receive(.payment(.response(.juspayOrderReady(juspay)))) {
            $0.payment.juspayOrder = juspay
            $0.payment.link = "https://pay.example/j1"
            $0.payment.linkSource = .juspayOrder
            $0.payment.message = "Open the link (or scan the QR code) to pay."
            $0.payment.phase = .awaiting
            $0.inFlight = [.paymentPolling]
        }
        await store.send(.payment(.view(.stopPolling))) {
            $0.payment.phase = .stopped
            $0.payment.message = "Stopped checking. Press Enter to check again."
            $0.inFlight = []
        }
        #expect(api.count("createOrder") == 1)
        await store.finish()
    }

    /// An order its points, credit or gift card cover has nothing to pay: no payment is set up, and the notice
    /// says so rather than thanking for a payment.
    @Test func anOrderWithNothingToPayIsDoneAtOnce() async throws {
        var order = try orderCreated(paymentRequired: false).order
        order.toBePaid = .zero
        let store = makeStore(StubAPI(), state: reviewState())
        await store.send(.checkout(.response(.orderPlaced(order, paymentRequired: false, paymentInfo: nil)))) {
            $0.checkout.placement = .placed
            $0.checkout.order = order
            $0.cart = CartState()
            $0.cart.isLoaded = true
            $0.payment.orderNumber = "ORD-1"
            $0.payment.phase = .paid
            $0.route = [.catalog, .payment(orderNumber: "ORD-1")]
            $0.notice = Notice(.success, "Order ORD-1 placed; nothing to pay.")
        }
        await store.finish()
    }

    @Test func anUncertainOrderThatDidNotGoThroughIsCreatedOnce() async throws {
        let created = try orderCreated(paymentRequired: false)
        let cart = Fixtures.cart([Fixtures.item("p1", quantity: 2)])
        let api = StubAPI {
            $0.userCart = { _ in cart }
            $0.createOrder = { _ in created }
        }
        var state = reviewState()
        state.checkout.placement = .uncertain
        let store = makeStore(api, state: state)
        await store.send(.checkout(.view(.placeOrder))) {
            $0.checkout.placement = .placing
            $0.inFlight = [.placeOrder]
        }
        await store.receive(
            .checkout(.response(.orderPlaced(created.order, paymentRequired: false, paymentInfo: created.paymentInfo)))
        ) {
            $0.checkout.placement = .placed
            $0.checkout.order = created.order
            $0.cart = CartState()
            $0.cart.isLoaded = true
            $0.payment.orderNumber = "ORD-1"
            $0.payment.orderAnswerLink = "https://pay.example/hc"
            $0.payment.phase = .paid
            $0.route = [.catalog, .payment(orderNumber: "ORD-1")]
            $0.notice = Notice(.success, "Order ORD-1 placed.")
            $0.inFlight = []
        }
        #expect(api.count("createOrder") == 1)
        // The look-up before placing again; none after (the cart became the order).
        #expect(api.count("userCart") == 1)
        await store.finish()
    }

    @Test func aRejectedOrderCanBePlacedAgain() async {
        let outOfStock = APIError.http(status: 400, code: nil, message: "Product p1 is out of stock", details: [])
        let api = StubAPI { $0.createOrder = { _ throws(APIError) in throw outOfStock } }
        let store = makeStore(api, state: reviewState())
        await store.send(.checkout(.view(.placeOrder))) {
            $0.checkout.placement = .placing
            $0.inFlight = [.placeOrder]
        }
        await store.receive(.checkout(.response(.orderFailed(outOfStock)))) {
            $0.checkout.placement = .idle
            $0.inFlight = []
            $0.notice = Notice(.error, "The order was not placed: Product p1 is out of stock")
        }
        await store.finish()
    }

    @Test func guestsLogInBeforeCheckoutAndEmptyOrBusyCartsCannotCheckOut() async {
        var state = guestState()
        state.cart.server = Fixtures.cart([Fixtures.item("p1", quantity: 1)])
        state.route = [.catalog, .cart]
        let store = makeStore(StubAPI(), state: state)
        await store.send(.checkout(.view(.start))) {
            $0.auth.afterLogin = .checkout(.address)
            $0.notice = Notice(.info, "Log in to check out.")
            $0.route = [.catalog, .cart, .login]
        }
        await store.send(.back) {
            $0.notice = nil
            $0.route = [.catalog, .cart]
        }
        await store.send(.cart(.response(.mutationFailed(sequence: 0, .timeout))))
        var busy = memberState()
        busy.cart.pending[Fixtures.line("p1")] = PendingLine(quantity: 3, preview: nil)
        let busyStore = makeStore(StubAPI(), state: busy)
        await busyStore.send(.checkout(.view(.start))) {
            $0.notice = Notice(.info, "The cart is still updating; try again in a moment.")
        }
        let emptyStore = makeStore(StubAPI(), state: memberState(cart: nil))
        await emptyStore.send(.checkout(.view(.start))) { $0.notice = Notice(.error, "Your cart is empty.") }
        await emptyStore.send(.checkout(.view(.placeOrder))) { $0.notice = Notice(.error, "Your cart is empty.") }
        await store.finish()
        await busyStore.finish()
        await emptyStore.finish()
    }

    @Test func newAddressIsValidatedSavedAndChosen() async {
        let saved = Fixtures.address("a2", pincode: "400001")
        let cart = Fixtures.cart([Fixtures.item("p1", quantity: 1)])
        let api = StubAPI {
            $0.createAddress = { address in
                #expect(address.pincode == "400001" && address.email == "asha@example.com")
                return saved
            }
            $0.setAddress = { _ in cart }
            $0.checkServiceability = { input in
                #expect(input == ("c1", "400001"))
                return Serviceability(isServiceable: true)
            }
        }
        var state = memberState(cart: cart)
        state.route = [.catalog, .cart, .checkout(.address)]
        state.checkout.cartID = "c1"
        let store = makeStore(api, state: state)
        await store.send(.checkout(.view(.chooseAddress))) { $0.notice = Notice(.info, "Add an address first.") }
        await store.send(.checkout(.view(.newAddress))) {
            $0.notice = nil
            $0.form[.addressFirstName] = "Asha"
            $0.form[.addressLastName] = "Rao"
            $0.form[.addressPhone] = "9876543210"
            $0.form[.addressEmail] = "asha@example.com"
            $0.route.append(.addressForm)
        }
        #expect(store.state.breadcrumbs.first?.isCurrent == true)
        await store.send(.select) { $0.notice = Notice(.error, "Enter the address.") }
        await store.send(.setField(.addressLine1, "1 Marine Drive")) { $0.form[.addressLine1] = "1 Marine Drive" }
        await store.send(.setField(.addressCity, "Mumbai")) { $0.form[.addressCity] = "Mumbai" }
        await store.send(.setField(.addressState, "Maharashtra")) { $0.form[.addressState] = "Maharashtra" }
        await store.send(.select) { $0.notice = Notice(.error, "Enter a 6-digit PIN code.") }
        // A whole PIN code is checked at once, before the rest of the form.
        await store.send(.edit(.addressPincode, .insert("400 0012"))) {
            $0.form[.addressPincode] = "400001"
            $0.checkout.pincodeChecks["400001"] = .checking
        }
        await store.receive(.checkout(.response(.pincodeChecked(pincode: "400001", .deliverable)))) {
            $0.checkout.pincodeChecks["400001"] = .deliverable
        }
        await store.send(.select) {
            $0.notice = nil
            $0.inFlight = [.saveAddress]
        }
        await store.receive(.checkout(.response(.addressSaved(saved)))) {
            $0.inFlight = [.addresses, .cart]
            $0.checkout.addresses = [saved]
            $0.checkout.address = saved
            $0.form = Form()
            $0.route = [.catalog, .cart, .checkout(.address)]
            $0.notice = Notice(.success, "Address saved.")
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setAddresses(billingID: "a2", shippingID: "a2"))
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 1, cart)))) {
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.route.append(.checkout(.business))
        }
        await store.send(.checkout(.response(.addressFailed(.timeout)))) {
            $0.notice = Notice(.error, APIError.timeout.message)
        }
        await store.send(.checkout(.response(.addressesFailed(.timeout))))
        await store.finish()
    }

    @Test func businessDetailsAreValidatedAndSentThroughCustomers() async throws {
        let cart = Fixtures.cart([Fixtures.item("p1", quantity: 1)])
        let detail: CustomerDetail = try Fixtures.decode(
            #"{"id":"cu1","business":{"name":"Rao Traders","gstin":"29ABCDE1234F1Z5","pan_number":"ABCDE1234F"}}"#)
        let noStores = try noStoreOptions()
        let api = StubAPI {
            $0.createCustomer = { customer in
                #expect(customer.business?.gstin == "29ABCDE1234F1Z5")
                return detail
            }
            $0.checkServiceability = { _ in Serviceability(isServiceable: false) }
            // Not delivered there: the fulfillment options are asked for stores to collect from (none here).
            $0.fulfillmentOptions = { _ in noStores }
        }
        var state = memberState(cart: cart)
        state.route = [.catalog, .checkout(.address), .checkout(.business)]
        state.checkout.address = Fixtures.address()
        let store = makeStore(api, state: state)
        await store.send(.setField(.gstin, "29abcde1234f1z")) { $0.form[.gstin] = "29ABCDE1234F1Z" }
        await store.send(.select) { $0.notice = Notice(.error, "Enter the business name.") }
        await store.send(.setField(.businessName, "Rao Traders")) { $0.form[.businessName] = "Rao Traders" }
        await store.send(.select) { $0.notice = Notice(.error, "A GSTIN has 15 characters, like 29ABCDE1234F1Z5.") }
        await store.send(.edit(.gstin, .insert("5"))) { $0.form[.gstin] = "29ABCDE1234F1Z5" }
        await store.send(.setField(.pan, "abcde12")) { $0.form[.pan] = "ABCDE12" }
        await store.send(.select) { $0.notice = Notice(.error, "A PAN has 10 characters, like ABCDE1234F.") }
        await store.send(.setField(.pan, "ABCDE1234F")) { $0.form[.pan] = "ABCDE1234F" }
        let business = BusinessDetails(name: "Rao Traders", panNumber: "ABCDE1234F", gstin: "29ABCDE1234F1Z5")
        await store.send(.select) {
            $0.notice = nil
            $0.checkout.business = business
            $0.inFlight = [.business]
        }
        await store.receive(.checkout(.response(.businessSaved(detail)))) {
            $0.checkout.business = detail.business
            $0.route.append(.checkout(.delivery))
            $0.inFlight = [.delivery]
        }
        // Not deliverable to this PIN code.
        await store.receive(
            .checkout(.response(.serviceabilityChecked(Serviceability(isServiceable: false), methods: [])))
        ) {
            $0.checkout.serviceability = Serviceability(isServiceable: false)
            $0.checkout.pincodeChecks["560001"] = .undeliverable(items: [], collect: false)
            $0.inFlight = []
            $0.notice = Notice(.error, "We don't deliver to 560001 yet. Choose another address.")
        }
        await store.send(.checkout(.view(.chooseDelivery))) { $0.notice = nil }
        await store.send(.checkout(.response(.businessFailed(.timeout)))) {
            $0.notice = Notice(.error, APIError.timeout.message)
        }
        await store.send(.checkout(.response(.deliveryFailed(.network("x"))))) {
            $0.notice = Notice(.error, APIError.network("x").message)
        }
        await store.finish()
    }

    @Test func emptyBusinessFormSkipsAndDeliveryNeedsAnAddress() async {
        var state = memberState()
        state.route = [.catalog, .checkout(.business)]
        let store = makeStore(StubAPI(), state: state)
        await store.send(.checkout(.view(.submitBusiness))) {
            $0.checkout.businessSkipped = true
            $0.notice = Notice(.error, "Choose an address first.")
        }
        await store.finish()
    }
}

@MainActor @Suite struct CheckoutResumeTests {
    /// A guest logs in from the cart: checkout resumes on the signed-in cart, once it is loaded.
    @Test func checkoutResumesAfterLoginOnTheSignedInCart() async {
        let merged = Fixtures.cart([Fixtures.item("p1", quantity: 3)], id: "merged")
        let api = StubAPI {
            $0.verifyOTP = { _ in Fixtures.asha }
            $0.session = { _ in Fixtures.member }
            $0.userCart = { _ in merged }
            $0.wishlist = { _ in [] }
            $0.addresses = { _ in [] }
        }
        var state = guestState()
        state.cart.server = Fixtures.cart([Fixtures.item("p1", quantity: 1)], id: "guest")
        state.route = [.catalog, .cart]
        let store = makeStore(api, state: state)
        await store.send(.select) {
            $0.auth.afterLogin = .checkout(.address)
            $0.notice = Notice(.info, "Log in to check out.")
            $0.route = [.catalog, .cart, .login]
        }
        await store.send(.session(.response(.otpSent(Fixtures.challenge)))) {
            $0.auth.challenge = Fixtures.challenge
            $0.auth.triesLeft = 3
            $0.auth.resendCooldown = 2
            $0.route.append(.otp)
            // The login screen's notice stays there (a notice belongs to the screen where it appeared).
            $0.notice = nil
        }
        await store.send(.setField(.otp, "123456")) { $0.form[.otp] = "123456" }
        await store.send(.select) {
            $0.notice = nil
            $0.inFlight = [.otp]
        }
        await store.receive(.session(.response(.signedIn(user: Fixtures.asha, claims: Fixtures.member)))) {
            $0.session = .ready(Fixtures.member)
            $0.user = Fixtures.asha
            $0.auth.challenge = nil
            $0.auth.resendCooldown = 0
            $0.form[.otp] = ""
            $0.route = [.catalog, .cart]
            $0.notice = Notice(.success, "Signed in as Asha Rao.")
            $0.inFlight = [.cart, .wishlist]
        }
        await store.receive(.wishlist(.response(.loaded([])))) {
            $0.wishlist.isLoaded = true
            $0.inFlight = [.cart]
        }
        await store.receive(.cart(.response(.loaded(merged)))) {
            $0.cart.server = merged
            $0.cart.isLoaded = true
            $0.auth.afterLogin = nil
            $0.checkout.cartID = "merged"
            $0.route = [.catalog, .cart, .checkout(.address)]
            $0.inFlight = [.addresses]
        }
        await store.receive(.checkout(.response(.addressesLoaded([])))) { $0.inFlight = [] }
        await store.finish()
    }

    @Test func aFailedDeliveryCheckIsRetriedWithEnter() async throws {
        let api = StubAPI { $0.checkServiceability = { _ throws(APIError) in throw .network("offline") } }
        var state = reviewState()
        state.route = [.catalog, .checkout(.delivery)]
        state.checkout.serviceability = nil
        state.checkout.deliveryMethods = []
        let store = makeStore(api, state: state)
        await store.send(.select) { $0.inFlight = [.delivery] }
        await store.receive(.checkout(.response(.deliveryFailed(.network("offline"))))) {
            $0.inFlight = []
            $0.notice = Notice(.error, APIError.network("offline").message)
        }
        let noStores = try noStoreOptions()
        api.set {
            $0.checkServiceability = { _ in Serviceability(isServiceable: false) }
            $0.fulfillmentOptions = { _ in noStores }
        }
        await store.send(.select) {
            $0.notice = nil
            $0.inFlight = [.delivery]
        }
        await store.receive(
            .checkout(.response(.serviceabilityChecked(Serviceability(isServiceable: false), methods: [])))
        ) {
            $0.checkout.serviceability = Serviceability(isServiceable: false)
            $0.checkout.pincodeChecks["560001"] = .undeliverable(items: [], collect: false)
            $0.inFlight = []
            $0.notice = Notice(.error, "We don't deliver to 560001 yet. Choose another address.")
        }
        await store.finish()
    }
}

@MainActor @Suite struct CheckoutAfterOrderTests {
    @Test func anUnpaidOrderIsShownAgainButANewCartChecksOutAfresh() async {
        var state = awaitingState()
        state.payment.phase = .failed
        state.checkout.cartID = "c1"
        state.route = [.catalog, .cart]
        let store = makeStore(StubAPI { $0.addresses = { _ in [] } }, state: state)
        // The cart is empty (it became the order): back to the order's payment.
        await store.send(.checkout(.view(.start))) { $0.route = [.catalog, .payment(orderNumber: "ORD-1")] }
        await store.send(.back) { $0.route = [.catalog] }
        // A new cart: a new checkout, the old order forgotten by checkout (it stays in the order history).
        let next = Fixtures.cart([Fixtures.item("p9", quantity: 1)], id: "c2")
        await store.send(.cart(.response(.loaded(next)))) { $0.cart.server = next }
        await store.send(.checkout(.view(.start))) {
            $0.checkout = CheckoutState()
            $0.checkout.cartID = "c2"
            $0.route = [.catalog, .checkout(.address)]
            $0.inFlight = [.addresses]
        }
        await store.receive(.checkout(.response(.addressesLoaded([])))) { $0.inFlight = [] }
        await store.finish()
    }
}

@MainActor @Suite struct CheckoutLeftMidwayTests {
    @Test func answersThatArriveAfterLeavingCheckoutDoNotPullTheUserBack() async {
        let cart = Fixtures.cart([Fixtures.item("p1", quantity: 1)])
        let gate = Gate()
        let api = StubAPI {
            $0.setAddress = { _ in
                await gate.wait()
                return cart
            }
        }
        var state = memberState(cart: cart)
        state.route = [.catalog, .cart, .checkout(.address)]
        state.checkout.cartID = "c1"
        state.checkout.addresses = [Fixtures.address()]
        let store = makeStore(api, state: state)
        await store.send(.select) {
            $0.checkout.address = Fixtures.address()
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setAddresses(billingID: "a1", shippingID: "a1"))
            $0.inFlight = [.addresses, .cart]
        }
        await store.send(.back) { $0.route = [.catalog, .cart] }
        gate.open()
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 1, cart)))) {
            $0.cart.inFlight = nil
            $0.inFlight = []
        }
        await store.send(.checkout(.response(.businessSaved(CustomerDetail.none))))
        await store.finish()
    }
}

extension CustomerDetail {
    static var none: CustomerDetail { try! Fixtures.decode("{}") }
}
