import Foundation
import ShopCore
import ShopTUI
import StorefrontAPI

/// What `storefront shop` was asked, as plain values: `ShopCommand`'s options once parsed, or `ShopLaunch()` when
/// the program is started with no arguments at all. That start, the usual one, skips argument-parser: its
/// reflection over the command tree took ~4–5 ms of every start, mostly the runtime's first look-ups of protocol
/// conformances (issue #18, BENCHMARKS.md run L). `ShopLaunchTests` keeps `ShopLaunch()` equal to what parsing no
/// arguments gives.
struct ShopLaunch: Equatable {
    var store = StoreChoice()
    /// `--record FILE`.
    var record: String?
    var display = DisplayChoice()
    var readonly = false
    /// `--open`: a screen first (``ShopCommand/deepLink(_:)``).
    var open: String?
    /// `--log FILE`.
    var log: String?
    /// `--kiosk-public-url`, set in process by `kiosk-session` only.
    var kioskPublicURL: String?

    @MainActor
    func run() async throws {
        try DisplayOptions.requireTerminal()
        // Logging was set up by `Storefront.main` (--log FILE or nowhere): nothing writes to this terminal.
        let target = try store.target()
        // Requests sent before the in-process sandbox listens wait for it.
        let connection = StoreConnection.prepare(target)
        var initial = State()
        if readonly { initial.readOnly = ReadOnlyMode() }
        // The catalog page of the last run on this store is shown in the first frame, marked as refreshing,
        // until the store's own page replaces it (prices in the cart and checkout are always the store's).
        let catalogCache = target.catalogCache()
        let saved = catalogCache.load().map { [Action.catalog(.view(.savedCopyRead($0)))] } ?? []
        // With a saved page the first frame shows the catalog, and the sandbox starts after it (as it does on its
        // own, `DisplayOptions.run`). With none, nothing is shown before the sandbox answers: it starts now, on
        // another thread, while this one opens the terminal (#18: the catalog ~20 ms sooner on a new home).
        if saved.isEmpty { connection.start() }
        let shop = Store(
            initialState: initial,
            environment: ShopEnvironment(api: .live(connection.client), catalogCache: catalogCache))
        defer { shop.cancelAll() }
        let recorder = try await RecordOptions.start(record: record, shop, connection: connection)
        defer { recorder?.close() }
        // A kiosk's visitors see the store's id, not the address the presenter's sshd reaches it at.
        let storeName = kioskPublicURL == nil ? connection.storeName : target.storeKey
        try await display.run(
            shop, storeName: storeName, connection: connection,
            first: saved + (open.flatMap(ShopCommand.deepLink) ?? []),
            paymentLinks: kioskPublicURL.map { .kiosk(publicURL: $0.isEmpty ? nil : $0) } ?? .asGiven)
    }
}
