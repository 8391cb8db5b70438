import Foundation
import ShopTestSupport
import StorefrontAPI
import Testing

@testable import ShopCore

/// Fulfillment options of a PIN code not delivered to, with one store to collect from (as the sandbox seeds).
func collectOnlyOptions() throws -> FulfillmentOptions {
    try Fixtures.decode(
        #"{"summary":{"collect_available":true,"deliver_available":false},"collect":[{"id":"s1","name":"Sandbox Store Indiranagar","distance_km":3.5,"collect_eta_minutes":120,"is_recommended":true}],"deliver":{"is_serviceable":false,"shipping_methods":[]}}"#
    )
}

func noStoreOptions() throws -> FulfillmentOptions {
    try Fixtures.decode(#"{"collect":[],"deliver":{"is_serviceable":false,"shipping_methods":[]}}"#)
}

/// A member at the business step with a chosen address.
func businessStepState(pincode: String = "560001") -> State {
    var state = memberState(cart: Fixtures.cart([Fixtures.item("p1", quantity: 2)]))
    state.route = [.catalog, .cart, .checkout(.address), .checkout(.business)]
    state.checkout.cartID = "c1"
    state.checkout.addresses = [Fixtures.address(pincode: pincode)]
    state.checkout.address = Fixtures.address(pincode: pincode)
    return state
}

/// Issue #14 item 10: serviceability is known as soon as a PIN code is typed or listed, and a store to collect
/// from is offered where the fulfillment options list one. Item 16: Enter pressed while a list loads is kept.
@MainActor @Suite struct DeliveryCheckTests {
    /// A PIN code none of the cart's lines can go to is not served at all: "We don't deliver to …", not a list of
    /// the whole cart (the sandbox names every item then); when only some lines cannot go, they are named.
    @Test func aPincodeNoLineCanGoToIsNotServedRatherThanListingTheCart() throws {
        let all: Serviceability = try Fixtures.decode(
            #"{"is_serviceable":false,"unserviceable_items":[{"product_name":"Muesli"},{"product_name":"Chai"}]}"#)
        let whole = Reducer.pincodeCheck(all, stores: [], lineCount: 2)
        #expect(whole.undeliverableText("194101") == "We don't deliver to 194101 yet.")
        let some = Reducer.pincodeCheck(all, stores: [], lineCount: 3)
        #expect(some.undeliverableText("194101") == "Not deliverable to 194101: Muesli, Chai.")
    }

    @Test func aPincodeTypedInTheAddressFormIsCheckedAtOnce() async throws {
        let options = try collectOnlyOptions()
        let api = StubAPI {
            $0.checkServiceability = { input in
                #expect(input == ("c1", "194101"))
                return Serviceability(isServiceable: false)
            }
            $0.fulfillmentOptions = { _ in options }
            $0.pincodes = { input in
                #expect(input == ("IN", "194101"))
                return [PincodeInfo(pincode: "194101", city: "Leh", stateName: "Ladakh")]
            }
        }
        var state = memberState()
        state.route = [.catalog, .cart, .checkout(.address), .addressForm]
        let store = makeStore(api, state: state)
        await store.send(.setField(.addressPincode, "19410")) { $0.form[.addressPincode] = "19410" }
        await store.send(.edit(.addressPincode, .insert("1"))) {
            $0.form[.addressPincode] = "194101"
            $0.checkout.pincodeChecks["194101"] = .checking
        }
        // Its place fills the city and the state (typed again below with them filled: not asked again).
        let leh = PincodeInfo(pincode: "194101", city: "Leh", stateName: "Ladakh")
        await store.receive(.checkout(.response(.pincodePlaceFound(pincode: "194101", leh)))) {
            $0.form.suggest("Leh", for: .addressCity)
            $0.form.suggest("Ladakh", for: .addressState)
        }
        let check = PincodeCheck.undeliverable(items: [], collect: true)
        await store.receive(.checkout(.response(.pincodeChecked(pincode: "194101", check)))) {
            $0.checkout.pincodeChecks["194101"] = check
            $0.notice = Notice(
                .error, "We don't deliver to 194101 yet. You can collect the order from a store instead.")
        }
        // Typed again: said again from what is known, not asked again.
        await store.send(.edit(.addressPincode, .backspace)) {
            $0.form[.addressPincode] = "19410"
        }
        await store.send(.dismissNotice) { $0.notice = nil }
        await store.send(.edit(.addressPincode, .insert("1"))) {
            $0.form[.addressPincode] = "194101"
            $0.notice = Notice(
                .error, "We don't deliver to 194101 yet. You can collect the order from a store instead.")
        }
        await store.finish()
    }

    /// The place of a typed PIN code goes only into fields still empty, only while the form shows that PIN code;
    /// a store that knows no place, or does not answer, leaves the fields to be typed.
    @Test func aPincodesPlaceFillsOnlyEmptyFieldsOfTheFormThatStillShowsIt() async throws {
        let api = StubAPI {
            $0.checkServiceability = { _ in Serviceability(isServiceable: true) }
            $0.pincodes = { input throws(APIError) in
                switch input.1 {
                case "560001": return [PincodeInfo(pincode: "560001", city: "Bengaluru", stateName: "Karnataka")]
                case "400001": throw APIError.timeout
                default: return [PincodeInfo(pincode: input.1 + "9", city: "Elsewhere", stateName: "Nowhere")]
                }
            }
        }
        var state = memberState()
        state.route = [.catalog, .cart, .checkout(.address), .addressForm]
        state.form[.addressCity] = "Bangalore"
        let store = makeStore(api, state: state)
        await store.send(.setField(.addressPincode, "560001")) {
            $0.form[.addressPincode] = "560001"
            $0.checkout.pincodeChecks["560001"] = .checking
        }
        await store.receive(.checkout(.response(.pincodeChecked(pincode: "560001", .deliverable)))) {
            $0.checkout.pincodeChecks["560001"] = .deliverable
        }
        let bengaluru = PincodeInfo(pincode: "560001", city: "Bengaluru", stateName: "Karnataka")
        await store.receive(.checkout(.response(.pincodePlaceFound(pincode: "560001", bengaluru)))) {
            $0.form.suggest("Karnataka", for: .addressState)  // the city typed stays as typed
        }
        // No answer (400001), or only places of other codes (110001): nothing filled, nothing said.
        await store.send(.setField(.addressState, "")) { $0.form[.addressState] = "" }
        for pincode in ["400001", "110001"] {
            await store.send(.setField(.addressPincode, pincode)) {
                $0.form[.addressPincode] = pincode
                $0.checkout.pincodeChecks[pincode] = .checking
            }
            await store.receive(.checkout(.response(.pincodeChecked(pincode: pincode, .deliverable)))) {
                $0.checkout.pincodeChecks[pincode] = .deliverable
            }
            await store.receive(.checkout(.response(.pincodePlaceFound(pincode: pincode, nil))))
        }
        // An answer for a PIN code the form no longer shows changes nothing.
        await store.send(.checkout(.response(.pincodePlaceFound(pincode: "560001", bengaluru))))
        await store.finish()
    }

    /// What the app filled in is replaced by the first key typed there (a customer, or a recording of one, typing
    /// the city out gives it once); after that, keys edit the text as usual.
    @Test func theFirstKeyTypedInAFilledFieldReplacesIt() {
        var form = Form()
        form.suggest("Mumbai", for: .addressCity)
        form.suggest("Maharashtra", for: .addressState)
        #expect(form[.addressCity] == "Mumbai" && form.suggested == [.addressCity, .addressState])
        for key in "Mumbai" { form.apply(.insert(String(key)), to: .addressCity) }
        #expect(form[.addressCity] == "Mumbai" && form.suggested == [.addressState])
        form.apply(.backspace, to: .addressCity)
        #expect(form[.addressCity] == "Mumba")
        form.apply(.backspace, to: .addressState)
        #expect(form[.addressState] == "" && form.suggested.isEmpty)
        form.suggest("Maharashtra", for: .addressState)
        form[.addressState] = "MH"
        #expect(form[.addressState] == "MH" && form.suggested.isEmpty)
    }

    @Test func savedAddressesAreMarkedAndOneWithNoWayToGetTheOrderIsRefused() async throws {
        let options = try noStoreOptions()
        let addresses = [Fixtures.address("a1"), Fixtures.address("a2", pincode: "744101")]
        let api = StubAPI {
            $0.addresses = { _ in addresses }
            $0.checkServiceability = { input in
                #expect(input == ("c1", "744101"))
                return Serviceability(isServiceable: false)
            }
            $0.fulfillmentOptions = { _ in options }
        }
        var state = memberState()
        state.route = [.catalog, .cart]
        // 560001 was checked already with this cart: only the other PIN code is asked.
        state.checkout.pincodeChecks["560001"] = .deliverable
        let store = makeStore(api, state: state)
        await store.send(.navigate(.checkout(.address))) {
            $0.route.append(.checkout(.address))
            $0.inFlight = [.addresses]
        }
        await store.receive(.checkout(.response(.addressesLoaded(addresses)))) {
            $0.checkout.addresses = addresses
            $0.checkout.pincodeChecks["744101"] = .checking
            $0.inFlight = []
        }
        let check = PincodeCheck.undeliverable(items: [], collect: false)
        await store.receive(.checkout(.response(.pincodeChecked(pincode: "744101", check)))) {
            $0.checkout.pincodeChecks["744101"] = check
        }
        #expect(store.state.checkout.pincodeCheck(of: addresses[1])?.isDeadEnd == true)
        await store.send(.moveSelection(by: 1)) { $0.checkout.selectedAddressIndex = 1 }
        await store.send(.select) {
            $0.notice = Notice(.error, "We don't deliver to 744101 yet. Choose another address.")
        }
        await store.finish()
    }

    @Test func whereThereIsNoDeliveryAStoreToCollectFromIsOffered() async throws {
        let options = try collectOnlyOptions()
        let cart = Fixtures.cart([Fixtures.item("p1", quantity: 2)])
        let api = StubAPI {
            $0.checkServiceability = { _ in Serviceability(isServiceable: false) }
            $0.fulfillmentOptions = { input in
                #expect(input == ("c1", "194101"))
                return options
            }
            $0.setFulfillmentPreference = { input in
                #expect(input.1 == .collect(storeID: "s1"))
                return cart
            }
            $0.createOrder = { _ throws(APIError) in throw .timeout }
        }
        let store = makeStore(api, state: businessStepState(pincode: "194101"))
        await store.send(.checkout(.view(.skipBusiness))) {
            $0.checkout.businessSkipped = true
            $0.route.append(.checkout(.delivery))
            $0.inFlight = [.delivery]
        }
        let stores = options.collect ?? []
        await store.receive(
            .checkout(
                .response(.serviceabilityChecked(Serviceability(isServiceable: false), methods: [], stores: stores)))
        ) {
            $0.checkout.serviceability = Serviceability(isServiceable: false)
            $0.checkout.pickupStores = stores
            $0.checkout.pincodeChecks["194101"] = .undeliverable(items: [], collect: true)
            $0.inFlight = []
            $0.notice = Notice(.error, "We don't deliver to 194101 yet. Collect it from a store instead.")
        }
        #expect(store.state.checkout.selectedPickupStore?.id == "s1")
        await store.send(.select) {
            $0.checkout.pickupStoreID = "s1"
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setPickup(storeID: "s1"))
            $0.inFlight = [.delivery, .cart]
            $0.notice = nil  // a notice ends with the next action
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 1, cart)))) {
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.route.append(.checkout(.review))
        }
        #expect(store.state.checkout.chosenPickupStore?.name == "Sandbox Store Indiranagar")
        // The order can be placed with a store and no delivery method.
        await store.send(.select) {
            $0.checkout.placement = .placing
            $0.inFlight = [.placeOrder]
        }
        await store.receive(.checkout(.response(.orderFailed(.timeout)))) {
            $0.checkout.placement = .uncertain
            $0.inFlight = []
            $0.notice = Notice(
                .error,
                "We couldn't confirm the order (\(APIError.timeout.message)) Press Place order again: we check first, so it is never placed twice."
            )
        }
        await store.finish()
    }

    @Test func enterPressedWhileTheDeliveryOptionsLoadChoosesOnceTheyArrive() async throws {
        let options = try fulfillmentOptions()
        let cart = Fixtures.cart([Fixtures.item("p1", quantity: 2)])
        let gate = Gate()
        let api = StubAPI {
            $0.checkServiceability = { _ in
                await gate.wait()
                return Serviceability(isServiceable: true)
            }
            $0.fulfillmentOptions = { _ in options }
            $0.setFulfillmentPreference = { input in
                #expect(input.1 == .delivery(methodID: "std", courierID: nil))
                return cart
            }
        }
        let store = makeStore(api, state: businessStepState())
        await store.send(.checkout(.view(.skipBusiness))) {
            $0.checkout.businessSkipped = true
            $0.route.append(.checkout(.delivery))
            $0.inFlight = [.delivery]
        }
        await store.send(.select) {
            $0.checkout.pendingChoice = .delivery
            $0.notice = Notice(
                .info, "Still loading the delivery options; Enter takes the first one when they arrive.")
        }
        gate.open()
        let methods = options.deliver!.allMethods
        await store.receive(
            .checkout(.response(.serviceabilityChecked(Serviceability(isServiceable: true), methods: methods)))
        ) {
            $0.checkout.serviceability = Serviceability(isServiceable: true)
            $0.checkout.deliveryMethods = methods
            $0.checkout.pincodeChecks["560001"] = .deliverable
            $0.checkout.pendingChoice = nil
            $0.checkout.deliveryMethodID = "std"
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setDelivery(methodID: "std", courierID: nil))
            $0.inFlight = [.delivery, .cart]
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 1, cart)))) {
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.route.append(.checkout(.review))
            // "Still loading …" belonged to the step left (a notice belongs to the screen where it appeared).
            $0.notice = nil
        }
        await store.finish()
    }

    @Test func enterPressedWhileTheAddressesLoadTakesTheDefaultOnceTheyArrive() async throws {
        let cart = Fixtures.cart([Fixtures.item("p1", quantity: 1)])
        let gate = Gate()
        let api = StubAPI {
            $0.addresses = { _ in
                await gate.wait()
                return [Fixtures.address()]
            }
            $0.checkServiceability = { _ in Serviceability(isServiceable: true) }
            $0.setAddress = { _ in cart }
        }
        var state = memberState(cart: cart)
        state.route = [.catalog, .cart]
        let store = makeStore(api, state: state)
        await store.send(.navigate(.checkout(.address))) {
            $0.route.append(.checkout(.address))
            $0.inFlight = [.addresses]
        }
        await store.send(.select) {
            $0.checkout.pendingChoice = .address
            $0.notice = Notice(.info, "Still loading your addresses; Enter takes the selected one when they arrive.")
        }
        gate.open()
        await store.receive(.checkout(.response(.addressesLoaded([Fixtures.address()])))) {
            $0.checkout.addresses = [Fixtures.address()]
            $0.checkout.pincodeChecks["560001"] = .checking
            $0.checkout.pendingChoice = nil
            $0.checkout.address = Fixtures.address()
            $0.cart.sequence = 1
            $0.cart.inFlight = CartRequest(sequence: 1, command: .setAddresses(billingID: "a1", shippingID: "a1"))
            $0.inFlight = [.addresses, .cart]
        }
        await store.receive(.checkout(.response(.pincodeChecked(pincode: "560001", .deliverable)))) {
            $0.checkout.pincodeChecks["560001"] = .deliverable
        }
        await store.receive(.cart(.response(.mutationSucceeded(sequence: 1, cart)))) {
            $0.cart.inFlight = nil
            $0.inFlight = []
            $0.route.append(.checkout(.business))
            // "Still loading …" belonged to the step left (a notice belongs to the screen where it appeared).
            $0.notice = nil
        }
        await store.finish()
    }
}
