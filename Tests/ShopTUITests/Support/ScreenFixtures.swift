import Foundation
import ShopCore
import ShopTestSupport
import StorefrontAPI

@testable import ShopTUI

/// States for every screen, built from the shared fixtures, and apps that draw them. Their store's API is
/// ``ShopAPI/unimplemented``: a key that starts a request the test did not expect fails it.
@MainActor
enum ScreenFixtures {
    nonisolated static func rupees(_ amount: Int, paise: Int = 0) -> Money { Fixtures.rupees(amount, paise: paise) }

    static func store(_ state: State, api: ShopAPI = .unimplemented) -> Store {
        Store(initialState: state, environment: ShopEnvironment(api: api))
    }

    /// `api: .offline` where the test's keys start requests it does not look at (each fails as offline).
    static func app(_ state: State, api: ShopAPI = .unimplemented) -> ShopApp {
        ShopApp(store: store(state, api: api), storeName: "Chai & Co")
    }

    static let products: [Product] = {
        func product(
            _ id: String, _ name: String, _ price: Int, paise: Int = 0, list: Int? = nil, stock: Bool = true
        ) -> Product {
            var p = Product(
                id: id, name: name, slug: id, stockAvailable: stock,
                pricing: Pricing(
                    listingPrice: rupees(list ?? price, paise: paise), sellingPrice: rupees(price, paise: paise)))
            p.shortDescription = "Hand-picked leaves from small gardens, packed within a week of plucking."
            p.stockQuantity = stock ? 8 : 0
            return p
        }
        return [
            product("p1", "Darjeeling First Flush", 1_299, list: 1_499),
            product("p2", "Assam Breakfast", 549),
            product("p3", "Nilgiri Frost", 899, stock: false),
            product("p4", "Masala Chai Blend", 399),
            product("p5", "Kashmiri Kahwa Gift Tin (500 g, limited edition)", 123_456, paise: 78),
            product("p6", "Green Tea", 299),
        ]
    }()

    nonisolated static func orderItem(_ name: String, _ quantity: Int, _ price: Int) -> OrderItem {
        try! Fixtures.decode(#"{"product_name": "\#(name)", "quantity": \#(quantity), "selling_price": \#(price)}"#)
    }

    static let lines: [CartItem] = [
        CartItem(
            productId: "p1", variantId: nil, productName: "Darjeeling First Flush", quantity: 2,
            sellingPrice: rupees(1_299)),
        CartItem(
            productId: "p4", variantId: nil, productName: "Masala Chai Blend", quantity: 1, sellingPrice: rupees(399)),
    ]

    static let address: Address = {
        var address = Fixtures.address()
        address.lastName = "Rao"
        return address
    }()

    static var cart: Cart {
        var items = lines
        for i in items.indices { items[i].stockAvailable = true }
        var c = Cart(id: "c1", items: items)
        c.subtotal = rupees(2_997)
        c.couponCode = "WELCOME10"
        c.isCouponApplied = true
        c.couponDiscountAmount = rupees(299, paise: 70)
        c.totalTax = rupees(134, paise: 87)
        c.shippingAmountIncludingTax = .zero
        c.giftCardCode = "GIFT500"
        c.giftCardAmount = rupees(500)
        c.grandTotal = rupees(2_832, paise: 17)
        c.toBePaid = rupees(2_332, paise: 17)
        c.cartItemsCount = 3
        return c
    }

    /// Signed in, catalog and cart loaded.
    static var base: State {
        var s = State()
        s.session = .ready(Fixtures.member)
        s.user = Fixtures.asha
        s.catalog.products = products
        s.catalog.totalRecords = products.count
        s.catalog.nextPage = nil
        s.catalog.categories = [
            Category(id: "c-black", name: "Black tea", slug: "black"),
            Category(id: "c-green", name: "Green tea", slug: "green"),
            Category(id: "c-gift", name: "Gifts", slug: "gifts"),
        ]
        s.catalog.selectedIndex = 1
        s.cart.server = cart
        s.cart.isLoaded = true
        return s
    }

    static func routed(_ state: State, _ route: [Route]) -> State {
        var s = state
        s.route = route
        return s
    }

    /// One state per screen, by golden name.
    static var screens: [(String, State)] {
        var list: [(String, State)] = []
        list.append(("catalog", base))

        var search = base
        search.form[.searchQuery] = "chai"
        search.catalog.resultsQuery = "chai"
        search.catalog.results = [
            CatalogItem(
                productId: "p4", variantId: nil, productName: "Masala Chai Blend",
                pricing: Pricing(listingPrice: rupees(399), sellingPrice: rupees(399))),
            CatalogItem(
                productId: "p7", variantId: nil, productName: "Chai Masala Spice Jar",
                pricing: Pricing(listingPrice: rupees(249), sellingPrice: rupees(249)), stockAvailable: false),
        ]
        search.catalog.selectedIndex = 0
        list.append(("catalog-search", search))

        var product = routed(base, [.catalog, .product(id: "p1")])
        product.product.id = "p1"
        var p1 = products[0]
        p1.hasVariant = true
        product.product.product = p1
        var v1 = Variant(
            id: "v1", name: "100 g", stockAvailable: true,
            pricing: Pricing(listingPrice: rupees(1_499), sellingPrice: rupees(1_299)))
        v1.stockQuantity = 4
        let v2 = Variant(
            id: "v2", name: "250 g", stockAvailable: false,
            pricing: Pricing(listingPrice: rupees(2_999), sellingPrice: rupees(2_899)))
        product.product.variants = [v1, v2]
        product.product.quantity = 2
        list.append(("product", product))

        var cartState = routed(base, [.catalog, .cart])
        cartState.cart.selectedIndex = 0
        list.append(("cart", cartState))

        var emptyCart = routed(base, [.catalog, .cart])
        emptyCart.cart.server = Cart(id: "c1")
        list.append(("cart-empty", emptyCart))

        var wishlist = routed(base, [.catalog, .wishlist])
        wishlist.wishlist.isLoaded = true
        wishlist.wishlist.items = [
            CatalogItem(
                productId: "p2", variantId: nil, productName: "Assam Breakfast",
                pricing: Pricing(listingPrice: rupees(549), sellingPrice: rupees(549))),
            CatalogItem(
                productId: "p3", variantId: nil, productName: "Nilgiri Frost",
                pricing: Pricing(listingPrice: rupees(899), sellingPrice: rupees(899)), stockAvailable: false),
        ]
        list.append(("wishlist", wishlist))

        var coupons = routed(base, [.catalog, .cart, .coupons])
        var c1 = EvaluatedCoupon(name: "Welcome", couponCode: ["WELCOME10"], estimatedDiscount: rupees(299, paise: 70))
        c1.savingsMessage = "10% off your first order"
        var c2 = EvaluatedCoupon(
            name: "Big basket", couponCode: ["BIG500"], estimatedDiscount: nil, reason: "Needs a cart of ₹5,000.00")
        c2.suggestion = "add ₹2,003.00 more"
        coupons.coupons.applicable = [c1]
        coupons.coupons.inapplicable = [c2]
        list.append(("coupons", coupons))

        var login = routed(base, [.catalog, .login])
        login.session = .ready(Fixtures.guest)
        login.user = nil
        login.form[.loginIdentifier] = "98765"
        list.append(("login", login))

        var otp = routed(login, [.catalog, .login, .otp])
        otp.form[.loginIdentifier] = "9876543210"
        otp.auth.challenge = OTPChallenge(otpToken: "t", otpAction: "login", otp: "123456")
        otp.auth.resendCooldown = 23
        otp.form[.otp] = "12"
        list.append(("otp", otp))

        var register = routed(login, [.catalog, .login, .register])
        register.form[.registerFirstName] = "Asha"
        list.append(("register", register))

        list.append(("account", routed(base, [.catalog, .account])))

        var deactivate = routed(base, [.catalog, .account])
        deactivate.account.confirmingDeactivation = true
        list.append(("account-deactivate", deactivate))

        var notifications = routed(base, [.catalog, .account, .notifications])
        notifications.account.preferences = NotificationPreferences(
            transactional: NotificationChannels(email: true, sms: true, whatsapp: false),
            promotional: NotificationChannels(email: false, sms: false, whatsapp: false),
            newsletter: NotificationChannels(email: true, sms: false, whatsapp: false))
        notifications.account.preferenceIndex = 1
        list.append(("notifications", notifications))

        var checkoutAddress = routed(base, [.catalog, .cart, .checkout(.address)])
        var other = address
        other.id = "a2"
        other.addressLine1 = "4 Park Street"
        other.city = "Kolkata"
        other.pincode = "700016"
        checkoutAddress.checkout.addresses = [address, other]
        list.append(("checkout-address", checkoutAddress))

        var form = routed(base, [.catalog, .cart, .checkout(.address), .addressForm])
        form.form[.addressFirstName] = "Asha"
        form.form[.addressPincode] = "5600"
        list.append(("address-form", form))

        var business = routed(base, [.catalog, .cart, .checkout(.address), .checkout(.business)])
        business.checkout.address = address
        business.form[.gstin] = "29ABCDE1234F1Z5"
        list.append(("business", business))

        var delivery = routed(
            business, [.catalog, .cart, .checkout(.address), .checkout(.business), .checkout(.delivery)])
        delivery.checkout.serviceability = Serviceability(isServiceable: true)
        delivery.checkout.deliveryMethods = [
            ShippingMethod(id: "std", name: "Standard", shippingAmount: .zero, estimatedDeliveryDays: "3-5"),
            ShippingMethod(id: "exp", name: "Express", shippingAmount: rupees(99), estimatedDeliveryDays: "1-2"),
        ]
        list.append(("delivery", delivery))

        var review = routed(delivery, delivery.route + [.checkout(.review)])
        review.checkout.deliveryMethodID = "std"
        list.append(("review", review))

        var payment = routed(review, [.catalog, .payment(orderNumber: "ORD-1042")])
        let order = Order(
            orderNumber: "ORD-1042", status: .pending, paymentStatus: .pending, grandTotal: rupees(2_832, paise: 17),
            toBePaid: rupees(2_332, paise: 17))
        payment.checkout.order = order
        payment.checkout.placement = .placed
        payment.payment.orderNumber = "ORD-1042"
        payment.payment.phase = .awaiting
        payment.payment.link = "http://127.0.0.1:8080/juspay/pay/ORD-1042"
        list.append(("payment", payment))

        var paid = payment
        paid.payment.phase = .paid
        list.append(("payment-paid", paid))

        var orders = routed(base, [.catalog, .orders])
        var o1 = order
        o1.orderDate = "2026-11-20T10:00:00Z"
        o1.status = .confirmed
        o1.paymentStatus = .success
        // Adds up: ₹2,997 − ₹299.70 (WELCOME10) + ₹134.87 tax + free shipping = ₹2,832.17; − ₹500 gift card.
        o1.subtotal = rupees(2_997)
        o1.couponCode = "WELCOME10"
        o1.couponDiscountAmount = rupees(299, paise: 70)
        o1.totalTax = rupees(134, paise: 87)
        o1.giftCardCode = "GIFT500"
        o1.giftCardAmount = rupees(500)
        o1.orderItems = [
            orderItem("Darjeeling First Flush", 2, 1_299), orderItem("Masala Chai Blend", 1, 399),
        ]
        var o2 = Order(
            orderNumber: "ORD-0999", status: .shipped, paymentStatus: .success, grandTotal: rupees(549),
            toBePaid: .zero)
        o2.orderDate = "2026-10-02T09:30:00Z"
        orders.orders.orders = [o1, o2]
        orders.orders.nextPage = nil
        orders.orders.detail = o1
        list.append(("orders", orders))

        var detail = routed(orders, [.catalog, .orders, .orderDetail(orderNumber: "ORD-1042")])
        detail.orders.detail = o1
        list.append(("order-detail", detail))
        return list
    }
}
