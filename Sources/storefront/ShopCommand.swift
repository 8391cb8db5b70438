import ArgumentParser
import Foundation
import Logging
import ShopCore
import ShopTUI
import StorefrontAPI

/// The shop itself: the TUI on the sandbox or on a Commerce Engine store.
struct ShopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shop", abstract: "Open the storefront in the terminal (the default command).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var recording: RecordOptions

    @OptionGroup var display: DisplayOptions

    @Flag(name: .long, help: "Read-only: every key that would change the cart, the account or the session is disabled.")
    var readonly = false

    @Option(name: .long, help: "Open a screen first: cart, wishlist, orders, order:NUMBER or product:SLUG.")
    var open: String?

    @Option(name: .long, help: "Write log messages to this file (nothing is logged otherwise).")
    var log: String?

    /// Set in process by `kiosk-session` only: payment links to loopback are rebased onto this public URL, or
    /// hidden (with "Ask the presenter") when it is empty.
    @Option(name: .customLong("kiosk-public-url"), help: .hidden)
    var kioskPublicURL: String?

    func validate() throws {
        if let open, ShopCommand.deepLink(open) == nil {
            throw ValidationError("--open takes cart, wishlist, orders, order:NUMBER or product:SLUG, not \"\(open)\".")
        }
    }

    /// The actions a `--open` value starts with.
    static func deepLink(_ value: String) -> [Action]? {
        switch value {
        case "cart": return [.navigate(.cart)]
        case "wishlist": return [.navigate(.wishlist)]
        case "orders": return [.navigate(.orders)]
        default:
            if value.hasPrefix("order:"), value.count > "order:".count {
                return [
                    .navigate(.orders), .navigate(.orderDetail(orderNumber: String(value.dropFirst("order:".count)))),
                ]
            }
            guard value.hasPrefix("product:"), value.count > "product:".count else { return nil }
            return [.navigate(.product(id: String(value.dropFirst("product:".count))))]
        }
    }

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
        let recorder = try await recording.start(shop, connection: connection)
        defer { recorder?.close() }
        // A kiosk's visitors see the store's id, not the address the presenter's sshd reaches it at.
        let storeName = kioskPublicURL == nil ? connection.storeName : target.storeKey
        try await display.run(
            shop, storeName: storeName, connection: connection,
            first: saved + (open.flatMap(ShopCommand.deepLink) ?? []),
            paymentLinks: kioskPublicURL.map { .kiosk(publicURL: $0.isEmpty ? nil : $0) } ?? .asGiven)
    }
}

extension StoreTarget {
    /// This store's saved catalog page: keyed by the store id and its base URL (for the in-process sandbox, its
    /// database file), so that two stores never share one.
    func catalogCache(environment: [String: String] = ProcessInfo.processInfo.environment) -> CatalogCacheFile {
        let directory = CatalogCacheFile.directory(environment: environment)
        switch self {
        case .sandbox(let path):
            let file = URL(fileURLWithPath: path).standardizedFileURL.path
            return CatalogCacheFile(directory: directory, storeID: storeKey, baseURL: "sandbox:\(file)")
        case .commerceEngine(let remote):
            return CatalogCacheFile(
                directory: directory, storeID: remote.storeID, baseURL: remote.baseURL.absoluteString)
        }
    }
}
