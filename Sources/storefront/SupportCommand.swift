import ArgumentParser
import Foundation
import ShopCore
import StorefrontAPI

/// `storefront support find|cart`: finding a customer, and their cart as support sees it, read-only.
struct SupportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "support", abstract: "Support tools: find a customer, and read their cart.",
        subcommands: [Find.self, Cart.self])

    static let credentialHelp = """
        It reads with a support token, which may read any user's cart and change nothing. The built-in sandbox \
        mints one itself; a sandbox started with `storefront sandbox serve` mints one from its support key \
        (--support-key-file FILE: `sandbox serve` prints where its key is). Commerce Engine's public storefront API \
        has no support login: on a real store pass a token issued by an operator (--support-token-file FILE). \
        The token is kept in memory only, never in the customer's token file; minted from a support key, it is \
        minted again when it expires.
        """

    struct Find: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "find",
            abstract: "Find a customer by phone, email, order or user id: their user id, cart and last activity.",
            discussion: """
                It prints the user (id, name, masked phone and email, guest or registered), their cart (id, \
                lines, amount to be paid, coupon) and their last activity; a guest whose cart moved to an account \
                when they signed in is shown with where it went. On the sandbox it reads with the support token \
                (GET /support/users, a sandbox extension). Commerce Engine's storefront API has no user search: on \
                a real store only --user-id works (their Account screen shows it), and it shows that user's cart.
                \(SupportCommand.credentialHelp)
                Exit status: 0 found, 1 no such user (or the store refused), 2 bad usage.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var customer: SupportSelectorOptions
        @OptionGroup var credentials: SupportCredentialOptions

        func run() async throws {
            let target = try store.announcedTarget()
            let credential = try credentials.credential(target: target)
            let connection = try await StoreConnection.open(target, tokenStore: MemoryTokenStore())
            let result = await Result { () async throws -> [SupportUser] in
                let support = try await credential.client(connection)
                return try await SupportLookup.find(customer.selector, support: support)
            }
            await connection.close()
            let users = try result.get()
            guard !users.isEmpty else { throw CommandFailure(customer.notFound) }
            let found = users.map(SupportLookup.Found.init)
            if output.json {
                struct Answer: Encodable { var users: [SupportLookup.Found] }
                try Output.printJSON(Answer(users: found))
            } else {
                found.flatMap(\.lines).forEach(Output.line)
            }
        }
    }

    struct Cart: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cart",
            abstract: "Open a customer's cart read-only in the TUI (GET /carts/users/{id}), or print it with --json.",
            discussion: """
                The customer is named as for `support find` (--phone, --email, --order or --user-id); every key \
                that would change something is disabled. The view reads the cart again every 5 s (it says when \
                it last read); r reads it at once.
                \(SupportCommand.credentialHelp)
                Exit status: 0 ok, 1 no such user or no cart (or the store refused), 2 bad usage.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var display: DisplayOptions
        @OptionGroup var customer: SupportSelectorOptions
        @OptionGroup var credentials: SupportCredentialOptions

        @Flag(name: .long, help: "Accepted for symmetry: the support view is always read-only.")
        var readonly = false

        @MainActor
        func run() async throws {
            if !output.json { try DisplayOptions.requireTerminal("use --json to print the cart") }
            // The shop's header names the store; printed output gets the line on stderr.
            let target = try output.json ? store.announcedTarget() : store.target()
            let credential = try credentials.credential(target: target)
            // The customer's token file is not read or written: the shop's own client only asks for the token.
            let connection = try await StoreConnection.open(target, tokenStore: MemoryTokenStore())
            let loaded: (StorefrontClient, String, StorefrontAPI.Cart)
            do {
                loaded = try await Self.load(customer, credential, connection)
            } catch {
                await connection.close()
                throw error
            }
            let (support, userID, cart) = loaded
            if output.json {
                await connection.close()
                try Output.printJSON(
                    CartSnapshot(cart: cart, store: connection.storeKey, userID: userID, withPII: false))
                return
            }
            var initial = State()
            initial.readOnly = ReadOnlyMode(cartOwner: userID)
            initial.route = [.cart]
            let shop = Store(initialState: initial, environment: ShopEnvironment(api: .live(support)))
            defer { shop.cancelAll() }
            try await display.run(shop, storeName: connection.storeName, connection: connection)
        }

        /// The support client, the customer's user id and their cart; an unknown user, or one without a cart
        /// (saying where a moved cart went), is a failure of its own.
        nonisolated static func load(
            _ customer: SupportSelectorOptions, _ credential: SupportCredential, _ connection: StoreConnection
        ) async throws -> (StorefrontClient, String, StorefrontAPI.Cart) {
            let support = try await credential.client(connection)
            let userID: String
            if case .userID(let id) = customer.selector {
                userID = id
            } else {
                let users = try await SupportLookup.find(customer.selector, support: support)
                guard let user = users.first else { throw CommandFailure(customer.notFound) }
                userID = user.id
            }
            let cart: StorefrontAPI.Cart?
            do {
                cart = try await support.userCart(userID: userID)
            } catch .http(404, "USER_NOT_FOUND", _, _) {
                throw CommandFailure(SupportSelectorOptions.notFound(userID))
            } catch {
                throw CommandFailure(error.message)
            }
            guard let cart else {
                let moved = await SupportLookup.movedCart(of: userID, support: support)
                throw CommandFailure(SupportLookup.noCartMessage(userID, moved: moved))
            }
            return (support, userID, cart)
        }
    }
}
