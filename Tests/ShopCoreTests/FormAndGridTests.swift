import ShopCore
import ShopTestSupport
import StorefrontAPI
import Testing

/// The login channel keeps what was typed for each kind of identifier, the notification grid moves like a grid,
/// and a variant that names its product is not named twice.
@MainActor
@Suite struct FormAndGridTests {
    @Test func switchingToEmailDoesNotShowThePhoneNumber() async {
        var state = guestState()
        state.route = [.catalog, .login]
        let store = makeStore(StubAPI(), state: state)
        await store.send(.setField(.loginIdentifier, "9876543210")) { $0.form[.loginIdentifier] = "9876543210" }
        // Email: the field is empty (the number is put aside), not the phone number.
        await store.send(.moveSelection(by: 1)) {
            $0.auth.channel = .email
            $0.form[.loginIdentifier] = ""
            $0.auth.otherIdentifier = "9876543210"
        }
        await store.send(.setField(.loginIdentifier, "asha@example.com")) {
            $0.form[.loginIdentifier] = "asha@example.com"
        }
        // WhatsApp takes a number: the one typed for the phone comes back, and the address is kept aside.
        await store.send(.moveSelection(by: 1)) {
            $0.auth.channel = .whatsapp
            $0.form[.loginIdentifier] = "9876543210"
            $0.auth.otherIdentifier = "asha@example.com"
        }
        // Phone after WhatsApp: the same number stays.
        await store.send(.session(.view(.chooseChannel(.phone)))) { $0.auth.channel = .phone }
        await store.send(.session(.view(.chooseChannel(.email)))) {
            $0.auth.channel = .email
            $0.form[.loginIdentifier] = "asha@example.com"
            $0.auth.otherIdentifier = "9876543210"
        }
        await store.finish()
    }

    @Test func theNotificationGridMovesAlongRowsAndColumns() async {
        var state = memberState()
        state.route = [.catalog, .account, .notifications]
        let columns = NotificationMedium.allCases.count
        let last = NotificationTopic.allCases.count * columns - 1
        let store = makeStore(StubAPI(), state: state)
        // Down a column.
        await store.send(.moveSelection(by: columns)) { $0.account.preferenceIndex = columns }
        // Right along the row, and not on into the next row at its end.
        for column in 1..<columns {
            await store.send(.moveSelection(by: 1)) { $0.account.preferenceIndex = columns + column }
        }
        await store.send(.moveSelection(by: 1))
        #expect(store.state.account.preferenceIndex == 2 * columns - 1)
        // Down to the last row, and not past it.
        for _ in 2..<NotificationTopic.allCases.count {
            await store.send(.moveSelection(by: columns)) { $0.account.preferenceIndex += columns }
        }
        await store.send(.moveSelection(by: columns))
        #expect(store.state.account.preferenceIndex == last)
        // Left stops at the first column; up keeps the column.
        await store.send(.moveSelection(by: -columns)) { $0.account.preferenceIndex = last - columns }
        for _ in 0..<(columns + 1) {
            await store.send(.moveSelection(by: -1)) {
                $0.account.preferenceIndex = max(last - 2 * columns + 1, $0.account.preferenceIndex - 1)
            }
        }
        #expect(store.state.account.preferenceIndex == last - 2 * columns + 1)
        await store.finish()
    }

    @Test func aVariantThatNamesItsProductIsNotNamedTwice() {
        #expect(ItemName.of(product: "Linen Kurta", variant: "Linen Kurta (S)") == "Linen Kurta (S)")
        #expect(ItemName.of(product: "Mug", variant: "Blue") == "Mug · Blue")
        #expect(ItemName.of(product: "Mug", variant: nil) == "Mug")
        #expect(ItemName.of(product: "Mug", variant: " ") == "Mug")
        #expect(ItemName.of(product: nil, variant: "Blue") == "Blue")
        var line = CartItem(
            productId: "p", variantId: "v", productName: "Linen Kurta", quantity: 1,
            sellingPrice: Money(minorUnits: 100))
        line.variantName = "Linen Kurta (S)"
        #expect(line.displayName == "Linen Kurta (S)")
    }
}
