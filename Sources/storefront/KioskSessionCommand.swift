import ArgumentParser
import Foundation
import Kiosk
import ShopCore
import StorefrontAPI

/// `storefront kiosk-session --config FILE`: what the kiosk's sshd runs for every connection (ForceCommand).
///
/// The visitor is the SHA-256 of the public key sshd accepted (`ExposeAuthInfo` → `$SSH_USER_AUTH`); their
/// tokens live in `STATE/visitors/<fingerprint>/`, so the same key reconnecting finds the same anonymous
/// session and cart, and two keys never share one. A connection without a key gets a session of its own,
/// removed when it ends. The store's URL and API key come from the 0600 settings file, never from argv or
/// the environment. `$SSH_ORIGINAL_COMMAND` may ask for one of a few scripted requests (`cart`, `add`);
/// nothing reaches a shell.
struct KioskSessionCommand: AsyncParsableCommand, ManagesItsOwnLogging {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-session",
        abstract: "One SSH kiosk connection (run by sshd's ForceCommand; see `storefront ssh-kiosk init`).")

    @Option(help: "The kiosk settings file written by `ssh-kiosk init`.") var config: String

    func run() async throws {
        let settings: KioskSettings
        do {
            settings = try KioskSettings.load(path: config)
        } catch {
            throw CommandFailure(error.description)
        }
        let environment = ProcessInfo.processInfo.environment
        let request: KioskRequest
        do {
            request = try KioskRequest(originalCommand: environment["SSH_ORIGINAL_COMMAND"])
        } catch {
            FileHandle.standardError.write(Data("storefront: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        let identity = VisitorIdentity.current(environment: environment)
        let visitorDirectory = identity.stateDirectory(under: URL(fileURLWithPath: settings.stateDirectory))
        try? FileManager.default.createDirectory(
            at: visitorDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        identity.record(in: visitorDirectory)
        defer {
            if identity.isEphemeral { try? FileManager.default.removeItem(at: visitorDirectory) }
        }
        // One logging set-up for every request: nowhere (or STOREFRONT_LOG=stderr, which visitors cannot set).
        try Storefront.bootstrapLogging(logFile: nil)
        switch request {
        case .help:
            Output.line(KioskRequest.usage)
        case .shop:
            try await Self.openShop(settings: settings, visitorDirectory: visitorDirectory, environment: environment)
        case .showCart:
            let client = Self.client(settings: settings, visitorDirectory: visitorDirectory)
            let cart = try await Failing.api { try await client.userCart(userID: nil) }
            CartCommand.printCart(cart)
        case .add(let product, let quantity):
            let client = Self.client(settings: settings, visitorDirectory: visitorDirectory)
            let (cart, name) = try await Failing.api { try await Self.add(product, quantity: quantity, client: client) }
            Output.line("Added \(quantity) × \(name).")
            CartCommand.printCart(cart)
        }
    }

    /// The visitor's tokens: the same file the shop uses for this store under the visitor's state folder.
    static func tokenStore(settings: KioskSettings, visitorDirectory: URL) -> FileTokenStore {
        FileTokenStore.forStore(
            settings.storeID, location: settings.baseURL, environment: ["XDG_STATE_HOME": visitorDirectory.path])
    }

    static func client(settings: KioskSettings, visitorDirectory: URL) -> StorefrontClient {
        StorefrontClient(
            configuration: ClientConfiguration(
                baseURL: URL(string: settings.baseURL)!, apiKey: settings.apiKey, debugMode: settings.debugMode),
            tokenStore: tokenStore(settings: settings, visitorDirectory: visitorDirectory))
    }

    /// The shop in the visitor's terminal, with their state folder as `XDG_STATE_HOME` (so the shop's own
    /// per-store token file is the visitor's). The key and URL go to the shop in process, not through argv.
    @MainActor
    static func openShop(settings: KioskSettings, visitorDirectory: URL, environment: [String: String]) async throws {
        guard isatty(0) == 1 else {
            FileHandle.standardError.write(
                Data("storefront: the shop needs a terminal; connect with ssh -t (or run a command: help).\n".utf8))
            throw ExitCode(2)
        }
        // TERM from the client is a hint: none at all means a plain xterm; an unknown one falls back in the UI.
        if (environment["TERM"] ?? "").isEmpty || environment["TERM"] == "dumb" { setenv("TERM", "xterm-256color", 1) }
        setenv("XDG_STATE_HOME", visitorDirectory.path, 1)
        setenv("XDG_DATA_HOME", visitorDirectory.appendingPathComponent("data").path, 1)
        // OTPs show on screen when the store says it is a sandbox (`x-storefront-sandbox`), not by a flag.
        var arguments = ["--store-id", settings.storeID, "--api-key", settings.apiKey, "--env", settings.baseURL]
        // A visitor pays from their phone: loopback payment links move onto the public URL, or are hidden.
        arguments += ["--kiosk-public-url", settings.publicURL ?? ""]
        // A checkout the dropped connection interrupted resumes on its order and payment status.
        if let number = await pendingOrder(client(settings: settings, visitorDirectory: visitorDirectory)) {
            arguments += ["--open", "order:\(number)"]
        }
        let shop = try ShopCommand.parse(arguments)
        try await shop.run()
    }

    /// The visitor's newest order still waiting for payment (signed-in visitors only; none on any failure).
    static func pendingOrder(_ client: StorefrontClient) async -> String? {
        guard let claims = try? await client.session(), claims.isLoggedIn,
            let page = try? await client.orders(page: 1, limit: 5)
        else { return nil }
        return KioskResume.orderToResume(
            page.orders.map { ($0.orderNumber, $0.status?.rawValue, $0.paymentStatus?.rawValue) })
    }

    /// Adds `quantity` of a product (id or slug; its first variant in stock when it has variants).
    static func add(_ idOrSlug: String, quantity: Int, client: StorefrontClient) async throws(APIError) -> (
        Cart, String
    ) {
        let product = try await client.product(idOrSlug)
        var variant: Variant?
        if product.hasVariant {
            var variants = product.variants ?? []
            if variants.isEmpty { variants = try await client.variants(productID: product.id) }
            variant = variants.first(where: \.stockAvailable) ?? variants.first
        }
        let existing = try await client.userCart(userID: nil)
        let already =
            existing?.cartItems.first { $0.productId == product.id && $0.variantId == variant?.id }?.quantity ?? 0
        let update = CartItemUpdate(productId: product.id, variantId: variant?.id, quantity: already + quantity)
        let cart: Cart
        if let existing {
            cart = try await client.setItem(cartID: existing.id, update)
        } else {
            cart = try await client.createCart(items: [update])
        }
        return (cart, [product.name, variant?.name].compactMap { $0 }.joined(separator: " — "))
    }
}
