import Foundation
import ShopCore
import StorefrontAPI

/// Small values the unit and screen tests build states from.
public enum Fixtures {
    public static let guest = TokenClaims(userId: "u1", isAnonymous: true, isLoggedIn: false, expiresAt: nil)
    public static let member = TokenClaims(userId: "u1", isAnonymous: false, isLoggedIn: true, expiresAt: nil)
    public static let asha = User(
        id: "u1", firstName: "Asha", lastName: "Rao", email: "asha@example.com", phone: "9876543210",
        isAnonymous: false, isLoggedIn: true)

    public static func rupees(_ amount: Int, paise: Int = 0) -> Money {
        Money(minorUnits: Int64(amount) * 100 + Int64(paise))
    }

    public static func product(
        _ id: String, price: Int = 500, stock: Bool = true, max: Int? = nil, stockQuantity: Int? = nil
    ) -> Product {
        var product = Product(
            id: id, name: "Product \(id)", stockAvailable: stock,
            pricing: Pricing(listingPrice: rupees(price), sellingPrice: rupees(price), maxOrderQuantity: max))
        product.stockQuantity = stockQuantity
        return product
    }

    public static func item(_ id: String, quantity: Int, price: Int = 500) -> CartItem {
        CartItem(
            productId: id, variantId: nil, productName: "Product \(id)", quantity: quantity, sellingPrice: rupees(price)
        )
    }

    public static func cart(_ items: [CartItem], id: String = "c1", coupon: String? = nil) -> Cart {
        var cart = Cart(id: id, items: items)
        let total = items.reduce(Money.zero) { $0 + $1.lineTotal }
        cart.subtotal = total
        cart.grandTotal = total
        cart.toBePaid = total
        cart.couponCode = coupon
        cart.isCouponApplied = coupon != nil
        return cart
    }

    public static func line(_ id: String) -> LineID { LineID(productId: id, variantId: nil) }

    public static func address(_ id: String = "a1", pincode: String = "560001") -> Address {
        Address(
            id: id, firstName: "Asha", phone: "9876543210", email: "asha@example.com", addressLine1: "12 MG Road",
            pincode: pincode, city: "Bengaluru", state: "Karnataka")
    }

    public static func order(_ number: String = "ORD-1", toBePaid: Int = 1000) -> Order {
        Order(
            orderNumber: number, status: .pending, paymentStatus: .pending, grandTotal: rupees(toBePaid),
            toBePaid: rupees(toBePaid))
    }

    public static let challenge = OTPChallenge(otpToken: "tok-123", otpAction: "login", otp: "123456")

    public static func decode<T: Decodable>(_ json: String, as type: T.Type = T.self) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(T.self, from: Data(json.utf8))
    }

    public static func productsPage(_ ids: [String], next: Int?) throws -> ProductsPage {
        let products = ids.map { #"{"id":"\#($0)","name":"Product \#($0)"}"# }.joined(separator: ",")
        let nextText = next.map(String.init) ?? "null"
        return try decode(
            #"{"products":[\#(products)],"pagination":{"total_records":\#(ids.count),"next_page":\#(nextText)}}"#)
    }

    public static func searchResult(_ ids: [String]) throws -> SearchResult {
        let skus = ids.map { #"{"product_id":"\#($0)","product_name":"Product \#($0)"}"# }.joined(separator: ",")
        return try decode(#"{"skus":[\#(skus)]}"#)
    }

    public static func catalogItem(_ id: String, stock: Bool = true) -> CatalogItem {
        CatalogItem(
            productId: id, variantId: nil, productName: "Product \(id)",
            pricing: Pricing(listingPrice: rupees(500), sellingPrice: rupees(500)), stockAvailable: stock)
    }
}

extension ShopPolicy {
    /// Short numbers for tests.
    public static var test: ShopPolicy {
        var policy = ShopPolicy()
        policy.otpResendCooldown = 2
        policy.otpAttempts = 3
        policy.paymentPollLimit = 3
        return policy
    }
}

/// An exhaustive test store on `api`.
@MainActor
public func makeStore(
    _ api: StubAPI, clock: TestClock = TestClock(), state: State = State(), policy: ShopPolicy = .test
) -> TestStore {
    TestStore(state: state, environment: ShopEnvironment(api: api, clock: clock, policy: policy))
}

/// A signed-in member with a cart.
public func memberState(cart: Cart? = Fixtures.cart([Fixtures.item("p1", quantity: 1)])) -> State {
    var state = State()
    state.session = .ready(Fixtures.member)
    state.user = Fixtures.asha
    state.cart.server = cart
    state.cart.isLoaded = true
    return state
}

/// A guest (anonymous session), nothing loaded.
public func guestState() -> State {
    var state = State()
    state.session = .ready(Fixtures.guest)
    return state
}
