import Foundation
import ShopCore
import StorefrontAPI

/// The shop as a `TerminalProgram`: draws the store's state (header, breadcrumbs, the current screen, the
/// notice line or the spinner, the footer of key hints) and turns keys into store actions through one key
/// table per screen plus a global one. The same table resolves keys, writes the footer and the `?` help.
///
/// ```swift
/// let app = ShopApp(store: store, storeName: "Sandbox store")
/// let runner = TerminalRunner(program: app, options: options)
/// app.attach(runner)
/// _ = try await runner.run()
/// ```
@MainActor
public final class ShopApp: TerminalProgram {
    public let store: Store
    public let storeName: String
    private weak var runner: TerminalRunner?
    /// The field keys are typed into, if any.
    public private(set) var focus: Field? {
        didSet { cachedKeyTable = nil }
    }
    /// The key table of the state and focus shown: built once per change, used by the key, the footer and help.
    private var cachedKeyTable: KeyTable<ShopIntent>?
    private var focusRoute: Route?
    /// The `?` help, while it is open.
    public private(set) var help: HelpState?
    public var showingHelp: Bool { help != nil }
    public private(set) var linkRegions: [LinkRegion] = []
    /// Where the last frame drew the screen's list and the footer's hints: what mouse clicks hit.
    var listRegion: ListRegion?
    private(set) var footerTargets: (row: Int, hints: [(cols: Range<Int>, intent: ShopIntent)])?
    /// The last left click, to tell a double click that follows from a fresh one; a press not yet released.
    var lastClick: MouseClick?
    var pressed: MouseEvent?
    /// A one-off message of the app itself ("Link copied"), until the next key.
    private var flash: String?
    /// The link `flash` says was copied: when the screen no longer shows it (a failed payment), the flash goes.
    private var flashLink: String?
    private var busySince: ContinuousClock.Instant?
    /// The notice last seen and the screen it appeared on: it is not carried to other screens.
    private var seenNotice: ShopCore.Notice?
    private var noticeRoute: Route?
    /// False when the app only draws a store that something else drives (the replay view): it then sends the
    /// store nothing of its own accord (a notice of a screen left stays until the recording dismisses it, as it
    /// did when the session was recorded).
    public var drivesStore = true
    /// How the payment screen shows links (the SSH kiosk hides or rebases loopback ones).
    public var paymentLinks: PaymentLinkPolicy = .asGiven
    /// When the last key arrived: a key after `longIdle` without one marks the cart stale.
    private var lastKeyAt: ContinuousClock.Instant?
    /// After this long away, the cart may have been changed elsewhere (another window, the kiosk's `add`).
    static let longIdle: Duration = .seconds(300)

    public init(store: Store, storeName: String) {
        self.store = store
        self.storeName = storeName
        store.onChange = { [weak self] in self?.stateChanged() }
        syncFocus()
        trackNotice()
    }

    /// Redraws through `runner` when the store changes.
    public func attach(_ runner: TerminalRunner) {
        self.runner = runner
    }

    public var state: State { store.state }

    public var isAnimating: Bool { store.state.isBusy }

    private func stateChanged() {
        cachedKeyTable = nil
        if let flashLink, paymentLinks.shown(store.state.payment.link) != flashLink {
            flash = nil
            self.flashLink = nil
        }
        syncFocus()
        trackNotice()
        // A notice belongs to the screen where it appeared: leaving that screen dismisses it in the store, so
        // that the same message raised again on another screen (the same failure twice) is a new notice there
        // and not the old one, hidden. (Dismissing re-enters here once, with no notice.)
        if drivesStore, store.state.notice != nil, noticeRoute != store.state.currentRoute {
            store.send(.dismissNotice)
            return
        }
        trackCart()
        runner?.requestRender()
    }

    // MARK: Cart re-reads

    /// While the cart screen is shown the cart is read again every `cartRecheck`, since it may change elsewhere
    /// (a second terminal, the kiosk's `ssh … add`); opening the cart reads it too when the last answer is older
    /// than that (a cart just answered is not read again: the journey's requests stay the fewest). A read that
    /// finds the same cart changes no cell, so nothing is written to the terminal.
    static let cartRecheck: Duration = .seconds(5)
    private var cartTimer: (any DispatchSourceTimer)?
    private var cartReadAt: ContinuousClock.Instant?
    private var lastServerCart: Cart?
    private var wasOnCart = false

    /// When the last read of the cart answered (wall clock), shown on a support view's notice line while no
    /// notice is: support sees how fresh the customer's cart on screen is.
    private(set) var cartAnsweredAt: Date?
    private var cartLoading = false

    private func trackCart() {
        guard drivesStore else { return }
        let cart = store.state.cart
        let loading = store.state.inFlight.contains(.cart)
        if cartLoading, !loading, cart.isLoaded, !cart.isStale { cartAnsweredAt = Date() }
        cartLoading = loading
        if cart.server != lastServerCart {
            lastServerCart = cart.server
            cartReadAt = .now
        }
        let onCart = store.state.currentRoute == .cart
        defer { wasOnCart = onCart }
        guard onCart != wasOnCart else { return }
        if onCart {
            if cart.isLoaded, !cart.isStale, cartReadAt.map({ ContinuousClock.now - $0 >= Self.cartRecheck }) ?? true {
                recheckCart()
            }
            let timer = DispatchSource.makeTimerSource(queue: .main)
            let interval = DispatchTimeInterval.seconds(Int(Self.cartRecheck.components.seconds))
            timer.schedule(deadline: .now() + interval, repeating: interval)
            timer.setEventHandler { [weak self] in
                MainActor.assumeIsolated { self?.cartTimerFired() }
            }
            cartTimer = timer
            timer.resume()
        } else {
            cartTimer?.cancel()
            cartTimer = nil
        }
    }

    private func cartTimerFired() {
        let cart = store.state.cart
        guard store.state.currentRoute == .cart, !store.state.inFlight.contains(.cart), cart.inFlight == nil,
            cart.queue.isEmpty, cart.pending.isEmpty,
            cartReadAt.map({ ContinuousClock.now - $0 >= Self.cartRecheck }) ?? true
        else { return }
        recheckCart()
    }

    /// Marks the cart stale, which on the cart screen reads it (the same action as a long absence).
    private func recheckCart() {
        cartReadAt = .now
        store.send(.cart(.view(.markStale)))
    }

    // MARK: Focus

    /// The inputs of a form screen, in tab order (typing starts in the first one).
    static func formFields(_ route: Route) -> [Field] {
        switch route {
        case .login: [.loginIdentifier]
        case .otp: [.otp]
        case .register: [.registerFirstName, .registerLastName, .registerEmail, .registerPhone]
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
        default: []
        }
    }

    /// The inputs of the screen shown: ``formFields(_:)``, with the password ones when the login and register
    /// screens use a password.
    static func formFields(_ state: State) -> [Field] {
        switch state.currentRoute {
        case .login where state.auth.usePassword: [.loginIdentifier, .password]
        case .register where state.auth.usePassword: RegisterScreen.passwordFields.map(\.0)
        default: formFields(state.currentRoute)
        }
    }

    private func trackNotice() {
        let notice = store.state.notice
        if notice != seenNotice {
            seenNotice = notice
            noticeRoute = store.state.currentRoute
        }
    }

    /// The store's notice, while the user stays on the screen where it appeared.
    var visibleNotice: ShopCore.Notice? {
        trackNotice()
        return noticeRoute == store.state.currentRoute ? store.state.notice : nil
    }

    private func syncFocus() {
        let route = store.state.currentRoute
        let fields = Self.formFields(store.state)
        if route != focusRoute {
            focusRoute = route
            focus = fields.first
        } else if let field = focus, !fields.isEmpty, !fields.contains(field) {
            // The form changed under the cursor (the login screen switched between an OTP and a password).
            focus = fields.first
        }
    }

    var context: ScreenContext { context(theme: .default) }

    func context(theme: Theme) -> ScreenContext {
        ScreenContext(state: store.state, theme: theme, focus: focus, paymentLinks: paymentLinks)
    }

    // MARK: Keys

    /// The keys of the screen shown (its own, then the global ones): what `handle` resolves, the footer
    /// shows and `?` lists.
    public var keyTable: KeyTable<ShopIntent> {
        syncFocus()
        if let cachedKeyTable { return cachedKeyTable }
        let table = Self.keyTable(context, focus: focus)
        cachedKeyTable = table
        return table
    }

    static func keyTable(_ ctx: ScreenContext, focus: Field?) -> KeyTable<ShopIntent> {
        let own = Self.screenKeys(ctx)
        let global = focus != nil ? Self.typingKeys(ctx) : Self.globalKeys(ctx)
        // A global binding gives way to the screen's binding of the same key.
        let taken = Set(own.flatMap(\.keys))
        let rest = global.compactMap { b -> KeyBinding<ShopIntent>? in
            var b = b
            b.keys.removeAll { taken.contains($0) }
            return b.keys.isEmpty ? nil : b
        }
        return KeyTable(own + rest).readOnly(in: ctx.state)
    }

    static func screenKeys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        switch ctx.state.currentRoute {
        case .catalog: CatalogScreen.keys(ctx)
        case .product: ProductScreen.keys(ctx)
        case .cart: CartScreen.keys(ctx)
        case .wishlist: WishlistScreen.keys(ctx)
        case .coupons: CouponsScreen.keys(ctx)
        case .login, .otp: LoginScreen.keys(ctx)
        case .register: RegisterScreen.keys(ctx)
        case .account, .profile, .notifications, .changePassword, .forgotPassword, .resetPassword:
            AccountScreen.keys(ctx)
        case .checkout, .addressForm: CheckoutScreen.keys(ctx)
        case .payment: PaymentScreen.keys(ctx)
        case .orders, .orderDetail: OrdersScreen.keys(ctx)
        }
    }

    /// Keys that work on every screen when nothing is being typed.
    static func globalKeys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        var keys: [KeyBinding<ShopIntent>] = []
        let route = ctx.state.currentRoute
        if ctx.state.route.count > 1 {
            keys.append(.key([.escape], "back", "Go back to the screen before", priority: 40, .back))
        }
        if route != .catalog {
            keys.append(.key([.char("b")], "browse", "Browse the catalog", priority: 6, .send(.navigate(.catalog))))
        }
        if route != .cart {
            keys.append(.key([.char("c")], "cart", "Open the cart", priority: 8, .send(.navigate(.cart))))
        }
        if route != .wishlist {
            keys.append(.key([.char("w")], "wishlist", "Open the wishlist", priority: 4, .send(.navigate(.wishlist))))
        }
        if ctx.state.isSignedIn {
            if route != .orders {
                keys.append(.key([.char("o")], "orders", "Your orders", priority: 3, .send(.navigate(.orders))))
            }
            if route != .account {
                keys.append(.key([.char("a")], "account", "Your account", priority: 3, .send(.navigate(.account))))
            }
        } else if route != .login {
            keys.append(
                .key([.char("l")], "log in", "Log in (an OTP or a password)", priority: 5, .send(.navigate(.login))))
        }
        // Help stays in the narrowest footer: it shows the keys that did not fit.
        keys.append(.key([.char("?")], "help", "Show all keys", priority: 55, .help))
        keys.append(.key([.function(1)], "help", "Show all keys", footer: false, .help))
        keys.append(.key([.char("q")], "quit", "Quit", priority: 35, .quit))
        keys.append(.key([.ctrl("c")], "quit", "Quit", footer: false, .quit))
        keys.append(.key([.ctrl("l")], "redraw", "Redraw the screen", footer: false, .redraw))
        return keys
    }

    /// Keys while typing into a field: letters go to the field, so only special keys are bound.
    static func typingKeys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        var keys: [KeyBinding<ShopIntent>] = []
        let fields = formFields(ctx.state)
        if fields.count > 1 {
            keys.append(.key([.tab], "next", "Next field", priority: 20, .nextField))
            keys.append(.key([.down], "next", "Next field", footer: false, .nextField))
            keys.append(.key([.backTab, .up], "previous", "Previous field", footer: false, .previousField))
        }
        if fields.isEmpty {
            keys.append(.key([.escape], "done", "Stop typing", priority: 25, .stopTyping))
        } else if ctx.state.route.count > 1 {
            keys.append(.key([.escape], "back", "Go back to the screen before", priority: 25, .back))
        }
        keys.append(.key([.function(1)], "help", "Show all keys", priority: 2, .help))
        keys.append(.key([.ctrl("c")], "quit", "Quit", footer: false, .quit))
        keys.append(.key([.ctrl("l")], "redraw", "Redraw the screen", footer: false, .redraw))
        return keys
    }

    public func handle(_ key: Key) -> ProgramCommand {
        let now = ContinuousClock.now
        if let last = lastKeyAt, now - last >= Self.longIdle { store.send(.cart(.view(.markStale))) }
        lastKeyAt = now
        syncFocus()
        flash = nil
        if help != nil { return HelpState.handle(key, &help) }
        if let intent = keyTable.intent(for: key) {
            return perform(intent)
        }
        if case .mouse(let event) = key {
            return handleMouse(event)
        }
        if let field = focus {
            switch key {
            case .char(let c): store.send(.edit(field, .insert(String(c))))
            case .paste(let text): store.send(.edit(field, .insert(text)))
            case .backspace, .ctrl("h"): store.send(.edit(field, .backspace))
            case .ctrl("u"): store.send(.edit(field, .clear))
            default: break
            }
        }
        return .continue
    }

    /// Does what a binding says.
    @discardableResult
    public func perform(_ intent: ShopIntent) -> ProgramCommand {
        switch intent {
        case .send(let action):
            store.send(action)
            syncFocus()
        case .focus(let field):
            focus = field
        case .nextField, .previousField:
            let fields = Self.formFields(store.state)
            if let f = focus, let i = fields.firstIndex(of: f), !fields.isEmpty {
                let step = intent == .nextField ? 1 : fields.count - 1
                focus = fields[(i + step) % fields.count]
            }
        case .submitField:
            submit()
        case .stopTyping:
            focus = nil
        case .back:
            store.send(.back)
            syncFocus()
        case .help:
            help = HelpState()
        case .quit:
            return .quit
        case .copyLink:
            guard let link = paymentLinks.shown(store.state.payment.link) else { return .continue }
            guard runner?.capabilities?.clipboard ?? true else {
                flash = "This terminal cannot copy for us (no OSC 52): select the link's row instead."
                return .continue
            }
            flash = "Link copied."
            flashLink = link
            return .copy(link)
        case .redraw:
            return .redrawAll
        case .list(let jump):
            // The list the last frame drew says how long a page is and where the ends are.
            guard let region = listRegion else { return .continue }
            let delta = region.delta(jump)
            if delta != 0 { store.send(.moveSelection(by: delta)) }
        }
        return .continue
    }

    private func submit() {
        guard let field = focus else { return }
        switch field {
        case .searchQuery:
            focus = nil
        case .couponCode:
            focus = nil
            store.send(.coupons(.view(.applyTyped)))
        case .giftCardCode:
            focus = nil
            store.send(.cart(.view(.applyGiftCard)))
        case .loyaltyPoints:
            focus = nil
            store.send(.cart(.view(.redeemLoyaltyPoints)))
        case .creditAmount:
            focus = nil
            store.send(.cart(.view(.redeemCreditBalance)))
        default:
            store.send(.select)
        }
        syncFocus()
    }

    // MARK: Drawing

    public func render(into buffer: inout CellBuffer, theme: Theme) -> CursorPlacement? {
        syncFocus()
        let state = store.state
        let ctx = context(theme: theme)
        let layout = ScreenLayout(buffer: buffer, maxContentWidth: 200)
        let narrow = buffer.width < 80
        let right = headerRight(ctx, narrow: narrow)
        // The columns HeaderBar leaves the title.
        let room = buffer.width - 2 - (right.isEmpty ? 0 : min(DisplayWidth.of(right), buffer.width / 2) + 2)
        HeaderBar.draw(
            into: &buffer, title: headerTitle(state, theme, narrow: narrow, room: room), right: right, theme: theme)
        drawBreadcrumbs(state, into: &buffer, layout: layout, theme: theme)
        let output = Self.drawScreen(ctx, into: &buffer, rect: layout.content.inset(horizontal: 1))
        linkRegions = output.links
        listRegion = output.list
        drawNoticeLine(state, into: &buffer, row: layout.notice.row, theme: theme)
        let table = keyTable
        let hints = FooterBar.draw(into: &buffer, row: layout.footer.row, table: table, theme: theme)
        footerTargets = (layout.footer.row, hints)
        var cursor = output.cursor
        if var shown = help {
            cursor = HelpOverlay.draw(into: &buffer, table: table, state: &shown, theme: theme)
            help = shown
            linkRegions = []
            listRegion = nil
            footerTargets = nil
        }
        if theme.glyphs.isASCII { Self.foldToASCII(&buffer) }
        return cursor
    }

    /// Typographic characters in texts (quotes, dashes, ellipses) become ASCII look-alikes under `--ascii`.
    static func foldToASCII(_ buffer: inout CellBuffer) {
        let table: [String: String] = [
            "“": "\"", "”": "\"", "‘": "'", "’": "'", "—": "-", "–": "-", "…": ".", "·": "|", "×": "x",
        ]
        for row in 0..<buffer.height {
            for col in 0..<buffer.width {
                let cell = buffer[row, col]
                if let plain = table[cell.text] {
                    buffer.put(plain, width: 1, row: row, col: col, style: cell.style)
                }
            }
        }
    }

    static func drawScreen(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        switch ctx.state.currentRoute {
        case .catalog: CatalogScreen.draw(ctx, into: &buffer, rect: rect)
        case .product: ProductScreen.draw(ctx, into: &buffer, rect: rect)
        case .cart: CartScreen.draw(ctx, into: &buffer, rect: rect)
        case .wishlist: WishlistScreen.draw(ctx, into: &buffer, rect: rect)
        case .coupons: CouponsScreen.draw(ctx, into: &buffer, rect: rect)
        case .login, .otp: LoginScreen.draw(ctx, into: &buffer, rect: rect)
        case .register: RegisterScreen.draw(ctx, into: &buffer, rect: rect)
        case .account, .profile, .notifications, .changePassword, .forgotPassword, .resetPassword:
            AccountScreen.draw(ctx, into: &buffer, rect: rect)
        case .checkout, .addressForm: CheckoutScreen.draw(ctx, into: &buffer, rect: rect)
        case .payment: PaymentScreen.draw(ctx, into: &buffer, rect: rect)
        case .orders, .orderDetail: OrdersScreen.draw(ctx, into: &buffer, rect: rect)
        }
    }

    private func headerTitle(_ state: State, _ theme: Theme, narrow: Bool, room: Int) -> String {
        let route = state.currentRoute
        // A support view names whose cart it shows, and the store when there is room (user ids are long).
        if route == .cart, let owner = state.readOnly?.cartOwner {
            let whose = "Cart of user \(owner)"
            let named = "\(storeName) \(theme.glyphs.separator) \(whose)"
            return DisplayWidth.of(named) <= room ? named : whose
        }
        // Titles hold "·"; replaced only when the glyphs differ (ASCII), not on every frame.
        let title =
            theme.glyphs.separator == "·" || !route.title.contains("·")
            ? route.title : route.title.replacingOccurrences(of: "·", with: theme.glyphs.separator)
        if narrow, route != .catalog { return title }
        return route == .catalog ? storeName : "\(storeName) \(theme.glyphs.separator) \(title)"
    }

    private func headerRight(_ ctx: ScreenContext, narrow: Bool) -> String {
        let state = ctx.state
        let who: String
        if state.isSignedIn {
            who = state.user?.displayName ?? "signed in"
        } else {
            who = state.session.claims == nil ? "connecting" : "guest"
        }
        let count = state.cartCount
        let cart =
            count == 0 ? "cart empty" : "\(count) \(count == 1 ? "item" : "items") \(ctx.money(state.cartAmount))"
        // Read-only mode wears a badge, even when narrow.
        let badge = state.readOnly == nil ? "" : "READ-ONLY \(ctx.theme.glyphs.separator) "
        // Narrow, or a support view (whose title says whose cart): the cart without who is signed in.
        if narrow || state.readOnly?.cartOwner != nil { return badge + cart }
        return badge + "\(who) \(ctx.theme.glyphs.separator) \(cart)"
    }

    /// "14:02:31", local time.
    static let clockTime: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter
    }()

    private func drawBreadcrumbs(_ state: State, into buffer: inout CellBuffer, layout: ScreenLayout, theme: Theme) {
        guard layout.content.row >= 2 else { return }
        let steps = ["Address", "Business", "Delivery", "Review", "Payment"]
        let current: Int
        if case .payment = state.currentRoute {
            current = 4
        } else if let crumb = state.breadcrumbs.first(where: \.isCurrent),
            let i = CheckoutStep.allCases.firstIndex(of: crumb.step)
        {
            current = i
        } else {
            return
        }
        Breadcrumbs.draw(
            into: &buffer, steps: steps, current: current, row: 1, col: 1, maxWidth: buffer.width - 2, theme: theme)
    }

    private func drawNoticeLine(_ state: State, into buffer: inout CellBuffer, row: Int, theme: Theme) {
        // What the key just pressed did ("Link copied.") comes before the spinner of work still going on.
        if let flash {
            Notice(.info, flash).draw(into: &buffer, row: row, theme: theme)
            return
        }
        if state.isBusy, let text = state.busyText {
            if busySince == nil { busySince = .now }
            let ms = busySince.map { Int((ContinuousClock.now - $0) / .milliseconds(1)) } ?? 0
            buffer.fill(Rect(row: row, col: 0, width: buffer.width, height: 1))
            Spinner().draw(
                into: &buffer, row: row, col: 1, label: text + theme.glyphs.ellipsis, elapsedMilliseconds: ms,
                theme: theme)
            return
        }
        busySince = nil
        if let notice = visibleNotice {
            let kind: Notice.Kind
            switch notice.kind {
            case .info: kind = .info
            case .success: kind = .success
            case .error: kind = .error
            }
            Notice(kind, notice.text).draw(into: &buffer, row: row, theme: theme)
        } else if state.readOnly?.cartOwner != nil, state.currentRoute == .cart, let read = cartAnsweredAt {
            let text =
                "Read \(Self.clockTime.string(from: read)) \(theme.glyphs.separator) "
                + "read again every \(Self.cartRecheck.components.seconds) s while shown"
            buffer.write(
                text, row: row, col: 1, style: .role(.dim), maxWidth: buffer.width - 2, ellipsis: theme.glyphs.ellipsis)
        }
    }
}
