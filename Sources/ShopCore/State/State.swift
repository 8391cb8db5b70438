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

public enum SessionState: Equatable, Sendable {
    case starting
    case ready(TokenClaims)
    case failed(APIError)

    public var claims: TokenClaims? {
        if case .ready(let claims) = self { return claims }
        return nil
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

// MARK: Session

/// What an OTP is for.
public enum OTPPurpose: String, Codable, Sendable, Hashable {
    case login, register, resetPassword
}

public struct AuthState: Equatable, Sendable {
    /// How the user identifies: phone, email or WhatsApp.
    public var channel: OTPChannel = .phone
    public var purpose: OTPPurpose = .login
    /// The OTP challenge being answered.
    public var challenge: OTPChallenge?
    /// Seconds until "resend" is allowed.
    public var resendCooldown = 0
    /// Wrong OTPs still accepted for this challenge.
    public var triesLeft = 0
    /// The OTP screen's message ("Wrong OTP, 2 tries left").
    public var message: String?
    /// Where to go once signed in (checkout sends guests to log in first).
    public var afterLogin: Route?
    /// What was typed as the identifier of the other kind (an email address while a number is asked for, or a
    /// number while an email is): switching between email and phone swaps it back, so one is never shown as
    /// the other.
    public var otherIdentifier = ""
    /// The login screen asks for a password instead of sending an OTP; the register screen then creates an
    /// account with a password (`/auth/register/password`, still confirmed by an OTP).
    public var usePassword = false

    public init() {}

    /// In the sandbox (debug mode) the OTP comes back with the challenge: the OTP screen shows it.
    public var sandboxOTP: String? { challenge?.otp }
    public var canResend: Bool { resendCooldown == 0 }
}

// MARK: Catalog

public struct CatalogState: Equatable, Sendable {
    public var products: [Product] = []
    public var selectedIndex = 0
    public var nextPage: Int? = 1
    public var isLoading = false
    public var totalRecords = 0
    /// The products are the page saved by an earlier run (``SavedCatalog``), shown until the store's first page
    /// replaces them: drawn as "refreshing" (or as a saved copy once the store failed to answer).
    public var showsSavedCopy = false
    /// Products the store listed that could not be read, on the pages loaded so far.
    public var unreadable: [DroppedElement] = []
    public var categories: [Category] = []
    /// nil: all products.
    public var categoryID: String?
    /// Search results while the query is not empty.
    public var results: [CatalogItem] = []
    /// The query the results answer.
    public var resultsQuery = ""
    /// Increases with every search sent; answers of older searches are dropped.
    public var searchGeneration = 0

    public init() {}

    public var selectedProduct: Product? {
        products.indices.contains(selectedIndex) ? products[selectedIndex] : nil
    }

    public var selectedResult: CatalogItem? {
        results.indices.contains(selectedIndex) ? results[selectedIndex] : nil
    }
}

public struct ProductState: Equatable, Sendable {
    public var id: String?
    public var product: Product?
    public var variants: [Variant] = []
    public var selectedVariantIndex = 0
    public var quantity = 1

    public init() {}

    public var selectedVariant: Variant? {
        variants.indices.contains(selectedVariantIndex) ? variants[selectedVariantIndex] : nil
    }

    var pricing: Pricing? { selectedVariant?.pricing ?? product?.pricing }

    /// The most that may be ordered: the order limit and the stock, whichever is lower.
    public var maxQuantity: Int? {
        let limits = [pricing?.maxOrderQuantity, selectedVariant?.stockQuantity ?? product?.stockQuantity]
            .compactMap { $0 }.filter { $0 > 0 }
        return limits.min()
    }

    public var minQuantity: Int { max(1, pricing?.minOrderQuantity ?? 1) }

    public var isPurchasable: Bool {
        guard let product else { return false }
        if product.hasVariant || !variants.isEmpty {
            return selectedVariant?.isPurchasable ?? false
        }
        return product.isPurchasable
    }

    /// The cart line the product page adds to.
    public var line: LineID? {
        guard let product else { return nil }
        return LineID(productId: product.id, variantId: selectedVariant?.id)
    }
}

// MARK: Cart

/// A cart mutation; the cart runs one at a time.
public enum CartCommand: Codable, Sendable, Hashable {
    case setQuantity(LineID, Int)
    case applyCoupon(String)
    case removeCoupon
    case applyGiftCard(String)
    case removeGiftCard
    case redeemLoyaltyPoints(Int)
    case removeLoyaltyPoints
    case redeemCreditBalance(Money)
    case removeCreditBalance
    case setAddresses(billingID: String, shippingID: String)
    case setDelivery(methodID: String, courierID: String?, shipmentID: String? = nil)
    /// Collect-in-store at a store of the fulfillment options.
    case setPickup(storeID: String)
}

/// A quantity the user asked for that the server has not confirmed yet.
public struct PendingLine: Equatable, Sendable {
    public var quantity: Int
    /// What to show for a line that is not in the server's cart yet.
    public var preview: CartItem?
}

public struct CartRequest: Equatable, Sendable {
    public var sequence: Int
    public var command: CartCommand
}

/// A line removed from the cart, kept so that one key can put it back.
public struct RemovedLine: Equatable, Sendable {
    public var item: CartItem
    public var quantity: Int

    public var name: String { item.displayName.isEmpty ? item.productId : item.displayName }
}

/// A line as the cart screen shows it.
public struct CartLine: Equatable, Sendable {
    public var item: CartItem
    /// True while the shown quantity is not confirmed by the server.
    public var isPending: Bool
}

public struct CartState: Equatable, Sendable {
    /// The cart as the server last answered it.
    public var server: Cart?
    public var isLoaded = false
    /// The server's cart may differ from `server`: a read or a change failed, or the user was away a long
    /// while (another window or the kiosk's `add` may have changed it). Opening the cart reads it again then;
    /// otherwise the cart the server last answered is current (every change here answers the whole cart).
    public var isStale = false
    /// Quantities asked for but not confirmed: shown at once (optimistic), dropped on failure (rollback).
    public var pending: [LineID: PendingLine] = [:]
    /// Other mutations waiting their turn.
    public var queue: [CartCommand] = []
    /// The mutation the server is working on.
    public var inFlight: CartRequest?
    /// Numbers requests; an answer whose number is not the one in flight is ignored.
    public var sequence = 0
    public var selectedIndex = 0
    /// The line last removed (`d`, or `-` at the lowest quantity), which `u` puts back.
    public var lastRemoved: RemovedLine?

    public init() {}

    /// The lines to show: the server's with pending quantities applied, then lines being added.
    public var lines: [CartLine] {
        var result: [CartLine] = []
        let serverItems = server?.cartItems ?? []
        for item in serverItems {
            if let pending = pending[item.lineID] {
                guard pending.quantity > 0 else { continue }
                var shown = item
                shown.quantity = pending.quantity
                result.append(CartLine(item: shown, isPending: pending.quantity != item.quantity))
            } else {
                result.append(CartLine(item: item, isPending: false))
            }
        }
        let known = Set(serverItems.map(\.lineID))
        for (line, pending) in pending.sorted(by: { $0.key < $1.key })
        where !known.contains(line) && pending.quantity > 0 {
            var preview =
                pending.preview
                ?? CartItem(
                    productId: line.productId, variantId: line.variantId, productName: nil, quantity: 0,
                    sellingPrice: .zero)
            preview.quantity = pending.quantity
            result.append(CartLine(item: preview, isPending: true))
        }
        return result
    }

    public var selectedLine: CartLine? {
        let lines = lines
        return lines.indices.contains(selectedIndex) ? lines[selectedIndex] : nil
    }

    /// The quantity shown for a line.
    public func quantity(of line: LineID) -> Int {
        pending[line]?.quantity ?? server?.line(line)?.quantity ?? 0
    }

    public var count: Int { lines.reduce(0) { $0 + $1.item.quantity } }

    /// The server's `to_be_paid`, adjusted by the pending changes at their selling prices.
    public var amount: Money {
        var total = server?.toBePaid ?? .zero
        for (line, pending) in pending {
            let current = server?.line(line)
            let price = current?.sellingPrice ?? pending.preview?.sellingPrice ?? .zero
            total = total + price * (pending.quantity - (current?.quantity ?? 0))
        }
        return total
    }

    /// True while the amount includes unconfirmed changes.
    public var isEstimate: Bool { !pending.isEmpty }

    public var isMutating: Bool { inFlight != nil || !queue.isEmpty || !pending.isEmpty }

    public var isEmpty: Bool { lines.isEmpty }
}

// MARK: Wishlist and coupons

public struct WishlistState: Equatable, Sendable {
    public var items: [CatalogItem] = []
    public var isLoaded = false
    public var selectedIndex = 0
    /// Products being moved to the cart, with the cart's quantity before: each leaves the wishlist only once the
    /// cart holds more of it.
    public var movingToCart: [LineID: Int] = [:]

    public init() {}

    public var selectedItem: CatalogItem? {
        items.indices.contains(selectedIndex) ? items[selectedIndex] : nil
    }

    public func contains(_ line: LineID) -> Bool {
        items.contains { $0.productId == line.productId && $0.variantId == line.variantId }
    }
}

public struct CouponsState: Equatable, Sendable {
    public var applicable: [EvaluatedCoupon] = []
    /// Each with its `reason` (and `suggestion`).
    public var inapplicable: [EvaluatedCoupon] = []
    /// Over applicable then inapplicable.
    public var selectedIndex = 0
    /// Why the last coupon was rejected.
    public var rejection: String?
    /// The typed code the store last rejected: Enter then applies the highlighted coupon, not it again.
    public var rejectedCode: String?

    public init() {}

    public var all: [EvaluatedCoupon] { applicable + inapplicable }

    public var selectedCoupon: EvaluatedCoupon? {
        let all = all
        return all.indices.contains(selectedIndex) ? all[selectedIndex] : nil
    }
}

extension State {
    /// Enter on the coupons screen applies the typed code, unless the store refused it already and a coupon of the
    /// list is highlighted: then the highlighted one.
    public var entersTypedCoupon: Bool {
        let typed = form.trimmed(.couponCode).uppercased()
        guard !typed.isEmpty else { return false }
        return typed != coupons.rejectedCode || coupons.selectedCoupon == nil
    }

    /// The most credit this cart can take: the balance, but no more than is to be paid (before any credit).
    public var maxCreditToUse: Money? {
        guard let balance = user?.creditBalance else { return nil }
        let payable = cart.server.map { $0.toBePaid + $0.creditBalanceUsed } ?? cart.amount
        return min(balance, max(payable, .zero))
    }
}

extension Money {
    /// "150.00": what the credit field takes.
    var plainMajor: String {
        let magnitude = minorUnits.magnitude
        let fraction = magnitude % 100
        return (minorUnits < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}

// MARK: Checkout and payment

public enum Placement: String, Codable, Sendable, Hashable {
    /// No order yet.
    case idle
    /// `POST /orders` is in flight.
    case placing
    /// The last attempt failed without an answer: the order may exist, so it is looked up before any new one.
    case uncertain
    /// The order exists (`CheckoutState.order`).
    case placed
}

public struct CheckoutState: Equatable, Sendable {
    public var addresses: [Address] = []
    public var selectedAddressIndex = 0
    /// The address set on the cart.
    public var address: Address?
    /// Business details sent with `POST /customers`, if any.
    public var business: BusinessDetails?
    public var businessSkipped = false
    public var serviceability: Serviceability?
    public var deliveryMethods: [ShippingMethod] = []
    /// Stores to collect from (`collect` of the fulfillment options), listed after the delivery methods.
    public var pickupStores: [PickupStore] = []
    /// Over `deliveryMethods` then `pickupStores`.
    public var selectedDeliveryIndex = 0
    public var deliveryMethodID: String?
    /// The store chosen for collect-in-store (then `deliveryMethodID` is nil).
    public var pickupStoreID: String?
    /// What was found for each PIN code checked: typed in the address form, or of a saved address.
    public var pincodeChecks: [String: PincodeCheck] = [:]
    /// Enter was pressed on this step while its list was loading: it acts once the list is there.
    public var pendingChoice: CheckoutStep?
    public var placement = Placement.idle
    /// The cart the order is placed from.
    public var cartID: String?
    /// The created order: once set, never created again.
    public var order: Order?

    public init() {}

    public var selectedAddress: Address? {
        addresses.indices.contains(selectedAddressIndex) ? addresses[selectedAddressIndex] : nil
    }

    public var selectedDeliveryMethod: ShippingMethod? {
        deliveryMethods.indices.contains(selectedDeliveryIndex) ? deliveryMethods[selectedDeliveryIndex] : nil
    }

    /// The store under the cursor, when it is past the delivery methods.
    public var selectedPickupStore: PickupStore? {
        let index = selectedDeliveryIndex - deliveryMethods.count
        return pickupStores.indices.contains(index) ? pickupStores[index] : nil
    }

    /// Rows of the delivery step: the delivery methods, then the stores to collect from.
    public var deliveryChoiceCount: Int { deliveryMethods.count + pickupStores.count }

    public var chosenDeliveryMethod: ShippingMethod? { deliveryMethods.first { $0.id == deliveryMethodID } }

    public var chosenPickupStore: PickupStore? { pickupStores.first { $0.id == pickupStoreID } }

    /// What is known of delivery to `address`'s PIN code, nil when not checked.
    public func pincodeCheck(of address: Address) -> PincodeCheck? {
        address.pincode.flatMap { pincodeChecks[$0] }
    }

    func currentStep(in route: [Route]) -> CheckoutStep? {
        for route in route.reversed() {
            if case .checkout(let step) = route { return step }
            if route == .addressForm { return .address }
        }
        return nil
    }
}

/// Whether the store delivers to a PIN code, as its serviceability check (with this cart) answered.
public enum PincodeCheck: Equatable, Sendable, Codable {
    case checking
    case deliverable
    /// Not delivered there: the items that cannot be (empty: nothing is), and whether the fulfillment options
    /// list a store to collect from instead.
    case undeliverable(items: [String], collect: Bool)
    /// The check itself failed (network); the Delivery step checks again.
    case unknown

    /// "We don't deliver to 194101 yet." or "Not deliverable to 560001: Linen Shirt."; nil when delivered.
    public func undeliverableText(_ pincode: String) -> String? {
        guard case .undeliverable(let items, _) = self else { return nil }
        return items.isEmpty
            ? "We don't deliver to \(pincode) yet." : "Not deliverable to \(pincode): \(items.joined(separator: ", "))."
    }

    /// Not deliverable and no store to collect from: an address to avoid.
    public var isDeadEnd: Bool {
        if case .undeliverable(_, collect: false) = self { return true }
        return false
    }
}

public enum PaymentPhase: String, Codable, Sendable, Hashable {
    case idle
    /// Creating the Juspay customer and order.
    case settingUp
    /// Could not get a payment link; retry sets up again (the order is kept).
    case setupFailed
    /// The link is shown; the status is polled.
    case awaiting
    case paid
    case failed
    /// Two minutes without an answer; "check again" polls again.
    case timedOut
    /// The user stopped polling.
    case stopped
}

/// Where the payment link on screen came from.
public enum PaymentLinkSource: String, Codable, Sendable, Hashable {
    /// `content.data.payment_links.web` of `POST /payments/juspay/create-order` (the seeds' flow).
    case juspayOrder
    /// `payment_info.payment_links.web` of `POST /orders`, shown only because create-order failed.
    case orderAnswer
    /// The answer of a payment retry.
    case retry
}

public struct PaymentState: Equatable, Sendable {
    public var orderNumber: String?
    public var phase = PaymentPhase.idle
    /// The hosted payment page to open (or show as a QR code).
    public var link: String?
    public var linkSource: PaymentLinkSource?
    /// The link `POST /orders` answered, kept in case Juspay create-order fails.
    public var orderAnswerLink: String?
    /// The Juspay order of create-order: id, status, amount and its other links (the detail view).
    public var juspayOrder: JuspayOrder?
    /// What is to be paid (the order's `to_be_paid`), shown beside the order number.
    public var amount: Money?
    /// The detail view (mobile and iframe links, Juspay order id, status, amount) is open.
    public var showingDetail = false
    public var status: PaymentStatus?
    /// Polls so far in this round.
    public var polls = 0
    public var message: String?

    public init() {}

    public var isRetryAvailable: Bool {
        switch phase {
        case .failed: status?.isRetryAvailable ?? false
        case .setupFailed, .timedOut, .stopped: true
        default: false
        }
    }
}

// MARK: Orders and account

public struct OrdersState: Equatable, Sendable {
    public var orders: [Order] = []
    public var nextPage: Int? = 1
    public var selectedIndex = 0
    public var detail: Order?
    /// The cancel confirmation of the order shown is showing.
    public var confirmingCancel = false
    /// Set at start: the first orders read say how many await payment (a notice).
    public var announceAwaiting = false

    public init() {}

    public var selectedOrder: Order? {
        orders.indices.contains(selectedIndex) ? orders[selectedIndex] : nil
    }

    /// The orders read so far that can still be paid.
    public var awaitingPayment: [Order] { orders.filter(\.isAwaitingPayment) }

    /// "1 order awaiting payment", nil when none.
    public var awaitingPaymentText: String? {
        let count = awaitingPayment.count
        guard count > 0 else { return nil }
        return count == 1 ? "1 order awaiting payment" : "\(count) orders awaiting payment"
    }
}

/// A row of the notification preferences screen.
public enum NotificationTopic: String, Codable, Sendable, Hashable, CaseIterable {
    case transactional, promotional, newsletter
}

public enum NotificationMedium: String, Codable, Sendable, Hashable, CaseIterable {
    case email, sms, whatsapp
}

public struct AccountState: Equatable, Sendable {
    public var preferences: NotificationPreferences?
    /// False when the server has none yet (GET answered 404): saving creates them.
    public var preferencesStored = true
    /// Cursor over topic × medium (row-major).
    public var preferenceIndex = 0
    /// The deactivate confirmation is showing.
    public var confirmingDeactivation = false
    /// The log-out confirmation is showing.
    public var confirmingLogout = false
    /// The forgot-password challenge being answered.
    public var resetChallenge: OTPChallenge?
    /// The customer's loyalty points as the store last told them (read on opening Account or Coupons); nil for a
    /// guest, before the answer, or when the store would not tell.
    public var loyalty: LoyaltyDetails?

    public init() {}

    public func isEnabled(_ topic: NotificationTopic, _ medium: NotificationMedium) -> Bool {
        guard let channels = preferences?.channels(topic) else { return false }
        return channels.value(medium)
    }
}

extension NotificationPreferences {
    func channels(_ topic: NotificationTopic) -> NotificationChannels? {
        switch topic {
        case .transactional: transactional
        case .promotional: promotional
        case .newsletter: newsletter
        }
    }

    mutating func setChannels(_ topic: NotificationTopic, _ channels: NotificationChannels) {
        switch topic {
        case .transactional: transactional = channels
        case .promotional: promotional = channels
        case .newsletter: newsletter = channels
        }
    }
}

extension NotificationChannels {
    func value(_ medium: NotificationMedium) -> Bool {
        switch medium {
        case .email: email
        case .sms: sms
        case .whatsapp: whatsapp
        }
    }

    mutating func toggle(_ medium: NotificationMedium) {
        switch medium {
        case .email: email.toggle()
        case .sms: sms.toggle()
        case .whatsapp: whatsapp.toggle()
        }
    }
}
