import StorefrontAPI

/// Everything that can happen: intents from keys and answers from effects. `Codable` for the action log.
public enum Action: Equatable, Sendable, Codable {
    /// Starts (or restores) the session, then loads the catalog and the cart.
    case appStarted
    /// Moves the selection of the list on screen.
    case moveSelection(by: Int)
    /// Enter on the list on screen: opens the product, the order, chooses the address...
    case select
    /// Edits a text input.
    case edit(Field, TextEdit)
    /// Replaces a text input.
    case setField(Field, String)
    case dismissNotice
    /// Pushes a screen (loading what it shows).
    case navigate(Route)
    /// Pops a screen.
    case back

    case session(SessionAction)
    case catalog(CatalogAction)
    case product(ProductAction)
    case cart(CartAction)
    case wishlist(WishlistAction)
    case coupons(CouponsAction)
    case checkout(CheckoutAction)
    case payment(PaymentAction)
    case orders(OrdersAction)
    case account(AccountAction)
    /// Typing focus, the `?` help, key stamps (``UIAction``).
    case ui(UIAction)
}

public enum SessionAction: Equatable, Sendable, Codable {
    // Intents
    case chooseChannel(OTPChannel)
    /// Sends an OTP to `loginIdentifier` by the chosen channel.
    case requestOTP
    case resendOTP
    /// Verifies the `otp` field.
    case submitOTP
    /// Creates the account from the `register*` fields (after "account not found").
    case submitRegistration
    /// Logs in with `loginIdentifier` and `password`.
    case loginWithPassword
    /// Switches the login screen between an OTP and a password.
    case togglePasswordLogin
    /// From the login screen: create an account with a password (the register screen, the identifier filled in).
    case registerWithPassword
    /// Asks "Log out?" first (`logout` does it).
    case requestLogout
    case cancelLogout
    case logout

    // Answers
    /// A stored session was restored (or refreshed): its cart, if any, is on the server.
    case started(TokenClaims)
    /// No session was stored and an anonymous one was minted just now: that user has no cart yet.
    case startedAsNewGuest(TokenClaims)
    case startFailed(APIError)
    case otpSent(OTPChallenge)
    case otpRequestFailed(APIError)
    /// Login answered that no such account exists: the register screen opens.
    case accountNotFound
    case cooldownTick
    case otpRejected(APIError)
    case signedIn(user: User?, claims: TokenClaims)
    case signInFailed(APIError)
    case userLoaded(User)
    case signedOut(TokenClaims)
    case logoutFailed(APIError)
    /// The session expired and a fresh anonymous one was started.
    case expired(TokenClaims)
}

public enum CatalogAction: Equatable, Sendable, Codable {
    case loadMore
    case refresh
    /// `unreadable`: products of the page the app could not read (left out, logged by the client).
    case pageLoaded(page: Int, products: [Product], nextPage: Int?, total: Int, unreadable: [DroppedElement] = [])
    case pageFailed(APIError)
    /// The page an earlier run saved (``CatalogCacheFile``), read by the front end at start.
    case savedCopyRead(SavedCatalog)
    case categoriesLoaded([Category])
    case categoriesFailed(APIError)
    /// Filters by category (nil: all).
    case chooseCategory(String?)
    case searchAnswered(generation: Int, query: String, items: [CatalogItem])
    case searchFailed(generation: Int, APIError)
    case clearSearch
}

public enum ProductAction: Equatable, Sendable, Codable {
    case open(id: String)
    case loaded(Product, variants: [Variant])
    case failed(id: String, APIError)
    case selectVariant(Int)
    case changeQuantity(by: Int)
    case addToCart
    case addToWishlist
}

public enum CartAction: Equatable, Sendable, Codable {
    /// Reads the cart from the server (the refresh key; opening the cart does it only when stale).
    case load
    /// The cart may have changed elsewhere (the user was away a long while): the next opening reads it.
    case markStale
    case loaded(Cart?)
    case loadFailed(APIError)
    /// Sets a line's quantity (0 removes it); `preview` draws a line that is not in the cart yet.
    case setQuantity(LineID, Int, preview: CartItem?)
    /// Changes the selected line by one step.
    case incrementSelected
    case decrementSelected
    case removeSelected
    /// Puts the line last removed back (``CartState/lastRemoved``).
    case undoRemove
    case moveSelectedToWishlist
    case moveToWishlist(LineID)
    case movedToWishlist(LineID, [CatalogItem])
    case moveToWishlistFailed(LineID, APIError)
    /// Applies the `giftCardCode` field.
    case applyGiftCard
    case removeGiftCard
    /// Redeems the `loyaltyPoints` field.
    case redeemLoyaltyPoints
    case removeLoyaltyPoints
    /// Uses the `creditAmount` field.
    case redeemCreditBalance
    case removeCreditBalance
    case mutationSucceeded(sequence: Int, Cart)
    case mutationFailed(sequence: Int, APIError)
}

public enum WishlistAction: Equatable, Sendable, Codable {
    case load
    case loaded([CatalogItem])
    case failed(APIError)
    case add(LineID)
    case remove(LineID)
    case removeSelected
    case moveToCart(LineID)
    case moveSelectedToCart
    case updated([CatalogItem])
}

public enum CouponsAction: Equatable, Sendable, Codable {
    case load
    case evaluated(applicable: [EvaluatedCoupon], inapplicable: [EvaluatedCoupon])
    case failed(APIError)
    case apply(code: String)
    /// Applies the `couponCode` field.
    case applyTyped
    case applySelected
    case remove
}

public enum CheckoutAction: Equatable, Sendable, Codable {
    /// From the cart: guests log in first.
    case start
    case addressesLoaded([Address])
    case addressesFailed(APIError)
    /// Uses the selected address for billing and shipping.
    case chooseAddress
    /// Opens the address form.
    case newAddress
    /// Saves the address form.
    case saveAddress
    case addressSaved(Address)
    case addressFailed(APIError)
    case skipBusiness
    /// Sends the `businessName`, `gstin`, `pan` fields.
    case submitBusiness
    case businessSaved(CustomerDetail)
    case businessFailed(APIError)
    /// The Delivery step's check: serviceability, the delivery methods, and the stores to collect from.
    case serviceabilityChecked(Serviceability, methods: [ShippingMethod], stores: [PickupStore] = [])
    /// A PIN code (typed in the address form, or of a saved address) was checked.
    case pincodeChecked(pincode: String, PincodeCheck)
    case deliveryFailed(APIError)
    case chooseDelivery
    case placeOrder
    case orderPlaced(Order, paymentRequired: Bool, paymentInfo: PaymentInfo?)
    case orderFailed(APIError)
}

public enum PaymentAction: Equatable, Sendable, Codable {
    case linkReady(String?)
    /// Juspay create-order answered (after the Juspay customer): its `payment_links.web` is the link.
    case juspayOrderReady(JuspayOrder)
    /// Opens or closes the payment's detail view.
    case toggleDetail
    case setupFailed(APIError)
    case statusPolled(attempt: Int, PaymentStatus)
    case pollFailed(attempt: Int, APIError)
    case timedOut
    /// Stops polling (the order stays; "check again" resumes).
    case stopPolling
    case checkAgain
    /// After a failure: asks for a new payment link.
    case retry
    case retried(PaymentInfo?)
    case retryFailed(APIError)
    /// Leaves the payment screen for the order.
    case done
}

public enum OrdersAction: Equatable, Sendable, Codable {
    case load
    case loadMore
    case loaded(page: Int, orders: [Order], nextPage: Int?)
    case failed(APIError)
    case open(orderNumber: String)
    case detailLoaded(Order)
    case detailFailed(APIError)
    /// Pays the order shown (unpaid): the payment screen with a live link (Juspay customer and create-order, or
    /// a payment retry after a failed payment).
    case pay
    /// Asks to cancel the order shown; `confirmCancel` cancels it, `dismissCancel` (or back) keeps it.
    case requestCancel
    case confirmCancel
    case dismissCancel
    case cancelled(Order)
    case cancelFailed(APIError)
}

public enum AccountAction: Equatable, Sendable, Codable {
    /// Opens the profile form filled with the user's details.
    case editProfile
    case saveProfile
    case profileSaved(User)
    case loadPreferences
    case preferencesLoaded(NotificationPreferences)
    case togglePreference(NotificationTopic, NotificationMedium)
    /// Toggles the preference under the cursor.
    case toggleSelectedPreference
    case savePreferences
    case preferencesSaved(NotificationPreferences)
    case changePassword
    case passwordChanged
    /// Sends a reset OTP to `resetIdentifier`.
    case forgotPassword
    case resetOTPSent(OTPChallenge)
    /// Verifies the `otp` field and sets `newPassword`.
    case submitReset
    case passwordReset
    case requestDeactivation
    case confirmDeactivation
    case cancelDeactivation
    case deactivated(TokenClaims)
    /// The loyalty details read on opening Account or Coupons; nil when the store would not tell them.
    case loyaltyLoaded(LoyaltyDetails?)
    case failed(Activity, APIError)
}
