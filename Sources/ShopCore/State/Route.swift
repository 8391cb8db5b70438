/// Where the user is: the top of `State.route`.
public enum Route: Codable, Sendable, Hashable {
    case catalog
    case product(id: String)
    case cart
    case wishlist
    case coupons
    case login
    case otp
    case register
    case account
    case profile
    case notifications
    case changePassword
    case forgotPassword
    case resetPassword
    case checkout(CheckoutStep)
    case addressForm
    case payment(orderNumber: String)
    case orders
    case orderDetail(orderNumber: String)

    /// A short title for the header and the breadcrumbs.
    public var title: String {
        switch self {
        case .catalog: "Catalog"
        case .product: "Product"
        case .cart: "Cart"
        case .wishlist: "Wishlist"
        case .coupons: "Coupons"
        case .login: "Log in"
        case .otp: "Enter OTP"
        case .register: "Create account"
        case .account: "Account"
        case .profile: "Profile"
        case .notifications: "Notifications"
        case .changePassword: "Change password"
        case .forgotPassword: "Forgot password"
        case .resetPassword: "Reset password"
        case .checkout(let step): step.title
        case .addressForm: "New address"
        case .payment(let number): "Payment · \(number)"
        case .orders: "Orders"
        case .orderDetail(let number): "Order \(number)"
        }
    }

    /// Guests who open it are sent to log in first, then brought back.
    public var requiresSignIn: Bool {
        switch self {
        case .account, .profile, .notifications, .changePassword, .orders, .orderDetail, .checkout, .addressForm:
            true
        default:
            false
        }
    }

    var isAuthentication: Bool {
        switch self {
        case .login, .otp, .register: true
        default: false
        }
    }

    var isCheckout: Bool {
        switch self {
        case .checkout, .addressForm: true
        default: false
        }
    }
}

/// The steps of checkout, in order.
public enum CheckoutStep: String, Codable, Sendable, Hashable, CaseIterable {
    case address, business, delivery, review

    public var title: String {
        switch self {
        case .address: "Address"
        case .business: "Business details"
        case .delivery: "Delivery"
        case .review: "Review"
        }
    }
}

/// One step of the checkout breadcrumb line: `Address ✓ › Business ✓ › [Delivery] › Review`.
public struct Breadcrumb: Equatable, Sendable {
    public var step: CheckoutStep
    public var isCurrent: Bool
    public var isDone: Bool
}

/// What is in flight, for the spinner and for ignoring repeated presses.
public enum Activity: String, Codable, Sendable, Hashable, CaseIterable {
    case session, categories, products, search, product, cart, wishlist, coupons
    case login, otp, register, logout, profile, notifications, password, deactivate
    case addresses, saveAddress, business, delivery, placeOrder, paymentSetup, paymentPolling
    case orders, orderDetail, cancelOrder

    /// What the spinner says.
    public var label: String {
        switch self {
        case .session: "Connecting"
        case .categories: "Loading categories"
        case .products: "Loading products"
        case .search: "Searching"
        case .product: "Loading the product"
        case .cart: "Updating the cart"
        case .wishlist: "Updating the wishlist"
        case .coupons: "Checking coupons"
        case .login: "Sending the OTP"
        case .otp: "Checking the OTP"
        case .register: "Creating the account"
        case .logout: "Signing out"
        case .profile: "Saving the profile"
        case .notifications: "Saving preferences"
        case .password: "Updating the password"
        case .deactivate: "Deactivating"
        case .addresses: "Loading addresses"
        case .saveAddress: "Saving the address"
        case .business: "Saving business details"
        case .delivery: "Checking delivery"
        case .placeOrder: "Placing the order"
        case .paymentSetup: "Preparing the payment"
        case .paymentPolling: "Waiting for the payment"
        case .orders: "Loading orders"
        case .orderDetail: "Loading the order"
        case .cancelOrder: "Cancelling the order"
        }
    }
}
