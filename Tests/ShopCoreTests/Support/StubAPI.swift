import Foundation
import StorefrontAPI
import Synchronization
import Testing

@testable import ShopCore

typealias Handler<Input, Output> = @Sendable (Input) async throws(APIError) -> Output

/// Unset handlers fail the test: a reducer that calls what the test did not expect is caught.
func unexpected<Input, Output>(_ name: String) -> Handler<Input, Output> {
    { (_: Input) async throws(APIError) -> Output in
        Issue.record("Unexpected API call: \(name)")
        throw APIError.network("unexpected call \(name)")
    }
}

/// Answers for every ShopAPI call, set per test.
struct Handlers: Sendable {
    /// The session a token file holds at start (nil: none, `session()` mints an anonymous one).
    var storedSession: TokenClaims?
    var session: Handler<Void, TokenClaims> = unexpected("session")
    var login: Handler<(OTPChannel, String, Bool), OTPChallenge> = unexpected("login")
    var loginWithPassword: Handler<(String, String), User?> = unexpected("loginWithPassword")
    var register: Handler<(OTPChannel?, Registration), OTPChallenge?> = unexpected("register")
    var verifyOTP: Handler<(String, OTPChallenge), User?> = unexpected("verifyOTP")
    var logout: Handler<Void, User?> = unexpected("logout")
    var user: Handler<Void, User> = unexpected("user")
    var updateUser: Handler<UserUpdate, User> = unexpected("updateUser")
    var changePassword: Handler<(String, String), Void> = unexpected("changePassword")
    var forgotPassword: Handler<(String?, String?), OTPChallenge> = unexpected("forgotPassword")
    var resetPassword: Handler<(String, String), Void> = unexpected("resetPassword")
    var notificationPreferences: Handler<Void, NotificationPreferences> = unexpected("notificationPreferences")
    var saveNotificationPreferences: Handler<(NotificationPreferences, Bool), NotificationPreferences> =
        unexpected("saveNotificationPreferences")
    var deactivateAccount: Handler<Void, Void> = unexpected("deactivateAccount")
    var products: Handler<ProductQuery, ProductsPage> = unexpected("products")
    var product: Handler<String, Product> = unexpected("product")
    var variants: Handler<String, [Variant]> = unexpected("variants")
    var categories: Handler<(String?, String?), CategoriesPage> = unexpected("categories")
    var search: Handler<SearchRequest, SearchResult> = unexpected("search")
    var userCart: Handler<String?, Cart?> = unexpected("userCart")
    var createCart: Handler<[CartItemUpdate], Cart> = unexpected("createCart")
    var setItem: Handler<(String, CartItemUpdate), Cart> = unexpected("setItem")
    var setAddress: Handler<(String, CartAddressUpdate), Cart> = unexpected("setAddress")
    var applyCoupon: Handler<(String, String), Cart> = unexpected("applyCoupon")
    var removeCoupon: Handler<String, Cart> = unexpected("removeCoupon")
    var evaluateCoupons: Handler<String, CouponEvaluation> = unexpected("evaluateCoupons")
    var redeemLoyaltyPoints: Handler<(String, Int), Cart> = unexpected("redeemLoyaltyPoints")
    var removeLoyaltyPoints: Handler<String, Cart> = unexpected("removeLoyaltyPoints")
    var redeemCreditBalance: Handler<(String, Money), Cart> = unexpected("redeemCreditBalance")
    var removeCreditBalance: Handler<String, Cart> = unexpected("removeCreditBalance")
    var redeemGiftCard: Handler<(String, String), Cart> = unexpected("redeemGiftCard")
    var removeGiftCard: Handler<String, Cart> = unexpected("removeGiftCard")
    var setFulfillmentPreference: Handler<(String, FulfillmentPreferenceUpdate), Cart> =
        unexpected("setFulfillmentPreference")
    var wishlist: Handler<Void, [CatalogItem]> = unexpected("wishlist")
    var addToWishlist: Handler<LineID, [CatalogItem]> = unexpected("addToWishlist")
    var removeFromWishlist: Handler<LineID, [CatalogItem]> = unexpected("removeFromWishlist")
    var createCustomer: Handler<CustomerCreate, CustomerDetail> = unexpected("createCustomer")
    var addresses: Handler<(Int, Int), [Address]> = unexpected("addresses")
    var createAddress: Handler<Address, Address> = unexpected("createAddress")
    var loyalty: Handler<Void, LoyaltyDetails> = unexpected("loyalty")
    var checkServiceability: Handler<(String, String), Serviceability> = unexpected("checkServiceability")
    var fulfillmentOptions: Handler<(String, String), FulfillmentOptions> = unexpected("fulfillmentOptions")
    var createOrder: Handler<(String, PaymentMethodPayload?), OrderCreated> = unexpected("createOrder")
    var order: Handler<String, Order> = unexpected("order")
    var orders: Handler<(Int, Int), OrdersPage> = unexpected("orders")
    var paymentStatus: Handler<String, PaymentStatus> = unexpected("paymentStatus")
    var retryPayment: Handler<(String, PaymentMethodPayload?), PaymentInfo?> = unexpected("retryPayment")
    var cancelOrder: Handler<(String, OrderCancel), Order> = unexpected("cancelOrder")
    var createJuspayCustomer: Handler<Void, JuspayCustomer> = unexpected("createJuspayCustomer")
    var createJuspayOrder: Handler<(String, String), JuspayOrder> = unexpected("createJuspayOrder")
}

/// The storefront of the unit tests: answers what each test sets, records every call.
final class StubAPI: ShopAPI {
    let handlers: Mutex<Handlers>
    private let log = Mutex<[String]>([])

    init(_ configure: (inout Handlers) -> Void = { _ in }) {
        var handlers = Handlers()
        configure(&handlers)
        self.handlers = Mutex(handlers)
    }

    /// Changes answers mid-test (the network goes down...).
    func set(_ change: (inout Handlers) -> Void) {
        handlers.withLock { change(&$0) }
    }

    /// The calls made so far, as `name(arguments)`.
    var calls: [String] { log.withLock { $0 } }

    func count(_ name: String) -> Int { calls.filter { $0.hasPrefix(name + "(") }.count }

    private func handle<Input, Output>(
        _ name: String, _ input: Input, _ pick: (Handlers) -> Handler<Input, Output>
    ) async throws(APIError) -> Output {
        log.withLock { $0.append("\(name)(\(input))") }
        let handler = handlers.withLock { pick($0) }
        return try await handler(input)
    }

    func session() async throws(APIError) -> TokenClaims { try await handle("session", (), \.session) }
    func peekSession() async -> TokenClaims? { handlers.withLock { $0.storedSession } }
    func login(_ channel: OTPChannel, identifier: String, registerIfNotExists: Bool) async throws(APIError)
        -> OTPChallenge
    { try await handle("login", (channel, identifier, registerIfNotExists), \.login) }
    func loginWithPassword(identifier: String, password: String) async throws(APIError) -> User? {
        try await handle("loginWithPassword", (identifier, password), \.loginWithPassword)
    }
    func register(_ channel: OTPChannel?, _ registration: Registration) async throws(APIError) -> OTPChallenge? {
        try await handle("register", (channel, registration), \.register)
    }
    func verifyOTP(_ otp: String, challenge: OTPChallenge) async throws(APIError) -> User? {
        try await handle("verifyOTP", (otp, challenge), \.verifyOTP)
    }
    func logout() async throws(APIError) -> User? { try await handle("logout", (), \.logout) }
    func user() async throws(APIError) -> User { try await handle("user", (), \.user) }
    func updateUser(_ update: UserUpdate) async throws(APIError) -> User {
        try await handle("updateUser", update, \.updateUser)
    }
    func changePassword(old: String, new: String) async throws(APIError) {
        try await handle("changePassword", (old, new), \.changePassword)
    }
    func forgotPassword(email: String?, phone: String?) async throws(APIError) -> OTPChallenge {
        try await handle("forgotPassword", (email, phone), \.forgotPassword)
    }
    func resetPassword(newPassword: String, otpToken: String) async throws(APIError) {
        try await handle("resetPassword", (newPassword, otpToken), \.resetPassword)
    }
    func notificationPreferences() async throws(APIError) -> NotificationPreferences {
        try await handle("notificationPreferences", (), \.notificationPreferences)
    }
    func saveNotificationPreferences(_ preferences: NotificationPreferences, create: Bool) async throws(APIError)
        -> NotificationPreferences
    { try await handle("saveNotificationPreferences", (preferences, create), \.saveNotificationPreferences) }
    func deactivateAccount() async throws(APIError) { try await handle("deactivateAccount", (), \.deactivateAccount) }
    func products(_ query: ProductQuery) async throws(APIError) -> ProductsPage {
        try await handle("products", query, \.products)
    }
    func product(_ idOrSlug: String) async throws(APIError) -> Product {
        try await handle("product", idOrSlug, \.product)
    }
    func variants(productID: String) async throws(APIError) -> [Variant] {
        try await handle("variants", productID, \.variants)
    }
    func categories(parentID: String?, search: String?) async throws(APIError) -> CategoriesPage {
        try await handle("categories", (parentID, search), \.categories)
    }
    func search(_ request: SearchRequest) async throws(APIError) -> SearchResult {
        try await handle("search", request, \.search)
    }
    func userCart(userID: String?) async throws(APIError) -> Cart? { try await handle("userCart", userID, \.userCart) }
    func createCart(items: [CartItemUpdate]) async throws(APIError) -> Cart {
        try await handle("createCart", items, \.createCart)
    }
    func setItem(cartID: String, _ update: CartItemUpdate) async throws(APIError) -> Cart {
        try await handle("setItem", (cartID, update), \.setItem)
    }
    func setAddress(cartID: String, _ update: CartAddressUpdate) async throws(APIError) -> Cart {
        try await handle("setAddress", (cartID, update), \.setAddress)
    }
    func applyCoupon(cartID: String, code: String) async throws(APIError) -> Cart {
        try await handle("applyCoupon", (cartID, code), \.applyCoupon)
    }
    func removeCoupon(cartID: String) async throws(APIError) -> Cart {
        try await handle("removeCoupon", cartID, \.removeCoupon)
    }
    func evaluateCoupons(cartID: String) async throws(APIError) -> CouponEvaluation {
        try await handle("evaluateCoupons", cartID, \.evaluateCoupons)
    }
    func redeemLoyaltyPoints(cartID: String, points: Int) async throws(APIError) -> Cart {
        try await handle("redeemLoyaltyPoints", (cartID, points), \.redeemLoyaltyPoints)
    }
    func removeLoyaltyPoints(cartID: String) async throws(APIError) -> Cart {
        try await handle("removeLoyaltyPoints", cartID, \.removeLoyaltyPoints)
    }
    func redeemCreditBalance(cartID: String, amount: Money) async throws(APIError) -> Cart {
        try await handle("redeemCreditBalance", (cartID, amount), \.redeemCreditBalance)
    }
    func removeCreditBalance(cartID: String) async throws(APIError) -> Cart {
        try await handle("removeCreditBalance", cartID, \.removeCreditBalance)
    }
    func redeemGiftCard(cartID: String, code: String) async throws(APIError) -> Cart {
        try await handle("redeemGiftCard", (cartID, code), \.redeemGiftCard)
    }
    func removeGiftCard(cartID: String) async throws(APIError) -> Cart {
        try await handle("removeGiftCard", cartID, \.removeGiftCard)
    }
    func setFulfillmentPreference(cartID: String, _ preference: FulfillmentPreferenceUpdate) async throws(APIError)
        -> Cart
    { try await handle("setFulfillmentPreference", (cartID, preference), \.setFulfillmentPreference) }
    func wishlist() async throws(APIError) -> [CatalogItem] { try await handle("wishlist", (), \.wishlist) }
    func addToWishlist(_ line: LineID) async throws(APIError) -> [CatalogItem] {
        try await handle("addToWishlist", line, \.addToWishlist)
    }
    func removeFromWishlist(_ line: LineID) async throws(APIError) -> [CatalogItem] {
        try await handle("removeFromWishlist", line, \.removeFromWishlist)
    }
    func createCustomer(_ customer: CustomerCreate) async throws(APIError) -> CustomerDetail {
        try await handle("createCustomer", customer, \.createCustomer)
    }
    func addresses(page: Int, limit: Int) async throws(APIError) -> [Address] {
        try await handle("addresses", (page, limit), \.addresses)
    }
    func createAddress(_ address: Address) async throws(APIError) -> Address {
        try await handle("createAddress", address, \.createAddress)
    }
    func loyalty() async throws(APIError) -> LoyaltyDetails { try await handle("loyalty", (), \.loyalty) }
    func checkServiceability(cartID: String, pincode: String) async throws(APIError) -> Serviceability {
        try await handle("checkServiceability", (cartID, pincode), \.checkServiceability)
    }
    func fulfillmentOptions(cartID: String, pincode: String) async throws(APIError) -> FulfillmentOptions {
        try await handle("fulfillmentOptions", (cartID, pincode), \.fulfillmentOptions)
    }
    func createOrder(cartID: String, paymentMethod: PaymentMethodPayload?) async throws(APIError) -> OrderCreated {
        try await handle("createOrder", (cartID, paymentMethod), \.createOrder)
    }
    func order(_ number: String) async throws(APIError) -> Order { try await handle("order", number, \.order) }
    func orders(page: Int, limit: Int) async throws(APIError) -> OrdersPage {
        try await handle("orders", (page, limit), \.orders)
    }
    func paymentStatus(orderNumber: String) async throws(APIError) -> PaymentStatus {
        try await handle("paymentStatus", orderNumber, \.paymentStatus)
    }
    func retryPayment(orderNumber: String, paymentMethod: PaymentMethodPayload?) async throws(APIError)
        -> PaymentInfo?
    { try await handle("retryPayment", (orderNumber, paymentMethod), \.retryPayment) }
    func cancelOrder(orderNumber: String, _ cancel: OrderCancel) async throws(APIError) -> Order {
        try await handle("cancelOrder", (orderNumber, cancel), \.cancelOrder)
    }
    func createJuspayCustomer() async throws(APIError) -> JuspayCustomer {
        try await handle("createJuspayCustomer", (), \.createJuspayCustomer)
    }
    func createJuspayOrder(orderNumber: String, returnURL: String) async throws(APIError) -> JuspayOrder {
        try await handle("createJuspayOrder", (orderNumber, returnURL), \.createJuspayOrder)
    }
}

/// Holds calls until opened: a request "in flight" for as long as a test needs.
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let resume = state.withLock { state -> Bool in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resume { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
