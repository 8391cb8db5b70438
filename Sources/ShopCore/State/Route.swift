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
        case .catalog, .product, .cart, .wishlist, .coupons, .login, .otp, .register, .forgotPassword,
            .resetPassword, .payment:
            false
        }
    }

    var isAuthentication: Bool {
        switch self {
        case .login, .otp, .register: true
        case .catalog, .product, .cart, .wishlist, .coupons, .account, .profile, .notifications, .changePassword,
            .forgotPassword, .resetPassword, .checkout, .addressForm, .payment, .orders, .orderDetail:
            false
        }
    }

    var isCheckout: Bool {
        switch self {
        case .checkout, .addressForm: true
        case .catalog, .product, .cart, .wishlist, .coupons, .login, .otp, .register, .account, .profile,
            .notifications, .changePassword, .forgotPassword, .resetPassword, .payment, .orders, .orderDetail:
            false
        }
    }

    /// The inputs of the screen, in tab order (typing starts in the first one); `usePassword`: the login and
    /// register screens ask for a password.
    public func formFields(usePassword: Bool) -> [Field] {
        switch self {
        case .login: usePassword ? [.loginIdentifier, .password] : [.loginIdentifier]
        case .otp: [.otp]
        case .register:
            usePassword
                ? [.registerEmail, .registerPhone, .password]
                : [.registerFirstName, .registerLastName, .registerEmail, .registerPhone]
        case .addressForm:
            [
                .addressFirstName, .addressLastName, .addressPhone, .addressEmail, .addressLine1, .addressLine2,
                .addressPincode, .addressCity, .addressState,
            ]
        case .checkout(.business): [.businessName, .gstin, .pan]
        case .profile: [.profileFirstName, .profileLastName, .profileEmail, .profilePhone]
        case .changePassword: [.currentPassword, .newPassword]
        case .forgotPassword: [.resetIdentifier]
        case .resetPassword: [.otp, .newPassword]
        case .catalog, .product, .cart, .wishlist, .coupons, .account, .notifications, .checkout, .payment, .orders,
            .orderDetail:
            []
        }
    }

    /// A support view (another user's cart) shows it: the catalog, products and the customer's cart.
    var isInSupportView: Bool {
        switch self {
        case .catalog, .product, .cart: true
        case .wishlist, .coupons, .login, .otp, .register, .account, .profile, .notifications, .changePassword,
            .forgotPassword, .resetPassword, .checkout, .addressForm, .payment, .orders, .orderDetail:
            false
        }
    }

    /// What opening it would change, in words, for read-only mode's refusal; nil when it changes nothing.
    var readOnlyChange: String? {
        switch self {
        case .login, .otp, .register, .forgotPassword, .resetPassword: "signing in"
        case .coupons: "coupons, gift cards, points and credit"
        case .checkout, .addressForm, .payment: "checkout"
        case .profile, .notifications, .changePassword: "account changes"
        case .catalog, .product, .cart, .wishlist, .account, .orders, .orderDetail: nil
        }
    }

    /// The route without the parts that differ between runs (order numbers), as replay compares it.
    var replayName: String {
        switch self {
        case .product(let id): "product(\(id))"
        case .checkout(let step): "checkout(\(step.rawValue))"
        case .payment: "payment"
        case .orderDetail: "order_detail"
        case .addressForm: "address_form"
        case .changePassword: "change_password"
        case .forgotPassword: "forgot_password"
        case .resetPassword: "reset_password"
        case .catalog, .cart, .wishlist, .coupons, .login, .otp, .register, .account, .profile, .notifications,
            .orders:
            "\(self)"
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
