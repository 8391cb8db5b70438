import StorefrontAPI

/// What ShopCore needs of the storefront, as closures: ``live(_:)`` calls the real `StorefrontClient`; unit
/// tests set the closures they expect and leave the others failing (ShopTestSupport's `unimplemented`).
///
/// Each closure takes its arguments as one value (a tuple when there are several), in the order of the
/// `StorefrontClient` method of the same name; the methods below keep the client's labels at call sites.
public struct ShopAPI: Sendable {
    public typealias Endpoint<Input, Output> = @Sendable (Input) async throws(APIError) -> Output

    /// Builds each endpoint from its name and key path (an unimplemented API, a recording one).
    public protocol Builder {
        func endpoint<Input, Output>(_ name: String, _ keyPath: KeyPath<ShopAPI, Endpoint<Input, Output>> & Sendable)
            -> Endpoint<Input, Output>
    }

    /// The claims of the stored token, without any request (nil: `session()` will mint a new anonymous one).
    public var peekSession: @Sendable () async -> TokenClaims?

    // MARK: Session and account
    public var session: Endpoint<Void, TokenClaims>
    public var login: Endpoint<(OTPChannel, String, Bool), OTPChallenge>
    public var loginWithPassword: Endpoint<(String, String), User?>
    public var register: Endpoint<(OTPChannel?, Registration), OTPChallenge?>
    public var verifyOTP: Endpoint<(String, OTPChallenge), User?>
    public var logout: Endpoint<Void, User?>
    public var user: Endpoint<Void, User>
    public var updateUser: Endpoint<UserUpdate, User>
    public var changePassword: Endpoint<(String, String), Void>
    public var forgotPassword: Endpoint<(String?, String?), OTPChallenge>
    public var resetPassword: Endpoint<(String, String), Void>
    public var notificationPreferences: Endpoint<Void, NotificationPreferences>
    public var saveNotificationPreferences: Endpoint<(NotificationPreferences, Bool), NotificationPreferences>
    public var deactivateAccount: Endpoint<Void, Void>

    // MARK: Catalog
    public var products: Endpoint<ProductQuery, ProductsPage>
    public var product: Endpoint<String, Product>
    public var variants: Endpoint<String, [Variant]>
    public var categories: Endpoint<(String?, String?), CategoriesPage>
    public var search: Endpoint<SearchRequest, SearchResult>

    // MARK: Cart
    public var userCart: Endpoint<String?, Cart?>
    public var createCart: Endpoint<[CartItemUpdate], Cart>
    public var setItem: Endpoint<(String, CartItemUpdate), Cart>
    public var setAddress: Endpoint<(String, CartAddressUpdate), Cart>
    public var applyCoupon: Endpoint<(String, String), Cart>
    public var removeCoupon: Endpoint<String, Cart>
    public var evaluateCoupons: Endpoint<String, CouponEvaluation>
    public var redeemLoyaltyPoints: Endpoint<(String, Int), Cart>
    public var removeLoyaltyPoints: Endpoint<String, Cart>
    public var redeemCreditBalance: Endpoint<(String, Money), Cart>
    public var removeCreditBalance: Endpoint<String, Cart>
    public var redeemGiftCard: Endpoint<(String, String), Cart>
    public var removeGiftCard: Endpoint<String, Cart>
    public var setFulfillmentPreference: Endpoint<(String, FulfillmentPreferenceUpdate), Cart>

    // MARK: Wishlist
    public var wishlist: Endpoint<Void, [CatalogItem]>
    public var addToWishlist: Endpoint<LineID, [CatalogItem]>
    public var removeFromWishlist: Endpoint<LineID, [CatalogItem]>

    // MARK: Customers and fulfillment
    public var createCustomer: Endpoint<CustomerCreate, CustomerDetail>
    public var addresses: Endpoint<(Int, Int), [Address]>
    public var createAddress: Endpoint<Address, Address>
    public var loyalty: Endpoint<Void, LoyaltyDetails>
    public var checkServiceability: Endpoint<(String, String), Serviceability>
    public var fulfillmentOptions: Endpoint<(String, String), FulfillmentOptions>
    public var pincodes: Endpoint<(String, String), [PincodeInfo]>

    // MARK: Orders and payment
    public var createOrder: Endpoint<(String, PaymentMethodPayload?), OrderCreated>
    public var order: Endpoint<String, Order>
    public var orders: Endpoint<(Int, Int), OrdersPage>
    public var paymentStatus: Endpoint<String, PaymentStatus>
    public var retryPayment: Endpoint<(String, PaymentMethodPayload?), PaymentInfo?>
    public var cancelOrder: Endpoint<(String, OrderCancel), Order>
    public var createJuspayCustomer: Endpoint<Void, JuspayCustomer>
    public var createJuspayOrder: Endpoint<(String, String), JuspayOrder>
}

extension ShopAPI {
    /// Every endpoint from `builder`; `peekSession` answers from `storedSession` (no token file by default).
    public init(_ builder: some Builder, storedSession: TokenClaims? = nil) {
        peekSession = { storedSession }
        session = builder.endpoint("session", \.session)
        login = builder.endpoint("login", \.login)
        loginWithPassword = builder.endpoint("loginWithPassword", \.loginWithPassword)
        register = builder.endpoint("register", \.register)
        verifyOTP = builder.endpoint("verifyOTP", \.verifyOTP)
        logout = builder.endpoint("logout", \.logout)
        user = builder.endpoint("user", \.user)
        updateUser = builder.endpoint("updateUser", \.updateUser)
        changePassword = builder.endpoint("changePassword", \.changePassword)
        forgotPassword = builder.endpoint("forgotPassword", \.forgotPassword)
        resetPassword = builder.endpoint("resetPassword", \.resetPassword)
        notificationPreferences = builder.endpoint("notificationPreferences", \.notificationPreferences)
        saveNotificationPreferences = builder.endpoint("saveNotificationPreferences", \.saveNotificationPreferences)
        deactivateAccount = builder.endpoint("deactivateAccount", \.deactivateAccount)
        products = builder.endpoint("products", \.products)
        product = builder.endpoint("product", \.product)
        variants = builder.endpoint("variants", \.variants)
        categories = builder.endpoint("categories", \.categories)
        search = builder.endpoint("search", \.search)
        userCart = builder.endpoint("userCart", \.userCart)
        createCart = builder.endpoint("createCart", \.createCart)
        setItem = builder.endpoint("setItem", \.setItem)
        setAddress = builder.endpoint("setAddress", \.setAddress)
        applyCoupon = builder.endpoint("applyCoupon", \.applyCoupon)
        removeCoupon = builder.endpoint("removeCoupon", \.removeCoupon)
        evaluateCoupons = builder.endpoint("evaluateCoupons", \.evaluateCoupons)
        redeemLoyaltyPoints = builder.endpoint("redeemLoyaltyPoints", \.redeemLoyaltyPoints)
        removeLoyaltyPoints = builder.endpoint("removeLoyaltyPoints", \.removeLoyaltyPoints)
        redeemCreditBalance = builder.endpoint("redeemCreditBalance", \.redeemCreditBalance)
        removeCreditBalance = builder.endpoint("removeCreditBalance", \.removeCreditBalance)
        redeemGiftCard = builder.endpoint("redeemGiftCard", \.redeemGiftCard)
        removeGiftCard = builder.endpoint("removeGiftCard", \.removeGiftCard)
        setFulfillmentPreference = builder.endpoint("setFulfillmentPreference", \.setFulfillmentPreference)
        wishlist = builder.endpoint("wishlist", \.wishlist)
        addToWishlist = builder.endpoint("addToWishlist", \.addToWishlist)
        removeFromWishlist = builder.endpoint("removeFromWishlist", \.removeFromWishlist)
        createCustomer = builder.endpoint("createCustomer", \.createCustomer)
        addresses = builder.endpoint("addresses", \.addresses)
        createAddress = builder.endpoint("createAddress", \.createAddress)
        loyalty = builder.endpoint("loyalty", \.loyalty)
        checkServiceability = builder.endpoint("checkServiceability", \.checkServiceability)
        fulfillmentOptions = builder.endpoint("fulfillmentOptions", \.fulfillmentOptions)
        pincodes = builder.endpoint("pincodes", \.pincodes)
        createOrder = builder.endpoint("createOrder", \.createOrder)
        order = builder.endpoint("order", \.order)
        orders = builder.endpoint("orders", \.orders)
        paymentStatus = builder.endpoint("paymentStatus", \.paymentStatus)
        retryPayment = builder.endpoint("retryPayment", \.retryPayment)
        cancelOrder = builder.endpoint("cancelOrder", \.cancelOrder)
        createJuspayCustomer = builder.endpoint("createJuspayCustomer", \.createJuspayCustomer)
        createJuspayOrder = builder.endpoint("createJuspayOrder", \.createJuspayOrder)
    }
}

// The client's labels at call sites (single unlabeled arguments call the closures as they are).
extension ShopAPI {
    public func session() async throws(APIError) -> TokenClaims { try await session(()) }
    public func login(_ channel: OTPChannel, identifier: String, registerIfNotExists: Bool) async throws(APIError)
        -> OTPChallenge
    { try await login((channel, identifier, registerIfNotExists)) }
    public func loginWithPassword(identifier: String, password: String) async throws(APIError) -> User? {
        try await loginWithPassword((identifier, password))
    }
    public func register(_ channel: OTPChannel?, _ registration: Registration) async throws(APIError)
        -> OTPChallenge?
    { try await register((channel, registration)) }
    public func verifyOTP(_ otp: String, challenge: OTPChallenge) async throws(APIError) -> User? {
        try await verifyOTP((otp, challenge))
    }
    public func logout() async throws(APIError) -> User? { try await logout(()) }
    public func user() async throws(APIError) -> User { try await user(()) }
    public func changePassword(old: String, new: String) async throws(APIError) {
        try await changePassword((old, new))
    }
    public func forgotPassword(email: String?, phone: String?) async throws(APIError) -> OTPChallenge {
        try await forgotPassword((email, phone))
    }
    public func resetPassword(newPassword: String, otpToken: String) async throws(APIError) {
        try await resetPassword((newPassword, otpToken))
    }
    public func notificationPreferences() async throws(APIError) -> NotificationPreferences {
        try await notificationPreferences(())
    }
    public func saveNotificationPreferences(_ preferences: NotificationPreferences, create: Bool)
        async throws(APIError) -> NotificationPreferences
    { try await saveNotificationPreferences((preferences, create)) }
    public func deactivateAccount() async throws(APIError) { try await deactivateAccount(()) }
    public func variants(productID: String) async throws(APIError) -> [Variant] { try await variants(productID) }
    public func categories(parentID: String?, search: String?) async throws(APIError) -> CategoriesPage {
        try await categories((parentID, search))
    }
    public func userCart(userID: String?) async throws(APIError) -> Cart? { try await userCart(userID) }
    public func createCart(items: [CartItemUpdate]) async throws(APIError) -> Cart { try await createCart(items) }
    public func setItem(cartID: String, _ update: CartItemUpdate) async throws(APIError) -> Cart {
        try await setItem((cartID, update))
    }
    public func setAddress(cartID: String, _ update: CartAddressUpdate) async throws(APIError) -> Cart {
        try await setAddress((cartID, update))
    }
    public func applyCoupon(cartID: String, code: String) async throws(APIError) -> Cart {
        try await applyCoupon((cartID, code))
    }
    public func removeCoupon(cartID: String) async throws(APIError) -> Cart { try await removeCoupon(cartID) }
    public func evaluateCoupons(cartID: String) async throws(APIError) -> CouponEvaluation {
        try await evaluateCoupons(cartID)
    }
    public func redeemLoyaltyPoints(cartID: String, points: Int) async throws(APIError) -> Cart {
        try await redeemLoyaltyPoints((cartID, points))
    }
    public func removeLoyaltyPoints(cartID: String) async throws(APIError) -> Cart {
        try await removeLoyaltyPoints(cartID)
    }
    public func redeemCreditBalance(cartID: String, amount: Money) async throws(APIError) -> Cart {
        try await redeemCreditBalance((cartID, amount))
    }
    public func removeCreditBalance(cartID: String) async throws(APIError) -> Cart {
        try await removeCreditBalance(cartID)
    }
    public func redeemGiftCard(cartID: String, code: String) async throws(APIError) -> Cart {
        try await redeemGiftCard((cartID, code))
    }
    public func removeGiftCard(cartID: String) async throws(APIError) -> Cart { try await removeGiftCard(cartID) }
    public func setFulfillmentPreference(cartID: String, _ preference: FulfillmentPreferenceUpdate)
        async throws(APIError) -> Cart
    { try await setFulfillmentPreference((cartID, preference)) }
    public func wishlist() async throws(APIError) -> [CatalogItem] { try await wishlist(()) }
    public func addresses(page: Int, limit: Int) async throws(APIError) -> [Address] {
        try await addresses((page, limit))
    }
    public func loyalty() async throws(APIError) -> LoyaltyDetails { try await loyalty(()) }
    public func checkServiceability(cartID: String, pincode: String) async throws(APIError) -> Serviceability {
        try await checkServiceability((cartID, pincode))
    }
    public func fulfillmentOptions(cartID: String, pincode: String) async throws(APIError) -> FulfillmentOptions {
        try await fulfillmentOptions((cartID, pincode))
    }
    public func pincodes(countryCode: String, matching pincode: String) async throws(APIError) -> [PincodeInfo] {
        try await pincodes((countryCode, pincode))
    }
    public func createOrder(cartID: String, paymentMethod: PaymentMethodPayload?) async throws(APIError)
        -> OrderCreated
    { try await createOrder((cartID, paymentMethod)) }
    public func orders(page: Int, limit: Int) async throws(APIError) -> OrdersPage { try await orders((page, limit)) }
    public func paymentStatus(orderNumber: String) async throws(APIError) -> PaymentStatus {
        try await paymentStatus(orderNumber)
    }
    public func retryPayment(orderNumber: String, paymentMethod: PaymentMethodPayload?) async throws(APIError)
        -> PaymentInfo?
    { try await retryPayment((orderNumber, paymentMethod)) }
    public func cancelOrder(orderNumber: String, _ cancel: OrderCancel) async throws(APIError) -> Order {
        try await cancelOrder((orderNumber, cancel))
    }
    public func createJuspayCustomer() async throws(APIError) -> JuspayCustomer { try await createJuspayCustomer(()) }
    public func createJuspayOrder(orderNumber: String, returnURL: String) async throws(APIError) -> JuspayOrder {
        try await createJuspayOrder((orderNumber, returnURL))
    }
}
