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

    /// The options as plain values.
    var launch: ShopLaunch {
        ShopLaunch(
            store: store.choice, record: recording.record, display: display.choice, readonly: readonly, open: open,
            log: log, kioskPublicURL: kioskPublicURL)
    }

    @MainActor
    func run() async throws {
        try await launch.run()
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
