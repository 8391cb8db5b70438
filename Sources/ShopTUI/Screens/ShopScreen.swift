import ShopCore

/// One screen of the shop: its keys (what the footer and `?` show too), how it draws the state, and what its
/// inputs are called (their order is the route's: ``Route/formFields(usePassword:)``).
protocol ShopScreen {
    /// The screen's own keys; the global ones (``ShopKeys``) come after them.
    static func keys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>]
    static func draw(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput
    /// The label of each input the screen shows.
    static var fieldLabels: [Field: String] { get }
}

extension ShopScreen {
    static var fieldLabels: [Field: String] { [:] }

    /// The inputs of the screen shown, in tab order, with their labels.
    static func formFields(_ state: State) -> [(Field, String)] {
        state.formFields.map { ($0, fieldLabels[$0] ?? $0.rawValue) }
    }
}

/// The screen that shows `route`: the one place a new route gets its screen.
func screen(for route: Route) -> any ShopScreen.Type {
    switch route {
    case .catalog: CatalogScreen.self
    case .product: ProductScreen.self
    case .cart: CartScreen.self
    case .wishlist: WishlistScreen.self
    case .coupons: CouponsScreen.self
    case .login, .otp: LoginScreen.self
    case .register: RegisterScreen.self
    case .account, .profile, .notifications, .changePassword, .forgotPassword, .resetPassword: AccountScreen.self
    case .checkout, .addressForm: CheckoutScreen.self
    case .payment: PaymentScreen.self
    case .orders, .orderDetail: OrdersScreen.self
    }
}
