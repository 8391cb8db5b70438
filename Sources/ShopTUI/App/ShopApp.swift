import Foundation
import ShopCore
import StorefrontAPI

/// The shop as a `TerminalProgram`, a thin adapter: a key becomes an intent through the key table of the screen
/// shown (``ShopKeys``), the intent an action sent to the store; the store's state is drawn (the header, the
/// screen, the notice line, the footer of key hints, the `?` help). What a key does to the state, focus and the
/// help included, is the reducer's.
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
    /// How the payment screen shows links (the SSH kiosk hides or rebases loopback ones).
    public var paymentLinks: PaymentLinkPolicy = .asGiven
    /// Re-reads the cart while it is shown; nil where the app only draws a store something else drives (replay).
    public var cartRecheck: CartRecheck?
    /// The key table of the state shown, a function of it: built at most once per change of the store.
    private var cachedKeyTable: KeyTable<ShopIntent>?
    /// What the last frame drew, which mouse clicks and help scrolling hit: links, the screen's list, the
    /// footer's hints, the help's page.
    public private(set) var linkRegions: [LinkRegion] = []
    var listRegion: ListRegion?
    private(set) var footerTargets: (row: Int, hints: [(cols: Range<Int>, intent: ShopIntent)])?
    private var helpPage = HelpPage(rows: 1, lines: 0)
    /// The last left click, to tell a double click that follows from a fresh one; a press not yet released.
    var lastClick: MouseClick?
    var pressed: MouseEvent?
    /// When the spinner started turning (its animation starts at its first frame).
    private var busySince: ContinuousClock.Instant?

    public init(store: Store, storeName: String) {
        self.store = store
        self.storeName = storeName
        busySince = store.state.isBusy ? .now : nil
        store.onChange = { [weak self] in self?.stateChanged() }
    }

    /// Redraws through `runner` when the store changes.
    public func attach(_ runner: TerminalRunner) {
        self.runner = runner
    }

    public var state: State { store.state }
    public var isAnimating: Bool { store.state.isBusy }
    public var waits: Int { store.state.inFlight.count }
    /// The field keys are typed into, if any (``State/focus``).
    public var focus: Field? { store.state.focus }
    public var showingHelp: Bool { store.state.ui.help != nil }
    /// The notice shown (the reducer dismisses a notice when its screen is left).
    var visibleNotice: ShopCore.Notice? { store.state.notice }

    private func stateChanged() {
        cachedKeyTable = nil
        busySince = store.state.isBusy ? busySince ?? .now : nil
        cartRecheck?.stateChanged()
        runner?.requestRender()
    }

    func context(theme: Theme) -> ScreenContext {
        ScreenContext(state: store.state, theme: theme, focus: store.state.focus, paymentLinks: paymentLinks)
    }

    // MARK: Keys

    /// The keys of the screen shown (its own, then the global ones): what `handle` resolves, the footer
    /// shows and `?` lists.
    public var keyTable: KeyTable<ShopIntent> {
        if let cachedKeyTable { return cachedKeyTable }
        let table = ShopKeys.table(context(theme: .default))
        cachedKeyTable = table
        return table
    }

    public func handle(_ key: Key) -> ProgramCommand {
        let help = store.state.ui.help
        // The key means what the screen showed when it was pressed; its stamp (idle, the flash) goes first.
        let intent = help == nil ? keyTable.intent(for: key) : nil
        store.send(.ui(.keyPressed(at: store.now)))
        if let help {
            switch HelpKeys.outcome(of: key, in: help, page: helpPage) {
            case .help(let action): store.send(.ui(.help(action)))
            case .quit: return .quit
            case .none: break
            }
            return .continue
        }
        if let intent { return perform(intent) }
        if case .mouse(let event) = key { return handleMouse(event) }
        if let field = store.state.focus, let edit = ShopKeys.edit(key) { store.send(.edit(field, edit)) }
        return .continue
    }

    /// Does what a binding says.
    @discardableResult
    public func perform(_ intent: ShopIntent) -> ProgramCommand {
        switch intent {
        case .send(let action): store.send(action)
        case .focus(let field): store.send(.ui(.focus(field)))
        case .nextField: store.send(.ui(.nextField))
        case .previousField: store.send(.ui(.previousField))
        case .submitField: store.send(.ui(.submitField))
        case .stopTyping: store.send(.ui(.stopTyping))
        case .back: store.send(.back)
        case .help: store.send(.ui(.help(.open)))
        case .quit: return .quit
        case .redraw: return .redrawAll
        case .copyLink:
            guard let link = paymentLinks.shown(store.state.payment.link) else { break }
            guard runner?.capabilities?.clipboard ?? true else {
                store.send(.ui(.cannotCopy))
                break
            }
            store.send(.ui(.linkCopied))
            return .copy(link)
        case .list(let jump):
            // The list the last frame drew says how long a page is and where the ends are.
            guard let region = listRegion else { break }
            let delta = region.delta(jump)
            if delta != 0 { store.send(.moveSelection(by: delta)) }
        }
        return .continue
    }

    // MARK: Drawing

    public func render(into buffer: inout CellBuffer, theme: Theme) -> CursorPlacement? {
        let state = store.state
        let ctx = context(theme: theme)
        let layout = ScreenLayout(buffer: buffer, maxContentWidth: 200)
        ShopChrome.drawHeader(ctx, storeName: storeName, into: &buffer)
        ShopChrome.drawBreadcrumbs(state, into: &buffer, layout: layout, theme: theme)
        let output = screen(for: state.currentRoute).draw(ctx, into: &buffer, rect: layout.content.inset(horizontal: 1))
        ShopChrome.drawNoticeLine(
            state, into: &buffer, row: layout.notice.row, theme: theme,
            busyFor: busySince.map { ContinuousClock.now - $0 }, cartReadAt: cartRecheck?.answeredAt)
        let table = keyTable
        let hints = FooterBar.draw(into: &buffer, row: layout.footer.row, table: table, theme: theme)
        var cursor = output.cursor
        linkRegions = output.links
        listRegion = output.list
        footerTargets = (layout.footer.row, hints)
        if let help = state.ui.help {
            let drawn = HelpOverlay.draw(into: &buffer, table: table, state: help, theme: theme)
            cursor = drawn.cursor
            helpPage = drawn.page
            linkRegions = []
            listRegion = nil
            footerTargets = nil
        }
        if theme.glyphs.isASCII { ShopChrome.foldToASCII(&buffer) }
        return cursor
    }
}
