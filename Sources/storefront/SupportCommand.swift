import ArgumentParser
import Foundation
import ShopCore
import StorefrontAPI

/// `storefront support cart --user-id ID`: a customer's cart as support sees it, read-only.
struct SupportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "support", abstract: "Support tools: a customer's cart, read-only.", subcommands: [Cart.self])

    struct Cart: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cart",
            abstract: "Open a user's cart read-only in the TUI (GET /carts/users/{id}), or print it with --json.",
            discussion: """
                It reads with a support token, which may read any user's cart and change nothing; every key that \
                would change something is disabled. The built-in sandbox mints one itself; a sandbox started with \
                `storefront sandbox serve` mints one from its support key (--support-key or STOREFRONT_SUPPORT_KEY). \
                Commerce Engine's public storefront API has no support login: on a real store pass a token issued \
                by an operator (--support-token or STOREFRONT_SUPPORT_TOKEN). The token is kept in memory only, \
                never in the customer's token file; minted from a support key, it is minted again when it \
                expires. The view reads the cart again every 5 s (its header says when it last read); r reads \
                it at once.
                Exit status: 0 ok, 1 no such user or no cart (or the store refused), 2 bad usage.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var display: DisplayOptions

        @Option(name: .customLong("user-id"), help: "The user whose cart to show.")
        var userID: String

        @Flag(name: .long, help: "Accepted for symmetry: the support view is always read-only.")
        var readonly = false

        @Option(
            name: .customLong("support-key"),
            help: "A sandbox's support key, to mint the support token (env STOREFRONT_SUPPORT_KEY).")
        var supportKey: String?

        @Option(
            name: .customLong("support-token"),
            help: "An operator-issued support token, for a real store (env STOREFRONT_SUPPORT_TOKEN).")
        var supportToken: String?

        @Option(
            name: .customLong("support-key-file"),
            help: "A file holding the sandbox's support key: not visible in ps (env STOREFRONT_SUPPORT_KEY_FILE).")
        var supportKeyFile: String?

        @Option(
            name: .customLong("support-token-file"),
            help: "A file holding the support token: not visible in ps (env STOREFRONT_SUPPORT_TOKEN_FILE).")
        var supportTokenFile: String?

        func validate() throws {
            if userID.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--user-id is empty.") }
            let given = [supportKey, supportToken, supportKeyFile, supportTokenFile].compactMap { $0 }
            if given.count > 1 {
                throw ValidationError(
                    "Give one of --support-key, --support-key-file, --support-token or --support-token-file.")
            }
        }

        @MainActor
        func run() async throws {
            if !output.json { try DisplayOptions.requireTerminal("use --json to print the cart") }
            let target = try store.target()
            let environment = ProcessInfo.processInfo.environment
            // A file named on the command line or in the environment keeps the secret out of `ps` and /proc.
            func secret(_ value: String?, file: String?, fileVariable: String, naming: String) throws -> String? {
                if let value { return value }
                guard let path = file ?? environment[fileVariable], !path.isEmpty else { return nil }
                return try StoreOptions.readSecret(file: path, naming: naming)
            }
            let token = try secret(
                supportToken, file: supportTokenFile, fileVariable: "STOREFRONT_SUPPORT_TOKEN_FILE",
                naming: "support token")
            let key =
                token != nil
                ? nil
                : try secret(
                    supportKey, file: supportKeyFile, fileVariable: "STOREFRONT_SUPPORT_KEY_FILE",
                    naming: "support key")
            let credential = try SupportCredential.choose(
                target: target, key: key, token: token, environment: environment)
            // The customer's token file is not read or written: the shop's own client only asks for the token.
            let connection = try await StoreConnection.open(target, tokenStore: MemoryTokenStore())
            let (support, cart): (StorefrontClient, StorefrontAPI.Cart?)
            do {
                (support, cart) = try await Self.load(userID, credential, connection)
            } catch {
                await connection.close()
                throw error
            }
            guard let cart else {
                await connection.close()
                throw CommandFailure("user \(userID) has no cart.")
            }
            if output.json {
                await connection.close()
                try Output.printJSON(CartSnapshot(cart: cart, store: connection.storeKey, withPII: false))
                return
            }
            var initial = State()
            initial.readOnly = ReadOnlyMode(cartOwner: userID)
            initial.route = [.cart]
            let shop = Store(initialState: initial, environment: ShopEnvironment(api: support))
            defer { shop.cancelAll() }
            try await display.run(shop, storeName: connection.storeName, connection: connection)
        }

        /// The support client and the user's cart (nil when the user has none); an unknown user is a failure of
        /// its own.
        nonisolated static func load(_ userID: String, _ credential: SupportCredential, _ connection: StoreConnection)
            async throws -> (StorefrontClient, StorefrontAPI.Cart?)
        {
            let support = try await credential.client(connection)
            do {
                return (support, try await support.userCart(userID: userID))
            } catch .http(404, "USER_NOT_FOUND", _, _) {
                throw CommandFailure("no user \(userID) in this store.")
            } catch {
                throw CommandFailure(error.message)
            }
        }
    }
}

/// Where the support token comes from.
enum SupportCredential {
    /// The in-process sandbox's own key.
    case sandbox
    /// A sandbox server's support key: `POST /auth/support`.
    case key(String)
    /// An operator-issued token, used as it is.
    case token(String)

    static func choose(target: StoreTarget, key: String?, token: String?, environment: [String: String]) throws
        -> SupportCredential
    {
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        if let token = nonEmpty(token) ?? (key == nil ? nonEmpty(environment["STOREFRONT_SUPPORT_TOKEN"]) : nil) {
            return .token(token)
        }
        if let key = nonEmpty(key) ?? nonEmpty(environment["STOREFRONT_SUPPORT_KEY"]) { return .key(key) }
        if case .sandbox = target { return .sandbox }
        throw ValidationError(
            "A store needs a support token: --support-token (or STOREFRONT_SUPPORT_TOKEN), issued by an operator "
                + "(the public storefront API has no support login), or --support-key for a sandbox server.")
    }

    /// A client that reads with the support token.
    func client(_ connection: StoreConnection) async throws -> StorefrontClient {
        switch self {
        case .token(let token):
            return connection.client.supportClient(token: token)
        case .key(let key):
            return try await Self.signIn(connection.client, key: key)
        case .sandbox:
            guard let key = await connection.sandboxSupportKey() else { throw CommandFailure("no sandbox support key") }
            return try await Self.signIn(connection.client, key: key)
        }
    }

    /// A support client whose token the key renews when it expires (support tokens live minutes; the view
    /// stays open longer).
    private static func signIn(_ client: StorefrontClient, key: String) async throws -> StorefrontClient {
        try await Failing.api { try await client.renewingSupportClient(supportKey: key) }
    }
}
