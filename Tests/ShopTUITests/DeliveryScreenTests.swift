import Foundation
import ShopCore
import StorefrontAPI
import Testing

@testable import ShopTUI

/// Issue #14 items 10 and 16 on screen: PIN code checks in the address form and the address list, stores to
/// collect from at the Delivery step, and Enter kept while a list loads.
@MainActor
@Suite struct DeliveryScreenTests {
    static func store(_ id: String, _ name: String) -> PickupStore {
        try! JSONDecoder().decode(
            PickupStore.self,
            from: Data(#"{"id":"\#(id)","name":"\#(name)","distanceKm":3.5,"collectEtaMinutes":120}"#.utf8))
    }

    static func frame(_ state: State, width: Int = 80, height: Int = 24) -> (ShopApp, String) {
        let app = ScreenFixtures.app(state)
        let frame = TerminalRunner.composeFrame(program: app, width: width, height: height, theme: .default)
        return (app, frame.buffer.rowsAsText().joined(separator: "\n"))
    }

    @Test func theAddressFormSaysAtOnceWhetherThePincodeIsDeliveredTo() {
        var state = ScreenGoldenTests.state("address-form")
        state.form[.addressPincode] = "194101"
        state.checkout.pincodeChecks["194101"] = .undeliverable(items: [], collect: true)
        let (_, text) = Self.frame(state)
        #expect(text.contains("We don't deliver to 194101 yet. You can collect the order from a store."), "\(text)")
        state.checkout.pincodeChecks["194101"] = .deliverable
        #expect(Self.frame(state).1.contains("We deliver to PIN code 194101."))
        state.checkout.pincodeChecks["194101"] = .checking
        #expect(Self.frame(state).1.contains("Checking delivery to 194101"))
    }

    /// A city and state filled from the PIN code are shown in their fields, and the note under them says where
    /// they came from and that typing replaces them; once typed over, the note says nothing of them.
    @Test func aCityAndStateFilledFromThePincodeAreSaidToBe() {
        var state = ScreenGoldenTests.state("address-form")
        state.form[.addressPincode] = "400001"
        state.form[.addressCity] = ""
        state.form[.addressState] = ""
        state.checkout.pincodeChecks["400001"] = .deliverable
        state.form.suggest("Mumbai", for: .addressCity)
        state.form.suggest("Maharashtra", for: .addressState)
        // The note may wrap: its words are read in order.
        func words(_ state: State) -> String {
            Self.frame(state).1.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let text = words(state)
        #expect(text.contains("City Mumbai_") && text.contains("State Maharashtra_"), "\(text)")
        #expect(
            text.contains("We deliver to PIN code 400001. City and state from the PIN code; typing replaces them."),
            "\(text)")
        state.form[.addressCity] = "Bombay"
        #expect(words(state).contains("400001. State from the PIN code; typing replaces it."))
        state.form[.addressState] = "MH"
        let typed = words(state)
        #expect(typed.contains("We deliver to PIN code 400001.") && !typed.contains("from the PIN code"), "\(typed)")
    }

    @Test func savedAddressesThatCannotBeDeliveredToAreMarked() {
        var state = ScreenGoldenTests.state("checkout-address")
        state.checkout.pincodeChecks["700016"] = .undeliverable(items: [], collect: false)
        let (_, text) = Self.frame(state)
        let rows = text.split(separator: "\n")
        #expect(rows.contains { $0.contains("700016") && $0.contains("no delivery") }, "\(text)")
        #expect(!rows.contains { $0.contains("560001") && $0.contains("delivery") }, "\(text)")
        state.checkout.pincodeChecks["700016"] = .undeliverable(items: [], collect: true)
        #expect(Self.frame(state).1.contains("collect in store only"))
    }

    @Test func theDeliveryStepOffersStoresToCollectFrom() {
        var state = ScreenGoldenTests.state("delivery")
        state.checkout.serviceability = Serviceability(isServiceable: false)
        state.checkout.deliveryMethods = []
        state.checkout.pickupStores = [Self.store("s1", "Sandbox Store Indiranagar"), Self.store("s2", "Bandra")]
        let (app, text) = Self.frame(state)
        #expect(text.contains("Collect in store"))
        #expect(text.contains("Collect at Sandbox Store Indiranagar, 3.5 km, ready in 2 h"), "\(text)")
        #expect(text.contains("enter choose"))
        _ = app.handle(.down)
        #expect(app.state.checkout.selectedPickupStore?.id == "s2")
    }

    @Test func enterWhileTheDeliveryOptionsLoadIsKept() {
        var state = ScreenGoldenTests.state("delivery")
        state.checkout.serviceability = nil
        state.checkout.deliveryMethods = []
        state.inFlight = [.delivery]
        let (app, text) = Self.frame(state)
        #expect(text.contains("Checking delivery to"))
        #expect(text.contains("enter choose"), "\(text)")
        _ = app.handle(.enter)
        #expect(app.state.checkout.pendingChoice == .delivery)
        #expect(app.state.notice?.text.contains("Still loading the delivery options") == true)
    }

    @Test func aFailedDeliveryCheckSaysSoAndEnterChecksAgain() {
        var state = ScreenGoldenTests.state("delivery")
        state.checkout.serviceability = nil
        state.checkout.deliveryMethods = []
        let (_, text) = Self.frame(state)
        #expect(text.contains("Could not check delivery to 560001. Press enter to check again."), "\(text)")
        #expect(text.contains("enter check again") && !text.contains("enter choose"), "\(text)")
    }
}
