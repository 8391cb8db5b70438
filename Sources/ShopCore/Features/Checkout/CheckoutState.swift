import StorefrontAPI

public enum Placement: String, Codable, Sendable, Hashable {
    /// No order yet.
    case idle
    /// `POST /orders` is in flight.
    case placing
    /// The last attempt failed without an answer: the order may exist, so it is looked up before any new one.
    case uncertain
    /// The order exists (`CheckoutState.order`).
    case placed
}

public struct CheckoutState: Equatable, Sendable {
    public var addresses: [Address] = []
    public var selectedAddressIndex = 0
    /// The address set on the cart.
    public var address: Address?
    /// Business details sent with `POST /customers`, if any.
    public var business: BusinessDetails?
    public var businessSkipped = false
    public var serviceability: Serviceability?
    public var deliveryMethods: [ShippingMethod] = []
    /// Stores to collect from (`collect` of the fulfillment options), listed after the delivery methods.
    public var pickupStores: [PickupStore] = []
    /// Over `deliveryMethods` then `pickupStores`.
    public var selectedDeliveryIndex = 0
    public var deliveryMethodID: String?
    /// The store chosen for collect-in-store (then `deliveryMethodID` is nil).
    public var pickupStoreID: String?
    /// What was found for each PIN code checked: typed in the address form, or of a saved address.
    public var pincodeChecks: [String: PincodeCheck] = [:]
    /// Enter was pressed on this step while its list was loading: it acts once the list is there.
    public var pendingChoice: CheckoutStep?
    public var placement = Placement.idle
    /// The cart the order is placed from.
    public var cartID: String?
    /// The created order: once set, never created again.
    public var order: Order?

    public init() {}

    public var selectedAddress: Address? {
        addresses.indices.contains(selectedAddressIndex) ? addresses[selectedAddressIndex] : nil
    }

    public var selectedDeliveryMethod: ShippingMethod? {
        deliveryMethods.indices.contains(selectedDeliveryIndex) ? deliveryMethods[selectedDeliveryIndex] : nil
    }

    /// The store under the cursor, when it is past the delivery methods.
    public var selectedPickupStore: PickupStore? {
        let index = selectedDeliveryIndex - deliveryMethods.count
        return pickupStores.indices.contains(index) ? pickupStores[index] : nil
    }

    /// Rows of the delivery step: the delivery methods, then the stores to collect from.
    public var deliveryChoiceCount: Int { deliveryMethods.count + pickupStores.count }

    public var chosenDeliveryMethod: ShippingMethod? { deliveryMethods.first { $0.id == deliveryMethodID } }

    public var chosenPickupStore: PickupStore? { pickupStores.first { $0.id == pickupStoreID } }

    /// What is known of delivery to `address`'s PIN code, nil when not checked.
    public func pincodeCheck(of address: Address) -> PincodeCheck? {
        address.pincode.flatMap { pincodeChecks[$0] }
    }

    func currentStep(in route: [Route]) -> CheckoutStep? {
        for route in route.reversed() {
            if case .checkout(let step) = route { return step }
            if route == .addressForm { return .address }
        }
        return nil
    }
}

/// Whether the store delivers to a PIN code, as its serviceability check (with this cart) answered.
public enum PincodeCheck: Equatable, Sendable, Codable {
    case checking
    case deliverable
    /// Not delivered there: the items that cannot be (empty: nothing is), and whether the fulfillment options
    /// list a store to collect from instead.
    case undeliverable(items: [String], collect: Bool)
    /// The check itself failed (network); the Delivery step checks again.
    case unknown

    /// "We don't deliver to 194101 yet." or "Not deliverable to 560001: Linen Shirt."; nil when delivered.
    public func undeliverableText(_ pincode: String) -> String? {
        guard case .undeliverable(let items, _) = self else { return nil }
        return items.isEmpty
            ? "We don't deliver to \(pincode) yet." : "Not deliverable to \(pincode): \(items.joined(separator: ", "))."
    }

    /// Not deliverable and no store to collect from: an address to avoid.
    public var isDeadEnd: Bool {
        if case .undeliverable(_, collect: false) = self { return true }
        return false
    }
}
