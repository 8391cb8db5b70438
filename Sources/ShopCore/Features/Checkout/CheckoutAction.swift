import StorefrontAPI

/// The types of ``CheckoutAction``: what the user asks, what effects answer.
public enum CheckoutFeature {
    /// What the user asked for.
    public enum View: Equatable, Sendable, Codable {
        /// From the cart: guests log in first.
        case start
        /// Uses the selected address for billing and shipping.
        case chooseAddress
        /// Opens the address form.
        case newAddress
        /// Saves the address form.
        case saveAddress
        case skipBusiness
        /// Sends the `businessName`, `gstin`, `pan` fields.
        case submitBusiness
        case chooseDelivery
        case placeOrder
    }

    /// What an effect answered.
    public enum Response: Equatable, Sendable, Codable {
        case addressesLoaded([Address])
        case addressesFailed(APIError)
        case addressSaved(Address)
        case addressFailed(APIError)
        case businessSaved(CustomerDetail)
        case businessFailed(APIError)
        /// The Delivery step's check: serviceability, the delivery methods, and the stores to collect from.
        case serviceabilityChecked(Serviceability, methods: [ShippingMethod], stores: [PickupStore] = [])
        /// A PIN code (typed in the address form, or of a saved address) was checked.
        case pincodeChecked(pincode: String, PincodeCheck)
        /// The place of a PIN code typed in the address form (nil: the store knows none, or did not answer).
        case pincodePlaceFound(pincode: String, PincodeInfo?)
        case deliveryFailed(APIError)
        case orderPlaced(Order, paymentRequired: Bool, paymentInfo: PaymentInfo?)
        case orderFailed(APIError)
    }
}
