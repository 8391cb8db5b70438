import StorefrontAPI

/// Everything the screens draw. A value: equal states draw equal screens.
public struct State: Equatable, Sendable {
    public var session = SessionState.starting
    /// The signed-in user (nil for guests).
    public var user: User?
    /// The route stack; the last element is the screen shown. Never empty.
    public var route: [Route] = [.catalog]
    public var notice: Notice?
    /// What is in flight (the spinner).
    public var inFlight: Set<Activity> = []
    /// The texts of every input.
    public var form = Form()

    public var auth = AuthState()
    public var catalog = CatalogState()
    public var product = ProductState()
    public var cart = CartState()
    public var wishlist = WishlistState()
    public var coupons = CouponsState()
    public var checkout = CheckoutState()
    public var payment = PaymentState()
    public var orders = OrdersState()
    public var account = AccountState()
    /// Set: nothing may change (support and demos); see ``ReadOnlyMode``.
    public var readOnly: ReadOnlyMode?
    /// Focus, the `?` help, the flash (``UIState``).
    public var ui = UIState()

    public init() {}

    /// The screen shown.
    public var currentRoute: Route { route.last ?? .catalog }

    /// True while anything is in flight.
    public var isBusy: Bool { !inFlight.isEmpty }

    /// What the spinner says ("Placing the order"), nil when idle; checkout and payment come first.
    public var busyText: String? {
        Activity.allCases.last(where: inFlight.contains)?.label
    }

    public var isSignedIn: Bool { session.claims?.isLoggedIn == true && session.claims?.isAnonymous == false }

    /// Units in the cart, including changes not yet confirmed (the header).
    public var cartCount: Int { cart.count }

    /// What the cart will cost (the header); an estimate while changes are in flight.
    public var cartAmount: Money { cart.amount }

    /// The checkout breadcrumbs, or empty outside checkout.
    public var breadcrumbs: [Breadcrumb] {
        guard let current = checkout.currentStep(in: route) else { return [] }
        let steps = CheckoutStep.allCases
        let currentIndex = steps.firstIndex(of: current) ?? 0
        return steps.enumerated().map { index, step in
            Breadcrumb(step: step, isCurrent: step == current, isDone: index < currentIndex)
        }
    }

    /// "Catalog › Cart › Address" for the header.
    public var routeTitles: [String] { route.map(\.title) }
}

/// Read-only mode: every change is refused with "Read-only: <what> is disabled" and sends no request.
public struct ReadOnlyMode: Equatable, Sendable {
    /// The user whose cart is shown (a support view of another user's cart); nil: the session's own.
    public var cartOwner: String?

    public init(cartOwner: String? = nil) {
        self.cartOwner = cartOwner
    }
}

/// A message on the notice line; stays until the user does something else (``Reducer`` clears it), is dismissed
/// or is replaced.
public struct Notice: Equatable, Sendable, Codable {
    public enum Kind: String, Equatable, Sendable, Codable { case info, success, error }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
