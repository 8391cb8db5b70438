import StorefrontAPI

/// What ShopCore needs of the storefront: the real `StorefrontClient` in the app, fakes in unit tests.
///
/// Every requirement mirrors a `StorefrontClient` method exactly, so that the client conforms as it is.
public protocol ShopAPI: Sendable {
    // MARK: Session and account
    func session() async throws(APIError) -> TokenClaims
    /// The claims of the stored token, without any request (nil: `session()` will mint a new anonymous one).
    func peekSession() async -> TokenClaims?
    func login(_ channel: OTPChannel, identifier: String, registerIfNotExists: Bool) async throws(APIError)
        -> OTPChallenge
    func loginWithPassword(identifier: String, password: String) async throws(APIError) -> User?
    func register(_ channel: OTPChannel?, _ registration: Registration) async throws(APIError) -> OTPChallenge?
    func verifyOTP(_ otp: String, challenge: OTPChallenge) async throws(APIError) -> User?
    func logout() async throws(APIError) -> User?
    func user() async throws(APIError) -> User
    func updateUser(_ update: UserUpdate) async throws(APIError) -> User
    func changePassword(old: String, new: String) async throws(APIError)
    func forgotPassword(email: String?, phone: String?) async throws(APIError) -> OTPChallenge
    func resetPassword(newPassword: String, otpToken: String) async throws(APIError)
    func notificationPreferences() async throws(APIError) -> NotificationPreferences
    func saveNotificationPreferences(_ preferences: NotificationPreferences, create: Bool) async throws(APIError)
        -> NotificationPreferences
    func deactivateAccount() async throws(APIError)

    // MARK: Catalog
    func products(_ query: ProductQuery) async throws(APIError) -> ProductsPage
    func product(_ idOrSlug: String) async throws(APIError) -> Product
    func variants(productID: String) async throws(APIError) -> [Variant]
    func categories(parentID: String?, search: String?) async throws(APIError) -> CategoriesPage
    func search(_ request: SearchRequest) async throws(APIError) -> SearchResult

    // MARK: Cart
    func userCart(userID: String?) async throws(APIError) -> Cart?
    func createCart(items: [CartItemUpdate]) async throws(APIError) -> Cart
    func setItem(cartID: String, _ update: CartItemUpdate) async throws(APIError) -> Cart
    func setAddress(cartID: String, _ update: CartAddressUpdate) async throws(APIError) -> Cart
    func applyCoupon(cartID: String, code: String) async throws(APIError) -> Cart
    func removeCoupon(cartID: String) async throws(APIError) -> Cart
    func evaluateCoupons(cartID: String) async throws(APIError) -> CouponEvaluation
    func redeemLoyaltyPoints(cartID: String, points: Int) async throws(APIError) -> Cart
    func removeLoyaltyPoints(cartID: String) async throws(APIError) -> Cart
    func redeemCreditBalance(cartID: String, amount: Money) async throws(APIError) -> Cart
    func removeCreditBalance(cartID: String) async throws(APIError) -> Cart
    func redeemGiftCard(cartID: String, code: String) async throws(APIError) -> Cart
    func removeGiftCard(cartID: String) async throws(APIError) -> Cart
    func setFulfillmentPreference(cartID: String, _ preference: FulfillmentPreferenceUpdate) async throws(APIError)
        -> Cart

    // MARK: Wishlist
    func wishlist() async throws(APIError) -> [CatalogItem]
    func addToWishlist(_ line: LineID) async throws(APIError) -> [CatalogItem]
    func removeFromWishlist(_ line: LineID) async throws(APIError) -> [CatalogItem]

    // MARK: Customers and fulfillment
    func createCustomer(_ customer: CustomerCreate) async throws(APIError) -> CustomerDetail
    func addresses(page: Int, limit: Int) async throws(APIError) -> [Address]
    func createAddress(_ address: Address) async throws(APIError) -> Address
    func loyalty() async throws(APIError) -> LoyaltyDetails
    func checkServiceability(cartID: String, pincode: String) async throws(APIError) -> Serviceability
    func fulfillmentOptions(cartID: String, pincode: String) async throws(APIError) -> FulfillmentOptions

    // MARK: Orders and payment
    func createOrder(cartID: String, paymentMethod: PaymentMethodPayload?) async throws(APIError) -> OrderCreated
    func order(_ number: String) async throws(APIError) -> Order
    func orders(page: Int, limit: Int) async throws(APIError) -> OrdersPage
    func paymentStatus(orderNumber: String) async throws(APIError) -> PaymentStatus
    func retryPayment(orderNumber: String, paymentMethod: PaymentMethodPayload?) async throws(APIError)
        -> PaymentInfo?
    func cancelOrder(orderNumber: String, _ cancel: OrderCancel) async throws(APIError) -> Order
    func createJuspayCustomer() async throws(APIError) -> JuspayCustomer
    func createJuspayOrder(orderNumber: String, returnURL: String) async throws(APIError) -> JuspayOrder
}

extension StorefrontClient: ShopAPI {}
